#include "DumpTestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>

#include <memory>

namespace PgVault::Test {

namespace {
constexpr int TimeoutMs = 15 * 60 * 1000;
}

QString JobOutcome::describe() const
{
    QString text = Job::stateName(state);
    if (error) {
        text += QStringLiteral(": [%1] %2").arg(Error::codeName(error->code()), error->toString());
    }
    return text + QStringLiteral("\nlog:\n") + messages.join(QLatin1Char('\n'));
}

JobOutcome runJob(Job *rawJob, const std::function<void(Job &, const JobProgress &)> &onProgress)
{
    std::unique_ptr<Job> job(rawJob);
    JobOutcome outcome;
    QObject::connect(
            job.get(), &Job::message, job.get(),
            [&outcome](Job::MessageLevel, const QString &text) { outcome.messages << text; });
    QObject::connect(job.get(), &Job::progressChanged, job.get(),
                     [&job, &onProgress, &outcome](const JobProgress &progress) {
                         outcome.progress.append(progress);
                         if (onProgress)
                             onProgress(*job, progress);
                     });
    QSignalSpy finished(job.get(), &Job::finished);
    job->start();
    QElapsedTimer clock;
    clock.start();
    while (finished.isEmpty() && clock.elapsed() < TimeoutMs)
        finished.wait(1000);
    if (finished.isEmpty()) {
        job->cancel();
        finished.wait(60000);
    }
    outcome.state = job->state();
    outcome.error = job->error();
    outcome.data = job->resultData();
    return outcome;
}

QString CliRun::describe() const
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
}

QString CliRun::lastLine() const
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last());
}

CliRun runProgram(const QString &program, const QStringList &arguments)
{
    CliRun run;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(TimeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

CliRun runCli(const QStringList &arguments)
{
    return runProgram(qEnvironmentVariable("PGVAULT_CLI"), arguments);
}

} // namespace PgVault::Test
