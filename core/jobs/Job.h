#pragma once

#include "JobProgress.h"
#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <optional>

namespace PgVault {

// One long operation (a dump, a base backup, a restore...). The GUI's job panel and the CLI's
// progress line both render the same signals. start() never blocks; cancel() is idempotent and
// may be called from any thread. After finished(), error() is empty on success and
// resultData() holds the job's machine-readable result (e.g. {"backupId": ...}).
class Job : public QObject
{
    Q_OBJECT

public:
    enum class State { Pending, Running, Cancelling, Succeeded, Failed, Cancelled };
    Q_ENUM(State)
    // What cancelling means for the user: undo (partial files removed) or stop (keep what is done).
    enum class CancelMeaning { Discard, KeepCompleted };
    Q_ENUM(CancelMeaning)
    enum class MessageLevel { Info, Warning, Error };
    Q_ENUM(MessageLevel)

    struct Message
    {
        QDateTime time;
        MessageLevel level;
        QString text;
    };

    Job(QString kind, QString title, QObject *parent = nullptr);
    ~Job() override;

    const QString &kind() const { return m_kind; }
    const QString &title() const { return m_title; }
    State state() const { return m_state; }
    bool isFinished() const;
    const JobProgress &progress() const { return m_progress; }
    const QList<Message> &messages() const { return m_messages; }
    const std::optional<Error> &error() const { return m_error; }
    const QJsonObject &resultData() const { return m_resultData; }
    const QDateTime &startedAt() const { return m_startedAt; }
    const QDateTime &finishedAt() const { return m_finishedAt; }
    virtual CancelMeaning cancelMeaning() const { return CancelMeaning::Discard; }

    void start();
    void cancel();

    static QString stateName(State state);

Q_SIGNALS:
    void stateChanged(PgVault::Job::State state);
    void progressChanged(const PgVault::JobProgress &progress);
    void message(PgVault::Job::MessageLevel level, const QString &text);
    void finished();

protected:
    // Begin the work; must return quickly (a thread or an event-driven state machine does it).
    virtual void doStart() = 0;
    // Ask the work to stop; called once, on the job's thread. The work still ends with finish().
    virtual void doCancel() = 0;

    void publishProgress(const JobProgress &progress);
    void postMessage(MessageLevel level, const QString &text);
    // Ends the job exactly once. After a cancel request any failure counts as Cancelled.
    void finish(const Result<QJsonObject> &result);

private:
    void setState(State state);

    QString m_kind;
    QString m_title;
    State m_state = State::Pending;
    JobProgress m_progress;
    QList<Message> m_messages;
    std::optional<Error> m_error;
    QJsonObject m_resultData;
    QDateTime m_startedAt;
    QDateTime m_finishedAt;
};

} // namespace PgVault
