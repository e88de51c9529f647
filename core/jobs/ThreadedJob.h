#pragma once

#include "Job.h"
#include "JobContext.h"
#include "RateEstimator.h"

#include <QElapsedTimer>
#include <QTimer>

#include <memory>

class QThread;

namespace PgVault {

// A Job whose work() runs on its own QThread, where blocking is allowed (libpq COPY loops,
// zstd, fsync, child processes). Progress is sampled from the JobContext ~8 times a second
// on the job's thread, which also computes rate and ETA.
class ThreadedJob : public Job
{
    Q_OBJECT

public:
    using Job::Job;
    ~ThreadedJob() override;

    // Blocks until the worker thread has ended (used at shutdown, after cancel()).
    void waitForWorker();

protected:
    virtual Result<QJsonObject> work(JobContext &context) = 0;

    void doStart() override;
    void doCancel() override;

private:
    void sampleProgress();
    void onWorkerFinished();

    std::shared_ptr<JobContext> m_context = std::make_shared<JobContext>();
    QThread *m_thread = nullptr;
    std::optional<Result<QJsonObject>> m_result;
    QTimer m_sampler;
    QElapsedTimer m_clock;
    RateEstimator m_rate;
    QString m_ratePhase;
};

} // namespace PgVault
