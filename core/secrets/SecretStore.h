#pragma once

#include "common/Result.h"
#include "secrets/KeychainAvailability.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QUuid>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

namespace QKeychain {
class Job;
}

namespace PgVault {

// Profile passwords in the system keychain (QtKeychain; on Linux the Secret Service, i.e. GNOME
// Keyring or KWallet), under service "pgvault" and key = the profile's UUID, so a rename keeps
// the password.
//
// Outcomes:
//  - no entry is not a failure: a read gives std::nullopt ("no secret"; libpq may still find
//    one in ~/.pgpass or PGPASSWORD);
//  - when no keychain is reachable (QtKeychain's NoBackendAvailable or OtherError, or no answer
//    within timeout()), keychainUnavailable() is emitted once per process and from then on the
//    keychain is not asked again: passwords are kept in memory for this session only
//    (rememberForSession) and never written to disk. There is no insecure fallback. Writes then
//    fail with ErrorCode::KeychainUnavailable but the password is still remembered for the
//    session; reads give the remembered password or std::nullopt;
//  - the first read while availability is unknown is retried once after a second, because the
//    keyring daemon may still be starting (Nextcloud does the same);
//  - a password remembered for the session is returned before the keychain is asked.
//
// Threads: QtKeychain is not thread-safe (its job queue is an unguarded singleton), so every
// keychain job runs on the thread that owns this object. The asynchronous calls may be made from
// any thread; the callback runs on the context object's thread (which needs an event loop), is
// never called synchronously from inside the call, and is dropped if the context is destroyed
// first (or if this store is). A null context means this store's thread.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using ReadResult = Result<std::optional<QString>>;
    using ReadCallback = std::function<void(const ReadResult &)>;
    using StatusCallback = std::function<void(const Status &)>;

    static QString defaultService(); // "pgvault"

    explicit SecretStore(QObject *parent = nullptr);
    explicit SecretStore(const QString &service, QObject *parent = nullptr);
    ~SecretStore() override;

    QString service() const;

    void readPassword(const QUuid &profileId, QObject *context, ReadCallback callback);
    void writePassword(const QUuid &profileId, const QString &password, QObject *context,
                       StatusCallback callback = {});
    // Deleting a password that does not exist succeeds. Also forgets the session copy.
    void deletePassword(const QUuid &profileId, QObject *context, StatusCallback callback = {});

    // Blocking variants for the CLI and for worker threads (ThreadedJob).
    //  - Called on this store's own thread they run a local QEventLoop until the answer comes:
    //    acceptable in the CLI, which has no UI to freeze, never on the GUI thread (a warning is
    //    logged if that happens).
    //  - Called on another thread they hand the job to this store's thread and wait for the
    //    answer there; that thread must be running its event loop (the GUI thread is), or the
    //    wait ends after timeout() with ErrorCode::Timeout.
    ReadResult readPasswordBlocking(const QUuid &profileId);
    Status writePasswordBlocking(const QUuid &profileId, const QString &password);
    Status deletePasswordBlocking(const QUuid &profileId);

    // Keeps a password in memory until the process ends (or forgetForSession), e.g. one the user
    // typed for "ask each time". Never written anywhere. Thread-safe.
    void rememberForSession(const QUuid &profileId, const QString &password);
    void forgetForSession(const QUuid &profileId);

    static KeychainAvailability::State availability();
    static bool isKeychainUnavailable();

    // How long one keychain job may take before the keychain counts as unavailable (default 60 s:
    // long enough for the user to answer an unlock prompt).
    std::chrono::milliseconds timeout() const;
    void setTimeout(std::chrono::milliseconds timeout);

Q_SIGNALS:
    // Once per process, when the keychain turns out to be unreachable; the UI warns once.
    void keychainUnavailable(const PgVault::Error &error);

private:
    struct JobOutcome;
    enum class Operation { Read, Write, Delete };
    template<typename R>
    using Done = std::function<void(R)>;

    template<typename R>
    Done<R> deliverTo(QObject *context, std::function<void(const R &)> callback);
    void runOnOwnThread(std::function<void()> function);
    template<typename R>
    R waitFor(std::function<void(Done<R>)> start);

    void startRead(const QUuid &profileId, Done<ReadResult> done, bool mayRetry);
    void startWrite(const QUuid &profileId, const QString &password, Done<Status> done);
    void startDelete(const QUuid &profileId, Done<Status> done);
    void runJob(QKeychain::Job *job, const QUuid &profileId,
                std::function<void(const JobOutcome &)> finished);

    std::optional<QString> sessionPassword(const QUuid &profileId) const;
    Error reportUnavailable(const JobOutcome &outcome, Operation operation);
    Error failure(const JobOutcome &outcome, Operation operation) const;

    QString m_service;
    std::atomic<qint64> m_timeoutMs{60'000}; // read by blocking callers on other threads
    mutable QMutex m_sessionMutex;
    QHash<QUuid, QString> m_sessionPasswords;
};

} // namespace PgVault
