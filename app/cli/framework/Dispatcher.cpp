#include "Dispatcher.h"

#include "CliTr.h"
#include "Command.h"
#include "CommandContext.h"
#include "CommandRegistry.h"
#include "HelpText.h"
#include "LogFilter.h"
#include "output/CommandOutput.h"
#include "output/Console.h"

#include <QCommandLineParser>
#include <QEventLoop>

namespace PgVault::Cli {

namespace {

QString groupOf(const Command &command)
{
    return command.name().section(QLatin1Char(' '), 0, 0);
}

// Checks the number of positional arguments against the command's declaration.
Status checkArgumentCount(const Command &command, const QStringList &given)
{
    const QList<Command::Argument> declared = command.arguments();
    qsizetype required = 0;
    bool unlimited = false;
    for (const Command::Argument &argument : declared) {
        if (argument.kind == Command::Argument::Kind::Required)
            ++required;
        if (argument.kind == Command::Argument::Kind::Repeatable)
            unlimited = true;
    }
    if (given.size() < required) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("Missing argument %1.").arg(declared.at(given.size()).name));
    }
    if (!unlimited && given.size() > declared.size()) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("Unexpected argument “%1”.").arg(given.at(declared.size())));
    }
    return {};
}

} // namespace

Dispatcher::Dispatcher(Console &console, QObject *parent)
    : QObject(parent)
    , m_console(console)
{}

Dispatcher::~Dispatcher()
{
    // The context (and a running job) before the command that owns objects it may reference.
    m_context.reset();
    m_command.reset();
}

void Dispatcher::start(const QStringList &arguments)
{
    Q_ASSERT_X(!m_started, "Dispatcher::start", "a Dispatcher runs one command line");
    m_started = true;
    if (const CommandStatus status = dispatch(arguments))
        complete(*status);
}

int Dispatcher::exec(const QStringList &arguments)
{
    QEventLoop loop;
    connect(this, &Dispatcher::finished, &loop, &QEventLoop::quit);
    start(arguments);
    if (!m_finished)
        loop.exec();
    return m_exitCode;
}

CommandStatus Dispatcher::dispatch(const QStringList &arguments)
{
    m_commands = CommandRegistry::createAll();
    CommandOutput generalOutput(m_console, m_options);

    // First the global options in front of the command; everything from the first word on is
    // kept for the command's own parser.
    QCommandLineParser leading;
    leading.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    leading.addOptions(GlobalOptions::definitions());
    if (!leading.parse(arguments))
        return generalOutput.usageError(leading.errorText());
    m_options.readFrom(leading);
    LogFilter::apply(m_options.verbose);

    QStringList words = leading.positionalArguments();
    if (words.value(0) == QLatin1String("help")) {
        m_options.help = true;
        words.removeFirst();
    }
    if (words.isEmpty() || words.first().startsWith(QLatin1Char('-'))) {
        if (m_options.version) {
            m_console.print(HelpText::version());
            return ExitCode::Success;
        }
        if (m_options.help) {
            m_console.write(HelpText::general(m_commands));
            return ExitCode::Success;
        }
        return generalOutput.usageError(Tr::tr("No command given."));
    }
    if (m_options.version) {
        m_console.print(HelpText::version());
        return ExitCode::Success;
    }

    // The command whose name matches the most leading words ("profile add" over "profile").
    auto best = m_commands.end();
    qsizetype used = 0;
    for (auto it = m_commands.begin(); it != m_commands.end(); ++it) {
        const QStringList name = (*it)->name().split(QLatin1Char(' '));
        if (name.size() > used && words.size() >= name.size()
            && words.mid(0, name.size()) == name) {
            best = it;
            used = name.size();
        }
    }
    if (best == m_commands.end()) {
        const bool isGroup
                = std::any_of(m_commands.cbegin(), m_commands.cend(),
                              [&](const auto &c) { return groupOf(*c) == words.first(); });
        if (isGroup)
            return groupUsage(arguments.value(0), words);
        return generalOutput.usageError(Tr::tr("Unknown command “%1”.").arg(words.first()));
    }

    std::unique_ptr<Command> command = std::move(*best);
    m_commands.clear(); // only the chosen one lives on
    QStringList rest = words.mid(used);
    rest.prepend(arguments.value(0, CommandOutput::programName()));
    return runCommand(std::move(command), rest);
}

CommandStatus Dispatcher::runCommand(std::unique_ptr<Command> command, const QStringList &arguments)
{
    CommandOutput output(m_console, m_options, command->name(), command->synopsis());

    QCommandLineParser parser;
    parser.addOptions(GlobalOptions::definitions());
    parser.addOptions(command->options());
    if (!parser.parse(arguments))
        return output.usageError(parser.errorText());
    m_options.readFrom(parser);
    LogFilter::apply(m_options.verbose);

    if (m_options.help) {
        m_console.write(HelpText::command(*command));
        return ExitCode::Success;
    }

    const QStringList positional = parser.positionalArguments();
    if (Status count = checkArgumentCount(*command, positional); !count)
        return output.usageError(count.error().message());
    if (Status parsed = command->parse({parser, positional, m_options}); !parsed)
        return output.usageError(parsed.error().message());

    m_command = std::move(command);
    m_context = std::make_unique<CommandContext>(m_console, m_options, m_command->name(),
                                                 m_command->synopsis(),
                                                 [this](ExitCode code) { complete(code); });
    const CommandStatus status = m_command->run(*m_context);
    if (status)
        m_context->finish(*status);
    return StillRunning; // complete() ran, or runs when the command finishes
}

ExitCode Dispatcher::groupUsage(const QString &program, const QStringList &words)
{
    const QString group = words.first();
    // "profile --help": the first parser left the options after the group's name alone.
    QCommandLineParser parser;
    parser.addOptions(GlobalOptions::definitions());
    CommandOutput output(m_console, m_options, group,
                         Tr::tr("%1 COMMAND [options] [arguments]").arg(group));
    if (!parser.parse(QStringList{program} + words.mid(1)))
        return output.usageError(parser.errorText());
    m_options.readFrom(parser);
    if (m_options.help) {
        m_console.write(HelpText::group(group, m_commands));
        return ExitCode::Success;
    }
    const QStringList rest = parser.positionalArguments();
    if (rest.isEmpty())
        return output.usageError(Tr::tr("“%1” needs a command.").arg(group));
    return output.usageError(Tr::tr("“%1 %2” is not a command.").arg(group, rest.first()));
}

void Dispatcher::complete(ExitCode code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = int(code);
    Q_EMIT finished(m_exitCode);
}

} // namespace PgVault::Cli
