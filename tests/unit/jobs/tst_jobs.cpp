#include "jobs/JobContext.h"
#include "jobs/JobManager.h"
#include "jobs/RateEstimator.h"
#include "jobs/ThreadedJob.h"

#include <QSignalSpy>
#include <QTest>

#include <condition_variable>
#include <mutex>

using namespace PgVault;

namespace {

// A job whose worker copies `total` bytes in chunks, optionally failing or blocking until
// cancelled.
class CountingJob : public ThreadedJob
{
public:
    enum class Mode { Succeed, Fail, BlockUntilCancelled };
    CountingJob(Mode mode, qint64 total)
        : ThreadedJob(QStringLiteral("test"), QStringLiteral("Counting"))
        , m_mode(mode)
        , m_total(total)
    {}

    std::atomic_bool hookRan = false;

protected:
    Result<QJsonObject> work(JobContext &context) override
    {
        context.setPhase(QStringLiteral("counting"), QStringLiteral("Counting"));
        context.setBytesTotal(m_total);
        context.info(QStringLiteral("started"));
        if (m_mode == Mode::BlockUntilCancelled) {
            std::mutex mutex;
            std::condition_variable woken;
            bool wake = false;
            // The hook is what wakes a blocking call (PQcancel, killing a child) in real jobs.
            CancelHookGuard guard(context, [&] {
                hookRan = true;
                std::lock_guard lock(mutex);
                wake = true;
                woken.notify_all();
            });
            std::unique_lock lock(mutex);
            woken.wait(lock, [&] { return wake; });
            return JobContext::cancelledError();
        }
        for (qint64 done = 0; done < m_total; done += 10) {
            if (context.isCancelled())
                return JobContext::cancelledError();
            context.addBytesDone(10);
            QThread::msleep(1);
        }
        if (m_mode == Mode::Fail)
            return Error(ErrorCode::DiskFull, QStringLiteral("no space left on /x"),
                         QStringLiteral("ENOSPC"));
        return QJsonObject{{QStringLiteral("counted"), m_total}};
    }

private:
    Mode m_mode;
    qint64 m_total;
};

// Passes through three phases far quicker than the progress is sampled.
class QuickPhasesJob : public ThreadedJob
{
public:
    QuickPhasesJob()
        : ThreadedJob(QStringLiteral("test"), QStringLiteral("Quick"))
    {}

protected:
    Result<QJsonObject> work(JobContext &context) override
    {
        for (const char *phase : {"preparing", "working", "checking", "done"})
            context.setPhase(QString::fromLatin1(phase), QString::fromLatin1(phase));
        return QJsonObject();
    }
};

} // namespace

class TestJobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void succeedsWithResultAndProgress()
    {
        CountingJob job(CountingJob::Mode::Succeed, 500);
        QSignalSpy finished(&job, &Job::finished);
        QSignalSpy messages(&job, &Job::message);
        job.start();
        QCOMPARE(job.state(), Job::State::Running);
        QVERIFY(finished.wait(10000));
        QCOMPARE(job.state(), Job::State::Succeeded);
        QVERIFY(!job.error());
        QCOMPARE(job.resultData().value(QStringLiteral("counted")).toInteger(), 500);
        QCOMPARE(job.progress().bytesDone, 500);
        QCOMPARE(job.progress().fraction(), 1.0);
        QCOMPARE(job.progress().phase, QStringLiteral("counting"));
        QCOMPARE(messages.count(), 1);
        QVERIFY(job.finishedAt() >= job.startedAt());
    }

    void everyPhaseIsShownEvenWhenShort()
    {
        QuickPhasesJob job;
        QStringList phases;
        connect(&job, &Job::progressChanged, &job, [&phases](const JobProgress &progress) {
            if (phases.isEmpty() || phases.last() != progress.phase)
                phases.append(progress.phase);
        });
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(phases, (QStringList{QStringLiteral("preparing"), QStringLiteral("working"),
                                      QStringLiteral("checking"), QStringLiteral("done")}));
    }

    void failureCarriesError()
    {
        CountingJob job(CountingJob::Mode::Fail, 50);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(job.state(), Job::State::Failed);
        QVERIFY(job.error());
        QCOMPARE(job.error()->code(), ErrorCode::DiskFull);
        QCOMPARE(job.error()->detail(), QStringLiteral("ENOSPC"));
    }

    void cancelWakesBlockingWorkerThroughHook()
    {
        CountingJob job(CountingJob::Mode::BlockUntilCancelled, 10);
        QSignalSpy finished(&job, &Job::finished);
        QSignalSpy states(&job, &Job::stateChanged);
        job.start();
        QTest::qWait(50);
        job.cancel();
        job.cancel(); // idempotent
        QVERIFY(finished.wait(10000));
        QVERIFY(job.hookRan);
        QCOMPARE(job.state(), Job::State::Cancelled);
        QCOMPARE(job.error()->code(), ErrorCode::Cancelled);
        QCOMPARE(states.count(), 3); // Running, Cancelling, Cancelled
    }

    void cancelFromAnotherThreadIsQueued()
    {
        CountingJob job(CountingJob::Mode::BlockUntilCancelled, 10);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        std::unique_ptr<QThread> other(QThread::create([&job] { job.cancel(); }));
        other->start();
        other->wait();
        QVERIFY(finished.wait(10000));
        QCOMPARE(job.state(), Job::State::Cancelled);
    }

    void cancelBeforeStart()
    {
        CountingJob job(CountingJob::Mode::Succeed, 10);
        QSignalSpy finished(&job, &Job::finished);
        job.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job.state(), Job::State::Cancelled);
        job.start(); // a finished job does not start again
        QCOMPARE(job.state(), Job::State::Cancelled);
    }

    void hookAddedAfterCancelRunsAtOnce()
    {
        JobContext context;
        context.requestCancel();
        bool ran = false;
        CancelHookGuard guard(context, [&] { ran = true; });
        QVERIFY(ran);
        QVERIFY(context.isCancelled());
    }

    void managerCancelsAndWaitsAtShutdown()
    {
        auto manager = std::make_unique<JobManager>();
        auto *job = new CountingJob(CountingJob::Mode::BlockUntilCancelled, 10);
        QSignalSpy added(manager.get(), &JobManager::jobAdded);
        manager->add(job);
        QCOMPARE(added.count(), 1);
        QCOMPARE(manager->runningCount(), 1);
        QTest::qWait(20);
        manager->cancelAllAndWait();
        QCOMPARE(job->state(), Job::State::Cancelled);
        QCOMPARE(manager->runningCount(), 0);
        manager->clearFinished();
        QVERIFY(manager->jobs().isEmpty());
    }

    void rateIsAveragedAndEtaTrustedOnlyLater()
    {
        RateEstimator rate;
        rate.sample(0, 0);
        QCOMPARE(rate.etaSeconds(0, 1000), -1);
        rate.sample(100, 1000); // first window: 100 B/s
        QCOMPARE(rate.bytesPerSecond(), 100.0);
        QCOMPARE(rate.etaSeconds(100, 1000), -1); // one window is not enough to trust
        rate.sample(200, 2000);
        QCOMPARE(rate.bytesPerSecond(), 100.0);
        QCOMPARE(rate.etaSeconds(200, 1000), 8);
        QCOMPARE(rate.etaSeconds(200, -1), -1); // unknown total
        rate.sample(1200, 3000);                // a burst moves the average only partly
        QVERIFY(rate.bytesPerSecond() > 100.0 && rate.bytesPerSecond() < 1000.0);
    }

    void fractionFallsBackToItems()
    {
        JobProgress progress;
        QCOMPARE(progress.fraction(), -1.0);
        progress.itemsTotal = 4;
        progress.itemsDone = 1;
        QCOMPARE(progress.fraction(), 0.25);
        progress.bytesTotal = 10;
        progress.bytesDone = 20; // servers' estimates can be low; never above 100 %
        QCOMPARE(progress.fraction(), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
