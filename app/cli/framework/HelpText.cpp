#include "HelpText.h"

#include "CliTr.h"
#include "Command.h"
#include "GlobalOptions.h"
#include "output/CommandOutput.h"

#include <QRegularExpression>
#include <QStringList>

namespace PgVault::Cli {

namespace {

constexpr qsizetype Width = 100;
constexpr qsizetype MaxLeftColumn = 28;

QStringList wrap(const QString &text, qsizetype width)
{
    QStringList lines;
    QString line;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines.append(line);
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

// Wraps each line of `text` on its own, keeping the line breaks a command wrote. A line like
// "  create   set up …" continues under its description ("hanging" indent), so term lists
// stay readable when wrapped.
QString paragraph(const QString &text)
{
    static const QRegularExpression term(QStringLiteral("^(\\s*\\S+\\s{2,})"));
    QStringList out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        qsizetype indent = 0;
        while (indent < line.size() && line.at(indent).isSpace())
            ++indent;
        const QRegularExpressionMatch match = term.match(line);
        const qsizetype hanging = match.hasMatch() ? match.capturedLength(1) : indent;
        if (line.trimmed().isEmpty()) {
            out.append(QString());
            continue;
        }
        const QString head = line.left(hanging);
        const QStringList wrapped = wrap(line.mid(hanging), qMax<qsizetype>(30, Width - hanging));
        for (qsizetype i = 0; i < wrapped.size(); ++i)
            out.append((i == 0 ? head : QString(hanging, QLatin1Char(' '))) + wrapped.at(i));
    }
    return out.join(QLatin1Char('\n'));
}

QString program()
{
    return CommandOutput::programName();
}

QString footer()
{
    return Tr::tr("Exit status: 0 done, 1 failed (the message is on stderr), 2 usage error.");
}

} // namespace

QString HelpText::table(const QList<std::pair<QString, QString>> &rows)
{
    qsizetype left = 0;
    for (const auto &[name, description] : rows) {
        if (name.size() <= MaxLeftColumn)
            left = qMax(left, name.size());
    }
    const qsizetype indent = 2 + left + 2;
    QString text;
    for (const auto &[name, description] : rows) {
        QStringList lines = wrap(description, qMax<qsizetype>(30, Width - indent));
        QString head = QStringLiteral("  ") + name;
        if (name.size() > left) {
            // Too long for the column: the description starts on the next line.
            text += head + QLatin1Char('\n');
            head.clear();
        }
        for (const QString &line : lines) {
            text += head.leftJustified(indent, QLatin1Char(' ')) + line + QLatin1Char('\n');
            head.clear();
        }
        if (lines.isEmpty())
            text += head + QLatin1Char('\n');
    }
    return text;
}

QList<std::pair<QString, QString>> HelpText::optionRows(const QList<QCommandLineOption> &options)
{
    QList<std::pair<QString, QString>> rows;
    for (const QCommandLineOption &option : options) {
        if (option.flags().testFlag(QCommandLineOption::HiddenFromHelp))
            continue;
        QStringList names;
        const QStringList optionNames = option.names();
        for (const QString &name : optionNames)
            names.append((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name);
        QString left = names.join(QStringLiteral(", "));
        if (!option.valueName().isEmpty())
            left += QLatin1Char(' ') + option.valueName();
        rows.append({left, option.description()});
    }
    return rows;
}

QList<std::pair<QString, QString>> HelpText::commandRows(
        const std::vector<std::unique_ptr<Command>> &commands, const QString &group)
{
    QList<std::pair<QString, QString>> rows;
    for (const auto &command : commands) {
        if (group.isEmpty() || command->name().section(QLatin1Char(' '), 0, 0) == group)
            rows.append({command->name(), command->summary()});
    }
    return rows;
}

QString HelpText::general(const std::vector<std::unique_ptr<Command>> &commands)
{
    return Tr::tr("Usage: %1 [global options] COMMAND [options] [arguments]").arg(program())
           + QStringLiteral("\n\n")
           + paragraph(Tr::tr("PgVault backs up PostgreSQL servers: dumps, base backups and WAL "
                              "archiving into a repository folder, and restores them."))
           + QStringLiteral("\n\n") + Tr::tr("Commands:") + QLatin1Char('\n')
           + table(commandRows(commands, {})) + QLatin1Char('\n') + Tr::tr("Global options:")
           + QLatin1Char('\n') + table(optionRows(GlobalOptions::definitions())) + QLatin1Char('\n')
           + paragraph(Tr::tr("Run “%1 COMMAND --help” for the arguments and options of a "
                              "command. Global options may come before or after the command.")
                               .arg(program()))
           + QLatin1Char('\n') + footer() + QLatin1Char('\n');
}

QString HelpText::group(const QString &group, const std::vector<std::unique_ptr<Command>> &commands)
{
    return Tr::tr("Usage: %1 [global options] %2 COMMAND [options] [arguments]")
                   .arg(program(), group)
           + QStringLiteral("\n\n") + Tr::tr("Commands:") + QLatin1Char('\n')
           + table(commandRows(commands, group)) + QLatin1Char('\n')
           + paragraph(Tr::tr("Run “%1 %2 COMMAND --help” for the arguments and options of a "
                              "command.")
                               .arg(program(), group))
           + QLatin1Char('\n');
}

QString HelpText::command(const Command &command)
{
    QString text = Tr::tr("Usage: %1 %2").arg(program(), command.synopsis())
                   + QStringLiteral("\n\n") + paragraph(command.description()) + QLatin1Char('\n');
    const QList<Command::Argument> arguments = command.arguments();
    if (!arguments.isEmpty()) {
        QList<std::pair<QString, QString>> rows;
        for (const Command::Argument &argument : arguments)
            rows.append({argument.name, argument.description});
        text += QLatin1Char('\n') + Tr::tr("Arguments:") + QLatin1Char('\n') + table(rows);
    }
    const QList<QCommandLineOption> options = command.options();
    if (!options.isEmpty()) {
        text += QLatin1Char('\n') + Tr::tr("Options:") + QLatin1Char('\n')
                + table(optionRows(options));
    }
    text += QLatin1Char('\n') + Tr::tr("Global options:") + QLatin1Char('\n')
            + table(optionRows(GlobalOptions::definitions())) + QLatin1Char('\n') + footer()
            + QLatin1Char('\n');
    return text;
}

QString HelpText::version()
{
    return QStringLiteral("%1 %2").arg(program(), QStringLiteral(PGVAULT_VERSION_STRING));
}

} // namespace PgVault::Cli
