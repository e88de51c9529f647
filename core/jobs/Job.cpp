#include "Job.h"

#include "common/Tr.h"

#include <QThread>

namespace PgVault {

Job::Job(QString kind, QString title, QObject *parent)
    : QObject(parent)
    , m_kind(std::move(kind))
    , m_title(std::move(title))
{
    qRegisterMetaType<PgVault::JobProgress>();
}

Job::~Job() = default;

bool Job::isFinished() const
{
    return m_state == State::Succeeded || m_state == State::Failed || m_state == State::Cancelled;
}

void Job::start()
{
    if (m_state != State::Pending)
        return;
    m_startedAt = QDateTime::currentDateTimeUtc();
    setState(State::Running);
    doStart();
}

void Job::cancel()
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(this, &Job::cancel, Qt::QueuedConnection);
        return;
    }
    if (m_state == State::Pending) {
        m_error = Error(ErrorCode::Cancelled, Tr::tr("Cancelled before it started."));
        m_finishedAt = QDateTime::currentDateTimeUtc();
        setState(State::Cancelled);
        Q_EMIT finished();
        return;
    }
    if (m_state != State::Running)
        return;
    setState(State::Cancelling);
    doCancel();
}

void Job::publishProgress(const JobProgress &progress)
{
    if (progress == m_progress)
        return;
    m_progress = progress;
    Q_EMIT progressChanged(m_progress);
}

void Job::postMessage(MessageLevel level, const QString &text)
{
    m_messages.append({QDateTime::currentDateTimeUtc(), level, text});
    Q_EMIT message(level, text);
}

void Job::finish(const Result<QJsonObject> &result)
{
    if (isFinished())
        return;
    m_finishedAt = QDateTime::currentDateTimeUtc();
    if (result.ok()) {
        m_resultData = result.value();
        setState(State::Succeeded);
    } else {
        m_error = result.error();
        const bool cancelled
                = m_state == State::Cancelling || result.error().code() == ErrorCode::Cancelled;
        setState(cancelled ? State::Cancelled : State::Failed);
    }
    Q_EMIT finished();
}

void Job::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString Job::stateName(State state)
{
    switch (state) {
    case State::Pending: return QStringLiteral("pending");
    case State::Running: return QStringLiteral("running");
    case State::Cancelling: return QStringLiteral("cancelling");
    case State::Succeeded: return QStringLiteral("succeeded");
    case State::Failed: return QStringLiteral("failed");
    case State::Cancelled: return QStringLiteral("cancelled");
    }
    return QString();
}

} // namespace PgVault
