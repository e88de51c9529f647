#include "ServerProgram.h"

#include "common/Tr.h"
#include "jobs/JobContext.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QProcessEnvironment>

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace PgVault {

namespace {

constexpr int OutputTailLines = 30;
constexpr int PollIntervalMs = 200;

QString quoteForDisplay(const QString &argument)
{
    if (!argument.isEmpty() && !argument.contains(QLatin1Char(' '))
        && !argument.contains(QLatin1Char('\'')) && !argument.contains(QLatin1Char('"')))
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString ServerProgram::Output::detail() const
{
    QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > OutputTailLines)
        lines = lines.mid(lines.size() - OutputTailLines);
    QString result = QStringLiteral("$ ") + commandLine;
    if (exitCode != 0)
        result += QStringLiteral("\nexit code %1").arg(exitCode);
    if (!lines.isEmpty())
        result += QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
    return result;
}

ServerProgram::ServerProgram(const ServerAccount &account, QString program, QStringList arguments)
    : m_account(account)
    , m_program(std::move(program))
    , m_arguments(std::move(arguments))
{}

QStringList ServerProgram::cleanEnvironment(bool switchedAccount)
{
    QStringList result;
    const QStringList all = QProcessEnvironment::systemEnvironment().toStringList();
    for (const QString &entry : all) {
        const QString name = entry.section(QLatin1Char('='), 0, 0);
        // PG* steers libpq and the server (PGDATA, PGPORT, PGOPTIONS, …); PGVAULT_* is ours.
        if (name.startsWith(QLatin1String("PG")) && !name.startsWith(QLatin1String("PGVAULT_")))
            continue;
        if (switchedAccount && name.startsWith(QLatin1String("XDG_")))
            continue;
        result << entry;
    }
    return result;
}

Result<ServerProgram::Output> ServerProgram::run()
{
    Output output;
    output.commandLine = quoteForDisplay(m_program);
    for (const QString &argument : m_arguments)
        output.commandLine += QLatin1Char(' ') + quoteForDisplay(argument);

    QProcess process;
    process.setProgram(m_account.wrappedProgram(m_program));
    process.setArguments(m_account.wrappedArguments(m_program, m_arguments));
    process.setEnvironment(cleanEnvironment(m_account.isSwitched()));
    process.setWorkingDirectory(QStringLiteral("/"));
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    // Its own process group, so that a cancel reaches runuser's child too.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });

    process.start();
    if (!process.waitForStarted(30000)) {
        return Error(ErrorCode::ToolMissing, Tr::tr("Could not run %1.").arg(m_program),
                     output.commandLine + QLatin1Char('\n') + process.errorString());
    }

    std::atomic<qint64> pid = process.processId();
    std::optional<CancelHookGuard> guard;
    if (m_context) {
        // Runs on the controlling thread: only a signal, never the QProcess object itself.
        guard.emplace(*m_context, [&pid] {
            const qint64 p = pid.load();
            if (p > 0)
                ::kill(-pid_t(p), SIGTERM);
        });
    }

    const QDeadlineTimer deadline(qint64(m_timeoutSeconds) * 1000);
    bool timedOut = false;
    while (!process.waitForFinished(PollIntervalMs)) {
        output.text += QString::fromLocal8Bit(process.readAll());
        if (process.state() == QProcess::NotRunning)
            break;
        if (deadline.hasExpired()) {
            timedOut = true;
            ::kill(-pid_t(pid.load()), SIGTERM);
            if (!process.waitForFinished(2000)) {
                ::kill(-pid_t(pid.load()), SIGKILL);
                process.waitForFinished(2000);
            }
            break;
        }
    }
    pid.store(0);
    guard.reset();
    output.text += QString::fromLocal8Bit(process.readAll());

    if (m_context && m_context->isCancelled())
        return JobContext::cancelledError();
    if (timedOut) {
        return Error(ErrorCode::Timeout,
                     Tr::tr("%1 did not finish within %n second(s).", nullptr, m_timeoutSeconds)
                             .arg(m_program),
                     output.detail());
    }
    if (process.exitStatus() != QProcess::NormalExit) {
        return Error(ErrorCode::Internal, Tr::tr("%1 crashed.").arg(m_program), output.detail());
    }
    output.exitCode = process.exitCode();
    return output;
}

} // namespace PgVault
