#include "JobManager.h"

#include "ThreadedJob.h"

namespace PgVault {

JobManager::JobManager(QObject *parent)
    : QObject(parent)
{}

JobManager::~JobManager()
{
    cancelAllAndWait();
}

void JobManager::add(Job *job)
{
    job->setParent(this);
    m_jobs.append(job);
    connect(job, &Job::finished, this, [this, job] { Q_EMIT jobFinished(job); });
    Q_EMIT jobAdded(job);
    job->start();
}

int JobManager::runningCount() const
{
    return int(std::count_if(m_jobs.cbegin(), m_jobs.cend(),
                             [](const Job *job) { return !job->isFinished(); }));
}

void JobManager::clearFinished()
{
    const QList<Job *> jobs = m_jobs;
    for (Job *job : jobs) {
        if (!job->isFinished())
            continue;
        m_jobs.removeOne(job);
        Q_EMIT jobRemoved(job);
        job->deleteLater();
    }
}

void JobManager::cancelAllAndWait()
{
    for (Job *job : std::as_const(m_jobs)) {
        if (job->isFinished())
            continue;
        job->cancel();
        if (auto *threaded = qobject_cast<ThreadedJob *>(job))
            threaded->waitForWorker();
    }
}

} // namespace PgVault
