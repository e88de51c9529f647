#include "SecretStoreCalls.h"
#include "secrets/SecretStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"

#include "TestUtil.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <optional>

using namespace PgVault;
using namespace PgVault::Test;

namespace {

constexpr int kWaitMs = Test::kSecretCallbackWaitMs;

// Set up by main() before QtKeychain can look at the environment: a private HOME and XDG
// directories, and a session bus address that leads nowhere.
QTemporaryDir *s_home = nullptr;

const QString kFirstPassword = QStringLiteral("NoKeychain-Pw-1a2b3c");
const QString kSecondPassword = QStringLiteral("NoKeychain-Pw-4d5e6f");
const QString kProfilePassword = QStringLiteral("NoKeychain-Pw-profile-7g8h");

} // namespace

// No Secret Service at all (this test runs without the keyring launcher, and main() hides any
// session bus). PgVault must say so once, keep passwords for the session, and never write them.
// The slots run in order and share the process-wide "keychain unavailable" state.
class TestSecretStoreNoKeychain : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<QSignalSpy> m_spy;
    QUuid m_id = QUuid::createUuid();

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_store = std::make_unique<SecretStore>();
        m_spy = std::make_unique<QSignalSpy>(m_store.get(), &SecretStore::keychainUnavailable);
        QCOMPARE(SecretStore::availability(), KeychainAvailability::State::Unknown);
    }

    void firstWriteFailsWithKeychainUnavailable()
    {
        const Status written = writeAsync(*m_store, m_id, kFirstPassword);
        QVERIFY2(!written.ok(), "a keychain answered although the session bus is gone");
        QCOMPARE(written.error().code(), ErrorCode::KeychainUnavailable);
        QVERIFY(!written.error().message().isEmpty());
        QVERIFY(!written.error().message().contains(kFirstPassword));
        QVERIFY(!written.error().detail().contains(kFirstPassword));

        QCOMPARE(m_spy->count(), 1);
        const Error reported = m_spy->at(0).at(0).value<Error>();
        QCOMPARE(reported.code(), ErrorCode::KeychainUnavailable);
        QVERIFY(!reported.message().isEmpty());
        QVERIFY(SecretStore::isKeychainUnavailable());
    }

    void passwordIsKeptForTheSession()
    {
        const SecretStore::ReadResult read = readAsync(*m_store, m_id);
        QVERIFY_OK(read);
        QCOMPARE(read.value(), std::optional<QString>(kFirstPassword));

        const SecretStore::ReadResult blocking = m_store->readPasswordBlocking(m_id);
        QVERIFY_OK(blocking);
        QCOMPARE(blocking.value(), std::optional<QString>(kFirstPassword));
    }

    void unknownProfileHasNoSecret()
    {
        const SecretStore::ReadResult read = readAsync(*m_store, QUuid::createUuid());
        QVERIFY_OK(read);
        QVERIFY(!read.value().has_value());
    }

    void signalFiresOnceOverManyOperations()
    {
        for (int i = 0; i < 3; ++i) {
            const Status again = writeAsync(*m_store, m_id, kSecondPassword);
            QCOMPARE(again.error().code(), ErrorCode::KeychainUnavailable);
            QVERIFY_OK(readAsync(*m_store, QUuid::createUuid()));
        }
        const QUuid other = QUuid::createUuid();
        QCOMPARE(m_store->writePasswordBlocking(other, kSecondPassword).error().code(),
                 ErrorCode::KeychainUnavailable);
        QCOMPARE(m_store->deletePasswordBlocking(other).error().code(),
                 ErrorCode::KeychainUnavailable);

        // A second store in the same process: the user was already warned.
        SecretStore second;
        QSignalSpy secondSpy(&second, &SecretStore::keychainUnavailable);
        QCOMPARE(writeAsync(second, QUuid::createUuid(), kSecondPassword).error().code(),
                 ErrorCode::KeychainUnavailable);

        QCOMPARE(m_spy->count(), 1);
        QCOMPARE(secondSpy.count(), 0);
        QCOMPARE(m_store->readPasswordBlocking(m_id).value(),
                 std::optional<QString>(kSecondPassword));
    }

    void deleteForgetsTheSessionPassword()
    {
        const QUuid id = QUuid::createUuid();
        m_store->rememberForSession(id, kSecondPassword);
        QCOMPARE(m_store->readPasswordBlocking(id).value(),
                 std::optional<QString>(kSecondPassword));
        (void)m_store->deletePasswordBlocking(id);
        const SecretStore::ReadResult read = m_store->readPasswordBlocking(id);
        QVERIFY_OK(read);
        QVERIFY(!read.value().has_value());
        QCOMPARE(m_spy->count(), 1);
    }

    void workerThreadGetsTheSessionPassword()
    {
        std::optional<SecretStore::ReadResult> read;
        std::unique_ptr<QThread> worker(
                QThread::create([&] { read = m_store->readPasswordBlocking(m_id); }));
        worker->start();
        QTRY_VERIFY_WITH_TIMEOUT(worker->isFinished(), kWaitMs);
        worker->wait();
        QVERIFY(read.has_value());
        QVERIFY_OK(*read);
        QCOMPARE(read->value(), std::optional<QString>(kSecondPassword));
    }

    void profilePasswordStaysInMemory()
    {
        Settings settings(s_home->filePath(QStringLiteral("config/pgvault/pgvault.conf")));
        ProfileStore profiles(&settings, m_store.get());
        QSignalSpy stored(&profiles, &ProfileStore::passwordStored);
        const Result<Profile> added = profiles.add(
                Profile::create(QStringLiteral("shop"),
                                QStringLiteral("host=db user=alice password=") + kProfilePassword));
        QVERIFY_OK(added);
        QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, kWaitMs);
        QCOMPARE(stored.at(0).at(1).value<Status>().error().code(), ErrorCode::KeychainUnavailable);
        QCOMPARE(m_store->readPasswordBlocking(added->id()).value(),
                 std::optional<QString>(kProfilePassword));
        QVERIFY_OK(settings.sync());
        QVERIFY(QFile::exists(settings.filePath()));
        QCOMPARE(m_spy->count(), 1);
    }

    // Last: nothing written anywhere under the private HOME/XDG tree holds any of the passwords.
    void nothingWasWrittenToDisk()
    {
        m_store.reset(); // let anything that would be flushed at destruction be flushed
        int files = 0;
        QDirIterator it(s_home->path(), QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray content = file.readAll();
            ++files;
            for (const QString &password : {kFirstPassword, kSecondPassword, kProfilePassword}) {
                for (const QByteArray &needle :
                     {password.toUtf8(), password.toUtf8().toBase64(),
                      QByteArray(reinterpret_cast<const char *>(password.utf16()),
                                 password.size() * 2)}) {
                    QVERIFY2(!content.contains(needle),
                             qPrintable(QStringLiteral("%1 contains a password").arg(path)));
                }
            }
        }
        QVERIFY2(files >= 1, "the settings file should have been written");
    }
};

int main(int argc, char **argv)
{
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    s_home = &home;
    // A private HOME and XDG tree, so the disk check covers every place a fallback could use.
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toUtf8());
    qputenv("XDG_STATE_HOME", home.filePath(QStringLiteral("state")).toUtf8());
    // No session bus: an address that leads nowhere (an unset one could be autolaunched), and
    // no runtime dir for libsecret to find a bus socket in. Desktop hints off, so QtKeychain
    // takes its default (libsecret) path rather than KWallet.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pgvault-test-bus");
    for (const char *name : {"XDG_RUNTIME_DIR", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
                             "KDE_SESSION_VERSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID"})
        qunsetenv(name);

    QCoreApplication app(argc, argv);
    TestSecretStoreNoKeychain test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore_nokeychain.moc"
