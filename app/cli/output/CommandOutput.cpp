#include "CommandOutput.h"

#include "Console.h"
#include "JsonLines.h"
#include "framework/CliTr.h"

#include "common/Error.h"

namespace PgVault::Cli {

CommandOutput::CommandOutput(Console &console, const GlobalOptions &options, QString commandName,
                             QString synopsis)
    : m_console(console)
    , m_options(options)
    , m_commandName(std::move(commandName))
    , m_synopsis(std::move(synopsis))
{}

void CommandOutput::print(const QString &line)
{
    if (!json())
        m_console.print(line);
}

void CommandOutput::info(const QString &line)
{
    if (!json() && !quiet())
        m_console.print(line);
}

void CommandOutput::warning(const QString &text)
{
    m_console.printWarning(text);
}

ExitCode CommandOutput::succeed(const QJsonObject &data)
{
    if (json())
        JsonLines::write(m_console, JsonLines::result(JsonLines::succeeded(), data));
    return ExitCode::Success;
}

ExitCode CommandOutput::fail(const Error &error)
{
    if (error.code() == ErrorCode::InvalidInput)
        return reportUsageError(error);
    m_console.printError(error, verbose());
    if (json())
        JsonLines::write(m_console, JsonLines::result(JsonLines::failed(), {}, &error));
    return ExitCode::Failure;
}

ExitCode CommandOutput::usageError(const QString &message)
{
    return reportUsageError(Error(ErrorCode::InvalidInput, message));
}

ExitCode CommandOutput::reportUsageError(const Error &error)
{
    m_console.printError(error, verbose());
    if (m_commandName.isEmpty()) {
        m_console.printError(
                Tr::tr("Run “%1 --help” for the commands and options.").arg(programName()));
    } else {
        m_console.printError(Tr::tr("Usage: %1 %2").arg(programName(), m_synopsis));
        m_console.printError(
                Tr::tr("Run “%1 %2 --help” for more.").arg(programName(), m_commandName));
    }
    if (json())
        JsonLines::write(m_console, JsonLines::result(JsonLines::failed(), {}, &error));
    return ExitCode::Usage;
}

} // namespace PgVault::Cli
