// The Job renderers' exact output (TerminalProgress, PlainOutput, JsonLinesOutput) on a scripted
// Job, the exit codes JobRunner maps outcomes to, cancellation by SIGINT, and core's Format
// helpers they use. Deterministic: ScriptedJob publishes exactly what the test says, when it
// says it; CountingJob (a ThreadedJob) covers the real threaded path.

#include "framework/GlobalOptions.h"
#include "output/Console.h"
#include "output/JobRunner.h"

#include "common/Format.h"
#include "jobs/JobContext.h"
#include "jobs/ThreadedJob.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>
#include <optional>

using namespace PgVault;
using namespace PgVault::Cli;

namespace {

// A Job the test drives step by step.
class ScriptedJob : public Job
{
public:
    ScriptedJob()
        : Job(QStringLiteral("scripted"), QStringLiteral("Scripted"))
    {}

    void step(const QString &phase, qint64 done, qint64 total, double rate = 0, qint64 eta = -1)
    {
        JobProgress p;
        p.phase = phase.toLower();
        p.phaseLabel = phase;
        p.bytesDone = done;
        p.bytesTotal = total;
        p.bytesPerSecond = rate;
        p.etaSeconds = eta;
        publishProgress(p);
    }
    void say(MessageLevel level, const QString &text) { postMessage(level, text); }
    void end(const Result<QJsonObject> &result) { finish(result); }

protected:
    void doStart() override {}
    void doCancel() override { finish(JobContext::cancelledError()); }
};

// A real ThreadedJob: counts to `total` in chunks, or blocks until cancelled.
class CountingJob : public ThreadedJob
{
public:
    explicit CountingJob(qint64 total, bool block = false)
        : ThreadedJob(QStringLiteral("counting"), QStringLiteral("Counting"))
        , m_total(total)
        , m_block(block)
    {}

protected:
    Result<QJsonObject> work(JobContext &context) override
    {
        context.setPhase(QStringLiteral("counting"), QStringLiteral("Counting"));
        context.setBytesTotal(m_total);
        context.info(QStringLiteral("started"));
        for (qint64 done = 0; done < m_total || m_block; done += 64) {
            if (context.isCancelled())
                return JobContext::cancelledError();
            if (!m_block)
                context.addBytesDone(64);
            QThread::msleep(2);
        }
        return QJsonObject{{QStringLiteral("counted"), m_total}};
    }

private:
    qint64 m_total;
    bool m_block;
};

// Console over buffers plus a JobRunner; collects the exit code.
struct Harness
{
    QBuffer out;
    QBuffer err;
    Console console{&out, &err};
    GlobalOptions options;
    std::optional<ExitCode> exitCode;
    std::unique_ptr<JobRunner> runner;

    Harness()
    {
        out.open(QIODevice::WriteOnly);
        err.open(QIODevice::WriteOnly);
    }
    template<typename J>
    J *start(std::unique_ptr<J> job, JobRunner::Summary summary = {})
    {
        J *raw = job.get();
        runner = std::make_unique<JobRunner>(console, options);
        runner->run(std::move(job), std::move(summary), [this](ExitCode c) { exitCode = c; });
        return raw;
    }
    QString stdOut() const { return QString::fromUtf8(out.data()); }
    QString stdErr() const { return QString::fromUtf8(err.data()); }
    QList<QJsonObject> json() const
    {
        QList<QJsonObject> list;
        const QList<QByteArray> lines = out.data().split('\n');
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject())
                return {};
            list.append(doc.object());
        }
        return list;
    }
};

const Job::MessageLevel Info = Job::MessageLevel::Info;
const Job::MessageLevel Warning = Job::MessageLevel::Warning;

QString pad(int n)
{
    return QString(n, QLatin1Char(' '));
}

} // namespace

class TestCliRenderers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatHelpers()
    {
        QCOMPARE(formatBytes(0), QStringLiteral("0 B"));
        QCOMPARE(formatBytes(1023), QStringLiteral("1023 B"));
        QCOMPARE(formatBytes(1536), QStringLiteral("1.5 KiB"));
        QCOMPARE(formatBytes(10 * 1024 * 1024), QStringLiteral("10.0 MiB"));
        QCOMPARE(formatBytes(150LL * 1024 * 1024), QStringLiteral("150 MiB"));
        QCOMPARE(formatBytes(3LL * 1024 * 1024 * 1024 * 1024), QStringLiteral("3.0 TiB"));
        QCOMPARE(formatBytes(-1), QString());
        QCOMPARE(formatRate(1048576.0), QStringLiteral("1.0 MiB/s"));
        QCOMPARE(formatRate(512.4), QStringLiteral("512 B/s"));
        QCOMPARE(formatDuration(0), QStringLiteral("0 s"));
        QCOMPARE(formatDuration(42), QStringLiteral("42 s"));
        QCOMPARE(formatDuration(65), QStringLiteral("1 min 05 s"));
        QCOMPARE(formatDuration(3700), QStringLiteral("1 h 01 min"));
        QCOMPARE(formatDuration(90000), QStringLiteral("1 d 01 h"));
        QCOMPARE(formatDuration(-1), QString());
    }

    void terminalProgressExactOutput()
    {
        Harness h;
        h.console.setOutputTerminal(true);
        h.console.setTerminalWidth(80);
        auto *job = h.start(std::make_unique<ScriptedJob>(), [&h](const Job &j) {
            h.console.print(j.resultData().value(QStringLiteral("backupId")).toString());
        });
        job->step(QStringLiteral("Copying"), 1024, 4096, 512, 6);
        job->say(Info, QStringLiteral("hello"));
        job->step(QStringLiteral("Copying"), 4096, 4096, 2048, 0);
        job->step(QStringLiteral("Syncing"), 0, -1);
        job->end(
                QJsonObject{{QStringLiteral("backupId"), QStringLiteral("20261124T190405Z-base")}});

        const QString first = QStringLiteral("Copying  25 %  1.0 KiB of 4.0 KiB  512 B/s  ETA 6 s");
        const QString second
                = QStringLiteral("Copying  100 %  4.0 KiB of 4.0 KiB  2.0 KiB/s  ETA 0 s");
        const QString third = QStringLiteral("Syncing");
        const QString expected
                = QLatin1Char('\r') + first                                            // draw
                  + QLatin1Char('\r') + pad(int(first.size())) + QLatin1Char('\r')     // clear
                  + QStringLiteral("hello\n")                                          // message
                  + QLatin1Char('\r') + first                                          // redraw
                  + QLatin1Char('\r') + second                                         // longer
                  + QLatin1Char('\r') + third + pad(int(second.size() - third.size())) // shorter
                  + QStringLiteral("\n")                                               // finished
                  + QStringLiteral("20261124T190405Z-base\n");                         // summary
        QCOMPARE(h.stdOut(), expected);
        QCOMPARE(h.stdErr(), QString());
        QCOMPARE(h.exitCode, ExitCode::Success);
    }

    void terminalProgressIsCutToWidth()
    {
        Harness h;
        h.console.setOutputTerminal(true);
        h.console.setTerminalWidth(20);
        auto *job = h.start(std::make_unique<ScriptedJob>());
        job->step(QStringLiteral("Copying"), 1024, 4096, 512, 6);
        job->end(Error(ErrorCode::DiskFull, QStringLiteral("No space left on /backup."),
                       QStringLiteral("ENOSPC")));
        // 19 columns: 18 characters and an ellipsis; the error goes to stderr, without detail.
        QCOMPARE(h.stdOut(), QStringLiteral("\rCopying  25 %  1.0\u2026\n"));
        QCOMPARE(h.stdErr(), QStringLiteral("No space left on /backup.\n"));
        QCOMPARE(h.exitCode, ExitCode::Failure);
    }

    void plainOutputExact()
    {
        Harness h;
        h.options.verbose = true;
        auto *job = h.start(std::make_unique<ScriptedJob>(),
                            [&h](const Job &) { h.console.print(QStringLiteral("never")); });
        job->step(QStringLiteral("Copying"), 50, 1000);  // 5 %: phase line only
        job->step(QStringLiteral("Copying"), 120, 1000); // 12 %: passed 10 %
        job->step(QStringLiteral("Copying"), 150, 1000); // 15 %: same step, nothing
        job->say(Warning, QStringLiteral("slow disk"));
        job->step(QStringLiteral("Copying"), 380, 1000); // 38 %: passed 30 % (20 % skipped)
        job->say(Info, QStringLiteral("half way"));
        job->step(QStringLiteral("Copying"), 1000, 1000); // 100 %
        job->step(QStringLiteral("Verifying"), 0, -1);    // a phase without a total
        job->end(Error(ErrorCode::Corrupt, QStringLiteral("Checksum mismatch in base.tar.zst."),
                       QStringLiteral("expected ab12\ngot cd34")));

        QCOMPARE(h.stdOut(), QStringLiteral("Copying\n"
                                            "Copying: 12 % (120 B of 1000 B)\n"
                                            "Copying: 38 % (380 B of 1000 B)\n"
                                            "half way\n"
                                            "Copying: 100 % (1000 B of 1000 B)\n"
                                            "Verifying\n"));
        QCOMPARE(h.stdErr(), QStringLiteral("Warning: slow disk\n"
                                            "Checksum mismatch in base.tar.zst.\n"
                                            "  expected ab12\n"
                                            "  got cd34\n"));
        QCOMPARE(h.exitCode, ExitCode::Failure);
    }

    void plainQuietShowsOnlyWarningsAndErrors()
    {
        Harness h;
        h.options.quiet = true;
        h.console.setOutputTerminal(true); // --quiet wins over the terminal
        auto *job = h.start(std::make_unique<ScriptedJob>());
        job->step(QStringLiteral("Copying"), 500, 1000);
        job->say(Info, QStringLiteral("info"));
        job->say(Warning, QStringLiteral("careful"));
        job->end(QJsonObject{});
        QCOMPARE(h.stdOut(), QString());
        QCOMPARE(h.stdErr(), QStringLiteral("Warning: careful\n"));
        QCOMPARE(h.exitCode, ExitCode::Success);
    }

    void jsonLinesExact()
    {
        Harness h;
        h.options.json = true;
        h.console.setOutputTerminal(true); // --json wins over the terminal
        bool summaryCalled = false;
        auto *job = h.start(std::make_unique<ScriptedJob>(),
                            [&summaryCalled](const Job &) { summaryCalled = true; });
        job->step(QStringLiteral("Copying"), 1024, 4096, 512.4, 6);
        job->say(Warning, QStringLiteral("careful"));
        job->step(QStringLiteral("Syncing"), 10, -1);
        job->end(QJsonObject{{QStringLiteral("backupId"), QStringLiteral("B1")}});

        const QStringList lines = h.stdOut().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        // QJsonDocument writes keys sorted.
        QCOMPARE(lines.at(0),
                 QStringLiteral(
                         R"({"bytesDone":1024,"bytesTotal":4096,"currentItem":"","eta":6,)"
                         R"("event":"progress","itemsDone":0,"itemsTotal":null,)"
                         R"("percent":25,"phase":"copying","phaseLabel":"Copying","rate":512})"));
        QCOMPARE(lines.at(1),
                 QStringLiteral(R"({"event":"message","level":"warning","text":"careful"})"));
        QCOMPARE(lines.at(2),
                 QStringLiteral(
                         R"({"bytesDone":10,"bytesTotal":null,"currentItem":"","eta":null,)"
                         R"("event":"progress","itemsDone":0,"itemsTotal":null,)"
                         R"("percent":null,"phase":"syncing","phaseLabel":"Syncing","rate":0})"));
        QCOMPARE(lines.at(3),
                 QStringLiteral(R"({"backupId":"B1","event":"result","status":"succeeded"})"));
        QVERIFY(!summaryCalled); // --json: the result object carries the answer
        QCOMPARE(h.stdErr(), QString());
        QCOMPARE(h.exitCode, ExitCode::Success);
    }

    void jsonFailureCarriesError()
    {
        Harness h;
        h.options.json = true;
        auto *job = h.start(std::make_unique<ScriptedJob>());
        job->end(Error(ErrorCode::ConnectionFailed, QStringLiteral("Could not connect to db:5432."),
                       QStringLiteral("libpq: timeout")));
        const QList<QJsonObject> objects = h.json();
        QCOMPARE(objects.size(), 1);
        const QJsonObject result = objects.first();
        QCOMPARE(result.value(QStringLiteral("event")).toString(), QStringLiteral("result"));
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        const QJsonObject error = result.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(),
                 QStringLiteral("connection-failed"));
        QCOMPARE(error.value(QStringLiteral("message")).toString(),
                 QStringLiteral("Could not connect to db:5432."));
        QCOMPARE(error.value(QStringLiteral("detail")).toString(),
                 QStringLiteral("libpq: timeout"));
        // The message is on stderr too, for people reading a log.
        QCOMPARE(h.stdErr(), QStringLiteral("Could not connect to db:5432.\n"));
        QCOMPARE(h.exitCode, ExitCode::Failure);
    }

    void cancelledIsExitOne()
    {
        Harness h;
        h.options.json = true;
        auto *job = h.start(std::make_unique<ScriptedJob>());
        job->cancel();
        QCOMPARE(h.exitCode, ExitCode::Failure);
        const QJsonObject result = h.json().last();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(result.value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("code"))
                         .toString(),
                 QStringLiteral("cancelled"));
    }

    void threadedJobAsJsonLines()
    {
        Harness h;
        h.options.json = true;
        h.start(std::make_unique<CountingJob>(64 * 200));
        QTRY_VERIFY_WITH_TIMEOUT(h.exitCode.has_value(), 60000);
        QCOMPARE(*h.exitCode, ExitCode::Success);

        const QList<QJsonObject> objects = h.json();
        QVERIFY2(!objects.isEmpty(), qPrintable(h.stdOut()));
        int results = 0;
        qint64 lastDone = -1;
        for (const QJsonObject &o : objects) {
            const QString event = o.value(QStringLiteral("event")).toString();
            QVERIFY2(event == QLatin1String("progress") || event == QLatin1String("message")
                             || event == QLatin1String("result"),
                     qPrintable(event));
            if (event == QLatin1String("progress")) {
                for (const char *key :
                     {"phase", "bytesDone", "bytesTotal", "percent", "rate", "eta"})
                    QVERIFY2(o.contains(QLatin1String(key)), key);
                const qint64 done = o.value(QStringLiteral("bytesDone")).toInteger();
                QVERIFY(done >= lastDone);
                lastDone = done;
            }
            if (event == QLatin1String("message"))
                QCOMPARE(o.value(QStringLiteral("text")).toString(), QStringLiteral("started"));
            if (event == QLatin1String("result"))
                ++results;
        }
        QCOMPARE(results, 1);
        QCOMPARE(objects.last().value(QStringLiteral("status")).toString(),
                 QStringLiteral("succeeded"));
        QCOMPARE(objects.last().value(QStringLiteral("counted")).toInteger(), 64 * 200);
    }

    void sigintCancelsTheJobAndRestoresTheHandler()
    {
        struct sigaction before
        {};
        ::sigaction(SIGINT, nullptr, &before);

        Harness h;
        CountingJob *job = h.start(std::make_unique<CountingJob>(0, true));
        QTRY_VERIFY_WITH_TIMEOUT(!job->messages().isEmpty(), 30000); // the worker is running
        ::raise(SIGINT); // only writes to the self-pipe; the event loop cancels
        QTRY_VERIFY_WITH_TIMEOUT(h.exitCode.has_value(), 30000);
        QCOMPARE(*h.exitCode, ExitCode::Failure);
        QCOMPARE(job->state(), Job::State::Cancelled);
        QVERIFY2(h.stdErr().contains(QStringLiteral("Press Ctrl+C again to quit at once.")),
                 qPrintable(h.stdErr()));

        struct sigaction after
        {};
        ::sigaction(SIGINT, nullptr, &after);
        QVERIFY(after.sa_handler == before.sa_handler);
    }
};

QTEST_GUILESS_MAIN(TestCliRenderers)

#include "tst_cli_renderers.moc"
