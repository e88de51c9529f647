#pragma once

#include "Job.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace PgVault {

// Owns the running and finished jobs of the application. The GUI's job panel lists them;
// at exit everything still running is cancelled and waited for (never terminated).
class JobManager : public QObject
{
    Q_OBJECT

public:
    explicit JobManager(QObject *parent = nullptr);
    ~JobManager() override;

    // Takes ownership and starts the job.
    void add(Job *job);
    const QList<Job *> &jobs() const { return m_jobs; }
    int runningCount() const;
    // Removes finished jobs from the list (their history is gone afterwards).
    void clearFinished();
    void cancelAllAndWait();

Q_SIGNALS:
    void jobAdded(PgVault::Job *job);
    void jobFinished(PgVault::Job *job);
    void jobRemoved(PgVault::Job *job);

private:
    QList<Job *> m_jobs;
};

} // namespace PgVault
