#pragma once

#include "common/Result.h"
#include "settings/Profile.h"

#include <QList>
#include <QObject>
#include <QUuid>

#include <optional>

namespace PgVault {

class SecretStore;
class Settings;

// The saved connection profiles, kept in Settings under profiles/<uuid>/{name,conninfo,repository}.
//
// Names are unique (case-sensitive) and valid file-name-like labels: not empty, no leading or
// trailing spaces, no '/' or '\', no control characters, at most 100 characters.
//
// Passwords: a connection string that carries one ("password=…", "postgresql://user:pw@…",
// "?password=…") is accepted, but the password is cut out before anything is saved and handed
// to the SecretStore under the profile's id; passwordStored() reports how that went. So the
// settings file never holds a password, and pasting a full URI still just works. Without a
// SecretStore such a string is rejected. Secrets that cannot be moved (sslpassword) are rejected.
//
// Removing a profile deletes its keychain entry too. Renaming keeps it (the key is the id).
//
// Reads go to Settings every time, so two stores on one file (the GUI and a CLI run) see each
// other's saved changes after Settings::sync().
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    // secrets may be null (then passwords in connection strings are rejected).
    ProfileStore(Settings *settings, SecretStore *secrets, QObject *parent = nullptr);
    ~ProfileStore() override;

    // Sorted by name (case-insensitively, then case-sensitively).
    QList<Profile> profiles() const;
    std::optional<Profile> find(const QUuid &id) const;
    std::optional<Profile> findByName(const QString &name) const;

    // Saves a new profile (a null id gets a fresh one) and returns it as stored: with its id and
    // the connection string without password. InvalidInput for a bad name, connection string
    // or repository path (relative), AlreadyExists for a taken name or id, IoError/Corrupt when
    // the settings file cannot be written.
    Result<Profile> add(const Profile &profile);
    // Replaces the saved profile with the same id (rename, new connection string, repository).
    // NotFound if there is none. A password in the new connection string replaces the stored one.
    Result<Profile> update(const Profile &profile);
    // Removes the profile and its keychain entry. NotFound if there is none.
    Status remove(const QUuid &id);

    static Status validateName(const QString &name);

    // Keychain writes and deletes started by add()/update()/remove() run asynchronously. A CLI
    // that is about to exit waits for them:
    //   if (store.hasPendingSecretOperations()) {
    //       QEventLoop loop;
    //       connect(&store, &ProfileStore::secretOperationsFinished, &loop, &QEventLoop::quit);
    //       loop.exec();
    //   }
    bool hasPendingSecretOperations() const;

Q_SIGNALS:
    void profileAdded(const PgVault::Profile &profile);
    void profileChanged(const PgVault::Profile &profile);
    void profileRemoved(const QUuid &id);
    // After add()/update() handed a password from the connection string to the SecretStore.
    // With ErrorCode::KeychainUnavailable the password is kept for this session only.
    void passwordStored(const QUuid &id, const PgVault::Status &status);
    // After remove() asked the SecretStore to delete the profile's password.
    void passwordRemoved(const QUuid &id, const PgVault::Status &status);
    // The last pending keychain operation has finished.
    void secretOperationsFinished();

private:
    struct Prepared;
    Result<Prepared> prepare(const Profile &profile, const QUuid &replacing) const;
    Status save(const Profile &profile, const std::optional<Profile> &previous);
    void write(const Profile &profile);
    void handOverPassword(const QUuid &id, const QString &password);
    void secretOperationDone();

    Settings *m_settings;
    SecretStore *m_secrets;
    int m_pendingSecretOperations = 0;
};

} // namespace PgVault
