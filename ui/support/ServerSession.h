#pragma once

#include "common/Error.h"
#include "connection/ServerFacts.h"
#include "connection/ServerWarning.h"
#include "models/ServerStatus.h"
#include "settings/Profile.h"

#include <QHash>
#include <QObject>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

namespace PgVault {

class SecretStore;
class ServerInspector;
class ToolLocator;

// What the GUI knows about the selected server, and the one inspection that may be running for
// it. Inspecting never blocks the UI thread (ServerInspector is event driven); selecting another
// server cancels the running inspection. Results are kept per server for the session, so going
// back to a server shows what was last learned without connecting again.
//
// Passwords: the keychain (or the session memory) is asked first; without a password libpq may
// still find one in ~/.pgpass or PGPASSWORD. When the server refuses, passwordWanted() is true
// and connectWithPassword() retries with one the user typed (kept in memory for the session,
// or saved in the keychain when asked to).
class ServerSession : public QObject
{
    Q_OBJECT

public:
    enum class State {
        NoServer,   // nothing selected
        Idle,       // selected, not inspected yet
        Connecting, // an inspection is running
        Ready,      // facts() holds the last inspection's result
        Failed,     // error() says why the last attempt failed
    };
    Q_ENUM(State)

    ServerSession(SecretStore *secrets, std::shared_ptr<const ToolLocator> tools,
                  QObject *parent = nullptr);
    ~ServerSession() override;

    // Selects a server (or none). Inspects it unless it was inspected in this session.
    void setProfile(const std::optional<Profile> &profile);
    const std::optional<Profile> &profile() const { return m_profile; }
    // The saved profile was edited: forget what was learned and inspect again.
    void profileChanged(const Profile &profile);
    void profileRemoved(const QUuid &id);

    // Inspects the selected server again (cancelling a running inspection).
    void refresh();
    // Retries with a password the user typed; remembered for the session, and written to the
    // keychain when saveInKeychain is set.
    void connectWithPassword(const QString &password, bool saveInKeychain);
    void cancel();

    State state() const;
    ServerStatus status() const;
    ServerStatus status(const QUuid &id) const;
    const std::optional<ServerFacts> &facts() const;
    const QList<ServerWarning> &warnings() const;
    const std::optional<Error> &error() const;
    // The step the running inspection is at ("Connecting to db:5432…").
    const QString &progressText() const;
    // The server refused to let us in; asking the user for a password may help.
    bool passwordWanted() const;
    bool isKeychainUsable() const;

    // The password to start a job for a profile with (not necessarily the selected one): the
    // keychain's or this session's, or std::nullopt so that libpq looks in ~/.pgpass and
    // PGPASSWORD. Asynchronous; `callback` runs on `context`'s thread, never when it is gone.
    using PasswordCallback = std::function<void(const std::optional<QString> &password)>;
    void readPassword(const QUuid &profileId, QObject *context, PasswordCallback callback) const;

Q_SIGNALS:
    // Anything about the selected server changed (state, facts, error, progress).
    void changed();
    // A server's status changed (for the status dots of the server list).
    void statusChanged(const QUuid &id, PgVault::ServerStatus status);

private:
    struct Snapshot
    {
        State state = State::Idle;
        std::optional<ServerFacts> facts;
        QList<ServerWarning> warnings;
        std::optional<Error> error;
        bool passwordWanted = false;
    };

    void start(const std::optional<QString> &password);
    void onInspectorFinished();
    void setSnapshot(const QUuid &id, const Snapshot &snapshot);
    const Snapshot &current() const;

    SecretStore *m_secrets;
    std::shared_ptr<const ToolLocator> m_tools;
    ServerInspector *m_inspector = nullptr; // the running inspection, if any
    QUuid m_inspectingId;                   // whose inspection runs (or ran last)
    std::optional<Profile> m_profile;
    QHash<QUuid, Snapshot> m_snapshots;
    // Passwords typed this session, when there is no SecretStore to remember them.
    QHash<QUuid, QString> m_typedPasswords;
    QString m_progressText;
    quint64 m_generation = 0; // drops keychain answers for an earlier request
};

} // namespace PgVault
