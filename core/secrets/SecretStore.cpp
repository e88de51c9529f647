#include "SecretStore.h"

#include "secrets/SecretRelay.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <condition_variable>
#include <memory>
#include <mutex>

namespace PgVault {

namespace {

Q_LOGGING_CATEGORY(lcSecrets, "pgvault.secrets")

// The Secret Service may still be starting when PgVault asks first (login, autostart).
constexpr std::chrono::milliseconds kFirstReadRetryDelay = std::chrono::seconds(1);

SecretStore::ReadResult noSecret()
{
    return SecretStore::ReadResult(std::optional<QString>());
}

SecretStore::ReadResult secretValue(const QString &password)
{
    return SecretStore::ReadResult(std::optional<QString>(password));
}

} // namespace

struct SecretStore::JobOutcome
{
    QKeychain::Error code = QKeychain::NoError;
    QString errorString;
    QString text; // read jobs only
    bool timedOut = false;

    // "No keychain here" rather than "the keychain said no". With libsecret, a missing session
    // bus or Secret Service comes back as OtherError (a GIO error); NoBackendAvailable and
    // NotImplemented come from the other backends.
    bool meansUnavailable() const
    {
        return timedOut || code == QKeychain::NoBackendAvailable || code == QKeychain::OtherError
               || code == QKeychain::NotImplemented;
    }

    // Untranslated, for Error::detail. QtKeychain's text never contains the secret.
    QString detail() const
    {
        return QStringLiteral("QtKeychain error %1: %2").arg(int(code)).arg(errorString);
    }
};

QString SecretStore::defaultService()
{
    return QStringLiteral("pgvault");
}

SecretStore::SecretStore(QObject *parent)
    : SecretStore(defaultService(), parent)
{}

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

SecretStore::~SecretStore() = default;

QString SecretStore::service() const
{
    return m_service;
}

void SecretStore::readPassword(const QUuid &profileId, QObject *context, ReadCallback callback)
{
    Done<ReadResult> done = deliverTo<ReadResult>(context, std::move(callback));
    runOnOwnThread([this, profileId, done] { startRead(profileId, done, true); });
}

void SecretStore::writePassword(const QUuid &profileId, const QString &password, QObject *context,
                                StatusCallback callback)
{
    Done<Status> done = deliverTo<Status>(context, std::move(callback));
    runOnOwnThread([this, profileId, password, done] { startWrite(profileId, password, done); });
}

void SecretStore::deletePassword(const QUuid &profileId, QObject *context, StatusCallback callback)
{
    Done<Status> done = deliverTo<Status>(context, std::move(callback));
    runOnOwnThread([this, profileId, done] { startDelete(profileId, done); });
}

SecretStore::ReadResult SecretStore::readPasswordBlocking(const QUuid &profileId)
{
    return waitFor<ReadResult>(
            [this, profileId](Done<ReadResult> done) { startRead(profileId, done, true); });
}

Status SecretStore::writePasswordBlocking(const QUuid &profileId, const QString &password)
{
    return waitFor<Status>([this, profileId, password](Done<Status> done) {
        startWrite(profileId, password, done);
    });
}

Status SecretStore::deletePasswordBlocking(const QUuid &profileId)
{
    return waitFor<Status>([this, profileId](Done<Status> done) { startDelete(profileId, done); });
}

void SecretStore::rememberForSession(const QUuid &profileId, const QString &password)
{
    QMutexLocker lock(&m_sessionMutex);
    m_sessionPasswords.insert(profileId, password);
}

void SecretStore::forgetForSession(const QUuid &profileId)
{
    QMutexLocker lock(&m_sessionMutex);
    m_sessionPasswords.remove(profileId);
}

std::optional<QString> SecretStore::sessionPassword(const QUuid &profileId) const
{
    QMutexLocker lock(&m_sessionMutex);
    const auto it = m_sessionPasswords.constFind(profileId);
    if (it == m_sessionPasswords.constEnd())
        return std::nullopt;
    return *it;
}

KeychainAvailability::State SecretStore::availability()
{
    return KeychainAvailability::state();
}

bool SecretStore::isKeychainUnavailable()
{
    return KeychainAvailability::state() == KeychainAvailability::State::Unavailable;
}

std::chrono::milliseconds SecretStore::timeout() const
{
    return std::chrono::milliseconds(m_timeoutMs.load());
}

void SecretStore::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeoutMs.store(timeout.count());
}

// --- delivery and threads ------------------------------------------------------------------

template<typename R>
SecretStore::Done<R> SecretStore::deliverTo(QObject *context,
                                            std::function<void(const R &)> callback)
{
    auto answer = std::make_shared<std::optional<R>>();
    auto *relay = new SecretRelay;
    connect(
            relay, &SecretRelay::fired, context ? context : this,
            [answer, callback = std::move(callback)] {
                if (callback && answer->has_value())
                    callback(**answer);
            },
            Qt::QueuedConnection);
    // The relay is emitted and deleted on this store's thread.
    if (relay->thread() != thread())
        relay->moveToThread(thread());
    else
        relay->setParent(this); // freed with the store if a job never answers
    return [relay, answer](R result) {
        *answer = std::move(result);
        Q_EMIT relay->fired();
        relay->deleteLater();
    };
}

void SecretStore::runOnOwnThread(std::function<void()> function)
{
    if (QThread::currentThread() == thread())
        function();
    else
        QMetaObject::invokeMethod(this, std::move(function), Qt::QueuedConnection);
}

template<typename R>
R SecretStore::waitFor(std::function<void(Done<R>)> start)
{
    // Shared with the callback, which may (in theory) outlive this call.
    struct Waiter
    {
        std::mutex mutex;
        std::condition_variable condition;
        std::optional<R> result;
        QEventLoop *loop = nullptr;
    };
    auto waiter = std::make_shared<Waiter>();

    if (QThread::currentThread() == thread()) {
        const QCoreApplication *app = QCoreApplication::instance();
        if (app && app->inherits("QGuiApplication") && app->thread() == QThread::currentThread()) {
            qCWarning(lcSecrets) << "blocking keychain call on the GUI thread; a nested event "
                                    "loop runs until the keychain answers";
        }
        QEventLoop loop;
        waiter->loop = &loop;
        start([waiter](R result) {
            waiter->result = std::move(result);
            if (waiter->loop)
                waiter->loop->quit();
        });
        // Every path ends: each keychain job has a watchdog timer (timeout()).
        if (!waiter->result)
            loop.exec(QEventLoop::ExcludeUserInputEvents);
        waiter->loop = nullptr;
        if (waiter->result)
            return std::move(*waiter->result);
        return R(Error(ErrorCode::Cancelled, tr("Waiting for the system keychain was interrupted."),
                       QStringLiteral("event loop quit before the keychain answered")));
    }

    runOnOwnThread([start, waiter] {
        start([waiter](R result) {
            std::lock_guard lock(waiter->mutex);
            waiter->result = std::move(result);
            waiter->condition.notify_all();
        });
    });
    // Room for a retried first read on top of the job watchdogs.
    const auto limit = 2 * timeout() + kFirstReadRetryDelay + std::chrono::seconds(5);
    std::unique_lock lock(waiter->mutex);
    if (!waiter->condition.wait_for(lock, limit, [&] { return waiter->result.has_value(); })) {
        return R(Error(ErrorCode::Timeout,
                       tr("The system keychain did not answer in time. Try again; if it keeps "
                          "happening, check that the keyring is unlocked."),
                       QStringLiteral("no answer from the SecretStore thread")));
    }
    return std::move(*waiter->result);
}

// --- the operations (always on this store's thread) ---------------------------------------

void SecretStore::startRead(const QUuid &profileId, Done<ReadResult> done, bool mayRetry)
{
    if (const std::optional<QString> remembered = sessionPassword(profileId)) {
        done(secretValue(*remembered));
        return;
    }
    if (isKeychainUnavailable()) {
        done(noSecret());
        return;
    }
    runJob(new QKeychain::ReadPasswordJob(m_service), profileId,
           [this, profileId, done, mayRetry](const JobOutcome &outcome) {
               if (outcome.code == QKeychain::NoError) {
                   KeychainAvailability::markAvailable();
                   done(secretValue(outcome.text));
                   return;
               }
               if (outcome.code == QKeychain::EntryNotFound) {
                   KeychainAvailability::markAvailable();
                   done(noSecret());
                   return;
               }
               if (!outcome.meansUnavailable()) {
                   done(failure(outcome, Operation::Read));
                   return;
               }
               // A retry behind a job that hangs would only queue behind it: not on timeout.
               if (mayRetry && !outcome.timedOut
                   && availability() == KeychainAvailability::State::Unknown) {
                   qCInfo(lcSecrets)
                           << "first keychain read failed, retrying once:" << outcome.detail();
                   QTimer::singleShot(kFirstReadRetryDelay, this, [this, profileId, done] {
                       startRead(profileId, done, false);
                   });
                   return;
               }
               reportUnavailable(outcome, Operation::Read);
               const std::optional<QString> remembered = sessionPassword(profileId);
               done(remembered ? secretValue(*remembered) : noSecret());
           });
}

void SecretStore::startWrite(const QUuid &profileId, const QString &password, Done<Status> done)
{
    if (isKeychainUnavailable()) {
        rememberForSession(profileId, password);
        done(reportUnavailable({}, Operation::Write));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(password);
    runJob(job, profileId, [this, profileId, password, done](const JobOutcome &outcome) {
        if (outcome.code == QKeychain::NoError) {
            KeychainAvailability::markAvailable();
            forgetForSession(profileId); // the keychain holds it now
            done(Status());
            return;
        }
        // Whatever went wrong, the password the user just gave stays usable this session.
        rememberForSession(profileId, password);
        done(outcome.meansUnavailable() ? reportUnavailable(outcome, Operation::Write)
                                        : failure(outcome, Operation::Write));
    });
}

void SecretStore::startDelete(const QUuid &profileId, Done<Status> done)
{
    forgetForSession(profileId);
    if (isKeychainUnavailable()) {
        done(reportUnavailable({}, Operation::Delete));
        return;
    }
    runJob(new QKeychain::DeletePasswordJob(m_service), profileId,
           [this, done](const JobOutcome &outcome) {
               if (outcome.code == QKeychain::NoError || outcome.code == QKeychain::EntryNotFound) {
                   KeychainAvailability::markAvailable();
                   done(Status());
                   return;
               }
               done(outcome.meansUnavailable() ? reportUnavailable(outcome, Operation::Delete)
                                               : failure(outcome, Operation::Delete));
           });
}

void SecretStore::runJob(QKeychain::Job *job, const QUuid &profileId,
                         std::function<void(const JobOutcome &)> finished)
{
    // Not parented to this store: QtKeychain's libsecret callback keeps a pointer into the job
    // until the Secret Service answers, so the job must outlive the store if the store goes
    // first. autoDelete frees it after it has finished.
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // the default, stated: never a plaintext file
    job->setKey(profileId.toString(QUuid::WithoutBraces));

    // A keyring that never answers (a D-Bus peer that hangs, no GLib event loop) must not
    // leave the caller waiting forever; the watchdog turns that into "unavailable".
    auto answered = std::make_shared<bool>(false);
    auto *watchdog = new QTimer(this);
    watchdog->setSingleShot(true);
    connect(job, &QKeychain::Job::finished, this,
            [answered, watchdog, finished](QKeychain::Job *finishedJob) {
                if (*answered)
                    return;
                *answered = true;
                watchdog->deleteLater();
                JobOutcome outcome;
                outcome.code = finishedJob->error();
                outcome.errorString = finishedJob->errorString();
                if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finishedJob))
                    outcome.text = read->textData();
                finished(outcome);
            });
    const std::chrono::milliseconds limit = timeout();
    connect(watchdog, &QTimer::timeout, this, [answered, watchdog, finished, limit] {
        if (*answered)
            return;
        *answered = true;
        watchdog->deleteLater();
        JobOutcome outcome;
        outcome.code = QKeychain::OtherError;
        outcome.timedOut = true;
        outcome.errorString
                = QStringLiteral("no answer from the keychain within %1 ms").arg(limit.count());
        finished(outcome);
    });
    watchdog->start(limit);
    job->start();
}

// --- errors ----------------------------------------------------------------------------------

Error SecretStore::reportUnavailable(const JobOutcome &outcome, Operation operation)
{
    const QString detail
            = outcome.code == QKeychain::NoError && !outcome.timedOut
                      ? QStringLiteral("keychain found unavailable earlier in this session")
                      : outcome.detail();
    if (KeychainAvailability::markUnavailable()) {
        qCWarning(lcSecrets) << "system keychain unavailable; passwords stay in memory for this "
                                "session:"
                             << detail;
        Q_EMIT keychainUnavailable(Error(
                ErrorCode::KeychainUnavailable,
                tr("No system keychain is available (such as GNOME Keyring or KWallet). PgVault "
                   "keeps "
                   "passwords in memory until it quits and will ask for them again next time; it "
                   "never writes them to disk."),
                detail));
    }

    switch (operation) {
    case Operation::Read:
        return Error(ErrorCode::KeychainUnavailable,
                     tr("No system keychain is available, so no saved password could be read."),
                     detail);
    case Operation::Write:
        return Error(ErrorCode::KeychainUnavailable,
                     tr("The password was not saved because no system keychain is available. "
                        "PgVault remembers it until it quits."),
                     detail);
    case Operation::Delete:
        return Error(ErrorCode::KeychainUnavailable,
                     tr("No system keychain is available, so no saved password could be "
                        "removed."),
                     detail);
    }
    return Error(ErrorCode::KeychainUnavailable, tr("No system keychain is available."), detail);
}

Error SecretStore::failure(const JobOutcome &outcome, Operation operation) const
{
    if (outcome.code == QKeychain::AccessDenied || outcome.code == QKeychain::AccessDeniedByUser) {
        return Error(ErrorCode::PermissionDenied,
                     tr("Access to the system keychain was denied. Unlock the keychain (for "
                        "example the login keyring) and try again."),
                     outcome.detail());
    }
    switch (operation) {
    case Operation::Read:
        return Error(ErrorCode::Internal,
                     tr("The password could not be read from the system keychain."),
                     outcome.detail());
    case Operation::Write:
        return Error(ErrorCode::IoError,
                     tr("The password could not be saved in the system keychain. PgVault "
                        "remembers it until it quits."),
                     outcome.detail());
    case Operation::Delete:
        return Error(ErrorCode::IoError,
                     tr("The password could not be removed from the system keychain."),
                     outcome.detail());
    }
    return Error(ErrorCode::Internal, tr("The system keychain reported an error."),
                 outcome.detail());
}

} // namespace PgVault
