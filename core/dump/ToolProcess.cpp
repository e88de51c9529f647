#include "ToolProcess.h"

#include "ToolMessages.h"
#include "common/Tr.h"
#include "jobs/JobContext.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace PgVault {

namespace {

constexpr int WaitMs = 100;
constexpr qint64 InputChunk = 256 * 1024;
constexpr qint64 MaxPendingInput = 1024 * 1024;
constexpr int MaxErrorLines = 200;
constexpr int MaxLastLines = 40;

QString shellQuote(const QString &argument)
{
    static const QString safe = QStringLiteral(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=/.,:@+%");
    bool plain = !argument.isEmpty();
    for (const QChar c : argument) {
        if (!safe.contains(c)) {
            plain = false;
            break;
        }
    }
    if (plain)
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// Collects stderr into lines as it arrives; keeps error lines and the tail.
class StderrCollector
{
public:
    explicit StderrCollector(const ToolProcess::LineHandler &handler)
        : m_handler(handler)
    {}

    void add(const QByteArray &bytes)
    {
        m_pending += bytes;
        qsizetype newline;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            line(QString::fromUtf8(m_pending.left(newline)));
            m_pending.remove(0, newline + 1);
        }
    }
    void finish(ToolProcess::Outcome &outcome)
    {
        if (!m_pending.isEmpty())
            line(QString::fromUtf8(m_pending));
        m_pending.clear();
        outcome.errorLines = m_errors;
        outcome.lastLines = m_last;
    }

private:
    void line(QString text)
    {
        if (text.endsWith(QLatin1Char('\r')))
            text.chop(1);
        if (m_handler)
            m_handler(text);
        m_last.append(text);
        if (m_last.size() > MaxLastLines)
            m_last.removeFirst();
        if (ToolMessages::isError(text)) {
            m_inError = true;
        } else if (!m_inError || ToolMessages::isToolLine(text)) {
            m_inError = false;
            if (!ToolMessages::isErrorsIgnoredSummary(text))
                return;
        }
        if (m_errors.size() < MaxErrorLines)
            m_errors.append(text);
    }

    const ToolProcess::LineHandler &m_handler;
    QByteArray m_pending;
    QStringList m_errors;
    QStringList m_last;
    bool m_inError = false;
};

} // namespace

QString ToolProcess::Outcome::detail() const
{
    QString text = QStringLiteral("$ ") + commandLine;
    if (crashed)
        text += QStringLiteral("\ncrashed");
    else if (exitCode != 0)
        text += QStringLiteral("\nexit code %1").arg(exitCode);
    const QStringList &lines = errorLines.isEmpty() ? lastLines : errorLines;
    if (!lines.isEmpty())
        text += QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
    return text;
}

QString ToolProcess::Outcome::summary(int maxLines) const
{
    QStringList lines = errorLines.isEmpty() ? lastLines : errorLines;
    lines.removeAll(QString());
    if (lines.size() > maxLines)
        lines = lines.mid(0, maxLines);
    return lines.join(QLatin1Char('\n'));
}

ToolProcess::ToolProcess(QString program, QStringList arguments)
    : m_program(std::move(program))
    , m_arguments(std::move(arguments))
{}

QString ToolProcess::commandLine(const QString &program, const QStringList &arguments)
{
    QStringList parts{shellQuote(program)};
    for (const QString &argument : arguments)
        parts.append(shellQuote(argument));
    return parts.join(QLatin1Char(' '));
}

Result<ToolProcess::Outcome> ToolProcess::run()
{
    Outcome outcome;
    outcome.commandLine = commandLine(m_program, m_arguments);
    const QString toolName = QFileInfo(m_program).fileName();

    QProcess process;
    process.setProgram(m_program);
    process.setArguments(m_arguments);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (m_password)
        environment.insert(QStringLiteral("PGPASSWORD"), *m_password);
    process.setProcessEnvironment(environment);
    if (!m_workingDirectory.isEmpty())
        process.setWorkingDirectory(m_workingDirectory);
    if (!m_input)
        process.setStandardInputFile(QProcess::nullDevice());
    if (!m_output && !m_collect)
        process.setStandardOutputFile(QProcess::nullDevice());
    // Its own process group, so that cancelling reaches everything it started.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });

    if (m_context && m_context->isCancelled())
        return JobContext::cancelledError();
    process.start();
    if (!process.waitForStarted(30000)) {
        return Error(ErrorCode::ToolMissing, Tr::tr("Could not run %1.").arg(toolName),
                     outcome.commandLine + QLatin1Char('\n') + process.errorString());
    }

    std::atomic<qint64> pid = process.processId();
    std::optional<CancelHookGuard> guard;
    if (m_context) {
        // Runs on the controlling thread: only a signal, never the QProcess object.
        guard.emplace(*m_context, [&pid] {
            if (const qint64 p = pid.load(); p > 0)
                ::kill(-pid_t(p), SIGTERM);
        });
    }
    const auto stop = [&process, &pid] {
        if (process.state() == QProcess::NotRunning)
            return;
        ::kill(-pid_t(pid.load()), SIGTERM);
        if (!process.waitForFinished(500)) {
            ::kill(-pid_t(pid.load()), SIGKILL);
            process.waitForFinished(5000);
        }
    };

    StderrCollector stderrLines(m_stderr);
    std::optional<Error> failure;
    bool inputDone = !m_input;
    QByteArray chunk;

    const auto drain = [&]() {
        stderrLines.add(process.readAllStandardError());
        if (m_output || m_collect) {
            const QByteArray out = process.readAllStandardOutput();
            if (!out.isEmpty()) {
                if (m_collect)
                    outcome.output += out;
                if (m_output && !failure) {
                    if (Status written = m_output(out); !written)
                        failure = written.error();
                }
            }
        }
    };

    while (process.state() != QProcess::NotRunning) {
        if (m_context && m_context->isCancelled())
            break;
        if (!inputDone && !failure && process.bytesToWrite() < MaxPendingInput) {
            chunk.resize(InputChunk);
            Result<qint64> got = m_input(chunk.data(), chunk.size());
            if (!got) {
                failure = got.error();
            } else if (*got == 0) {
                process.closeWriteChannel();
                inputDone = true;
            } else {
                process.write(chunk.constData(), *got);
            }
        }
        if (failure)
            break;
        if (!inputDone || process.bytesToWrite() > 0)
            process.waitForBytesWritten(WaitMs);
        else
            process.waitForReadyRead(WaitMs);
        drain();
        if (failure)
            break;
    }
    if (failure || (m_context && m_context->isCancelled()))
        stop();
    process.waitForFinished(-1);
    drain();
    pid.store(0);
    guard.reset();
    stderrLines.finish(outcome);
    outcome.inputIncomplete = !inputDone;

    if (m_context && m_context->isCancelled())
        return JobContext::cancelledError();
    if (failure)
        return failure->withDetail(outcome.detail());
    outcome.crashed = process.exitStatus() != QProcess::NormalExit;
    outcome.exitCode = outcome.crashed ? -1 : process.exitCode();
    return outcome;
}

} // namespace PgVault
