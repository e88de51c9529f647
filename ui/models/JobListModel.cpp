#include "JobListModel.h"

#include "jobs/JobManager.h"

#include <QLocale>

namespace PgVault {

JobListModel::JobListModel(JobManager *manager, QObject *parent)
    : QAbstractListModel(parent)
    , m_manager(manager)
{
    const QList<Job *> &existing = manager->jobs();
    for (Job *job : existing)
        onJobAdded(job);
    connect(manager, &JobManager::jobAdded, this, &JobListModel::onJobAdded);
    connect(manager, &JobManager::jobRemoved, this, &JobListModel::onJobRemoved);
}

JobListModel::~JobListModel() = default;

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Job *job = m_jobs.at(index.row());
    const JobProgress &progress = job->progress();
    switch (role) {
    case Qt::DisplayRole: return job->title();
    case Qt::ToolTipRole:
        return progress.phaseLabel.isEmpty() ? job->title()
                                             : tr("%1: %2").arg(job->title(), progress.phaseLabel);
    case JobRole: return QVariant::fromValue(static_cast<QObject *>(const_cast<Job *>(job)));
    case KindRole: return job->kind();
    case StateRole: return int(job->state());
    case StateTextRole: return stateText(job->state());
    case PhaseRole: return progress.phaseLabel;
    case CurrentItemRole: return progress.currentItem;
    case FractionRole: return progress.fraction();
    case BytesDoneRole: return progress.bytesDone;
    case BytesTotalRole: return progress.bytesTotal;
    case BytesPerSecondRole: return progress.bytesPerSecond;
    case EtaSecondsRole: return progress.etaSeconds;
    case CancelMeaningRole: return int(job->cancelMeaning());
    case CanCancelRole:
        return job->state() == Job::State::Pending || job->state() == Job::State::Running;
    case LogRole: {
        QStringList lines;
        const QLocale locale;
        for (const Job::Message &message : job->messages()) {
            const QString time
                    = locale.toString(message.time.toLocalTime().time(), QLocale::LongFormat);
            switch (message.level) {
            case Job::MessageLevel::Info: lines.append(tr("%1  %2").arg(time, message.text)); break;
            case Job::MessageLevel::Warning:
                lines.append(tr("%1  Warning: %2").arg(time, message.text));
                break;
            case Job::MessageLevel::Error:
                lines.append(tr("%1  Error: %2").arg(time, message.text));
                break;
            }
        }
        return lines.join(QLatin1Char('\n'));
    }
    case MessageCountRole: return int(job->messages().size());
    case ErrorMessageRole: return job->error() ? job->error()->message() : QString();
    case ErrorDetailRole: return job->error() ? job->error()->detail() : QString();
    case ElapsedSecondsRole:
        if (!job->isFinished() || !job->startedAt().isValid() || !job->finishedAt().isValid())
            return qint64(-1);
        return job->startedAt().secsTo(job->finishedAt());
    default: return QVariant();
    }
}

QHash<int, QByteArray> JobListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(JobRole, "job");
    names.insert(KindRole, "kind");
    names.insert(StateRole, "state");
    names.insert(StateTextRole, "stateText");
    names.insert(PhaseRole, "phase");
    names.insert(CurrentItemRole, "currentItem");
    names.insert(FractionRole, "fraction");
    names.insert(BytesDoneRole, "bytesDone");
    names.insert(BytesTotalRole, "bytesTotal");
    names.insert(BytesPerSecondRole, "bytesPerSecond");
    names.insert(EtaSecondsRole, "etaSeconds");
    names.insert(CancelMeaningRole, "cancelMeaning");
    names.insert(CanCancelRole, "canCancel");
    names.insert(LogRole, "log");
    names.insert(MessageCountRole, "messageCount");
    names.insert(ErrorMessageRole, "errorMessage");
    names.insert(ErrorDetailRole, "errorDetail");
    names.insert(ElapsedSecondsRole, "elapsedSeconds");
    return names;
}

Job *JobListModel::job(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return nullptr;
    return m_jobs.at(index.row());
}

QModelIndex JobListModel::indexOf(const Job *job) const
{
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (m_jobs.at(row) == job)
            return index(row);
    }
    return QModelIndex();
}

QString JobListModel::stateText(Job::State state)
{
    switch (state) {
    case Job::State::Pending: return tr("Waiting");
    case Job::State::Running: return tr("Running");
    case Job::State::Cancelling: return tr("Stopping…");
    case Job::State::Succeeded: return tr("Done");
    case Job::State::Failed: return tr("Failed");
    case Job::State::Cancelled: return tr("Cancelled");
    }
    return QString();
}

void JobListModel::onJobAdded(Job *job)
{
    if (indexOf(job).isValid())
        return;
    const int row = int(m_jobs.size());
    beginInsertRows(QModelIndex(), row, row);
    m_jobs.append(job);
    endInsertRows();

    connect(job, &Job::progressChanged, this, [this, job] {
        jobChanged(job, {Qt::ToolTipRole, PhaseRole, CurrentItemRole, FractionRole, BytesDoneRole,
                         BytesTotalRole, BytesPerSecondRole, EtaSecondsRole});
    });
    connect(job, &Job::stateChanged, this, [this, job] { jobChanged(job); });
    connect(job, &Job::message, this, [this, job] {
        jobChanged(job, {LogRole, MessageCountRole});
    });
    connect(job, &Job::finished, this, [this, job] { jobChanged(job); });
    // Raw pointer on purpose: during destruction only the address is compared.
    connect(job, &QObject::destroyed, this, [this, job] { onJobRemoved(job); });
}

void JobListModel::onJobRemoved(Job *job)
{
    const int row = int(m_jobs.indexOf(job));
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_jobs.removeAt(row);
    endRemoveRows();
}

void JobListModel::jobChanged(const Job *job, const QList<int> &roles)
{
    const QModelIndex changed = indexOf(job);
    if (changed.isValid())
        Q_EMIT dataChanged(changed, changed, roles);
}

} // namespace PgVault
