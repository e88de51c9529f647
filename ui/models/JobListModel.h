#pragma once

#include "jobs/Job.h"

#include <QAbstractListModel>
#include <QList>

namespace PgVault {

class JobManager;

// The JobManager's jobs, oldest first, as a list model for the job panel. Progress, state and
// log messages arrive as dataChanged() for the job's row. The model keeps its own list so that
// rows are inserted and removed strictly inside begin/end (JobManager updates its list before
// it signals).
class JobListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        JobRole = Qt::UserRole + 1, // Job* (QObject*)
        KindRole,                   // "dump", "sandbox-create", …
        StateRole,                  // Job::State as int
        StateTextRole,              // translated: "Running", "Failed", …
        PhaseRole,                  // translated phase label
        CurrentItemRole,            // e.g. "public.orders"
        FractionRole,               // double 0..1, or -1 when unknown
        BytesDoneRole,              // qint64
        BytesTotalRole,             // qint64, -1 unknown
        BytesPerSecondRole,         // double
        EtaSecondsRole,             // qint64, -1 not trusted
        CancelMeaningRole,          // Job::CancelMeaning as int
        CanCancelRole,              // bool: Pending or Running
        LogRole,                    // QString: every message, one per line, with time
        MessageCountRole,           // int
        ErrorMessageRole,           // QString: translated message of a failure
        ErrorDetailRole,            // QString: technical detail of a failure
        ElapsedSecondsRole,         // qint64: how long a finished job took; -1 while it runs
    };
    Q_ENUM(Role)

    explicit JobListModel(JobManager *manager, QObject *parent = nullptr);
    ~JobListModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Job *job(const QModelIndex &index) const;
    QModelIndex indexOf(const Job *job) const;

    static QString stateText(Job::State state);

private:
    void onJobAdded(Job *job);
    void onJobRemoved(Job *job);
    void jobChanged(const Job *job, const QList<int> &roles = {});

    JobManager *m_manager;
    QList<Job *> m_jobs; // removed on jobRemoved() or destroyed(), whichever comes first
};

} // namespace PgVault
