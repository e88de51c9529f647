#include "SecretStoreCalls.h"
#include "secrets/SecretStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"

#include "TestUtil.h"

#include <QFile>
#include <QProcess>
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

// What the keyring itself holds, asked the way a user would: QtKeychain's libsecret backend
// stores attributes server=<service>, user=<key>, type=plaintext.
struct KeyringEntry
{
    bool found = false;
    QString secret;
};

KeyringEntry lookupWithSecretTool(const QUuid &id)
{
    QProcess process;
    process.start(QStringLiteral("secret-tool"),
                  {QStringLiteral("lookup"), QStringLiteral("server"),
                   SecretStore::defaultService(), QStringLiteral("user"),
                   id.toString(QUuid::WithoutBraces)});
    if (!process.waitForFinished(kWaitMs) || process.exitStatus() != QProcess::NormalExit)
        return {};
    const QByteArray out = process.readAllStandardOutput();
    if (process.exitCode() != 0)
        return {};
    return {true, QString::fromUtf8(out)};
}

} // namespace

// Runs inside tests/support/with-keyring.sh: a private D-Bus session with an unlocked
// gnome-keyring. Talks to it for real and checks the keyring with secret-tool.
class TestSecretStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SecretStore> m_store;
    std::unique_ptr<QSignalSpy> m_unavailableSpy;
    QList<QUuid> m_used; // deleted again in cleanupTestCase
    bool m_keychainWorks = false;

    QUuid newId()
    {
        m_used.append(QUuid::createUuid());
        return m_used.last();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_store = std::make_unique<SecretStore>();
        m_unavailableSpy
                = std::make_unique<QSignalSpy>(m_store.get(), &SecretStore::keychainUnavailable);

        const QUuid probe = newId();
        const Status probed = m_store->writePasswordBlocking(probe, QStringLiteral("probe"));
        REQUIRE_OR_FAIL(probed.ok(),
                        QStringLiteral("no usable keychain (run through with-keyring.sh): ")
                                + (probed.ok() ? QString() : probed.error().toString()));
        REQUIRE_OR_FAIL(!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty(),
                        QStringLiteral("secret-tool (libsecret-tools) is not installed"));
        QCOMPARE(SecretStore::availability(), KeychainAvailability::State::Available);
        QCOMPARE(lookupWithSecretTool(probe).secret, QStringLiteral("probe"));
        m_keychainWorks = true;
    }

    void cleanupTestCase()
    {
        if (!m_keychainWorks)
            return;
        for (const QUuid &id : std::as_const(m_used))
            (void)m_store->deletePasswordBlocking(id);
        QCOMPARE(m_unavailableSpy->count(), 0);
    }

    void writeReadOverwriteDelete()
    {
        const QUuid id = newId();
        QVERIFY_OK(writeAsync(*m_store, id, QStringLiteral("first secret")));
        QCOMPARE(lookupWithSecretTool(id).secret, QStringLiteral("first secret"));
        SecretStore::ReadResult read = readAsync(*m_store, id);
        QVERIFY_OK(read);
        QCOMPARE(read.value(), std::optional<QString>(QStringLiteral("first secret")));

        QVERIFY_OK(writeAsync(*m_store, id, QStringLiteral("second secret")));
        QCOMPARE(lookupWithSecretTool(id).secret, QStringLiteral("second secret"));
        read = readAsync(*m_store, id);
        QVERIFY_OK(read);
        QCOMPARE(read.value(), std::optional<QString>(QStringLiteral("second secret")));

        QVERIFY_OK(deleteAsync(*m_store, id));
        QVERIFY(!lookupWithSecretTool(id).found);
        read = readAsync(*m_store, id);
        QVERIFY_OK(read);
        QVERIFY(!read.value().has_value());
    }

    void entryNotFoundIsNotAnError()
    {
        const QUuid never = QUuid::createUuid();
        const SecretStore::ReadResult read = readAsync(*m_store, never);
        QVERIFY_OK(read);
        QVERIFY(!read.value().has_value());
        QVERIFY_OK(deleteAsync(*m_store, never));
        const SecretStore::ReadResult blocking = m_store->readPasswordBlocking(never);
        QVERIFY_OK(blocking);
        QVERIFY(!blocking.value().has_value());
    }

    void unusualPasswords_data()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("unicode") << QStringLiteral("pässwörd 名前 🔑");
        QTest::newRow("quotes and spaces") << QStringLiteral(" 'a' \"b\" \\c ");
        QTest::newRow("newline") << QStringLiteral("line1\nline2");
        QString longOne;
        for (int i = 0; i < 4096; ++i)
            longOne += QChar(u'!' + (i * 7) % 90);
        QTest::newRow("4 KiB") << longOne;
    }

    void unusualPasswords()
    {
        QFETCH(QString, password);
        const QUuid id = newId();
        QVERIFY_OK(m_store->writePasswordBlocking(id, password));
        const SecretStore::ReadResult read = m_store->readPasswordBlocking(id);
        QVERIFY_OK(read);
        QCOMPARE(read.value(), std::optional<QString>(password));
        QCOMPARE(lookupWithSecretTool(id).secret, password);
        QVERIFY_OK(m_store->deletePasswordBlocking(id));
    }

    void sessionPasswordComesFirst()
    {
        const QUuid id = newId();
        QVERIFY_OK(m_store->writePasswordBlocking(id, QStringLiteral("in keychain")));
        m_store->rememberForSession(id, QStringLiteral("typed this session"));
        QCOMPARE(m_store->readPasswordBlocking(id).value(),
                 std::optional<QString>(QStringLiteral("typed this session")));
        m_store->forgetForSession(id);
        QCOMPARE(m_store->readPasswordBlocking(id).value(),
                 std::optional<QString>(QStringLiteral("in keychain")));
        // The session copy never reached the keyring.
        QCOMPARE(lookupWithSecretTool(id).secret, QStringLiteral("in keychain"));
    }

    void callbacksAreQueuedAndGuarded()
    {
        const QUuid id = newId();
        QVERIFY_OK(m_store->writePasswordBlocking(id, QStringLiteral("x")));

        // Never called from inside the call, even when the answer is known at once.
        m_store->rememberForSession(id, QStringLiteral("x"));
        bool called = false;
        QObject context;
        m_store->readPassword(id, &context,
                              [&called](const SecretStore::ReadResult &) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
        m_store->forgetForSession(id);

        // A context destroyed before the answer: the callback is dropped.
        bool droppedCalled = false;
        auto doomed = std::make_unique<QObject>();
        m_store->readPassword(id, doomed.get(), [&droppedCalled](const SecretStore::ReadResult &) {
            droppedCalled = true;
        });
        doomed.reset();
        // Jobs run in order, so once a later read has answered the first one has too.
        QVERIFY_OK(readAsync(*m_store, id));
        QCoreApplication::processEvents();
        QVERIFY(!droppedCalled);

        // A null context means the store's own thread.
        bool nullContextCalled = false;
        m_store->deletePassword(
                id, nullptr, [&nullContextCalled](const Status &s) { nullContextCalled = s.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(nullContextCalled, kWaitMs);
    }

    void workerThreadsUseTheBlockingApi()
    {
        const QUuid id = newId();
        QVERIFY_OK(m_store->writePasswordBlocking(id, QStringLiteral("for the worker")));

        std::optional<SecretStore::ReadResult> readInWorker;
        std::optional<Status> writtenInWorker;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            writtenInWorker = m_store->writePasswordBlocking(id, QStringLiteral("from the worker"));
            readInWorker = m_store->readPasswordBlocking(id);
        }));
        worker->start();
        // This (the store's) thread keeps its event loop running, as the GUI thread would.
        QTRY_VERIFY_WITH_TIMEOUT(worker->isFinished(), kWaitMs);
        worker->wait();
        QVERIFY(writtenInWorker.has_value());
        QVERIFY_OK(*writtenInWorker);
        QVERIFY(readInWorker.has_value());
        QVERIFY_OK(*readInWorker);
        QCOMPARE(readInWorker->value(), std::optional<QString>(QStringLiteral("from the worker")));
        QCOMPARE(lookupWithSecretTool(id).secret, QStringLiteral("from the worker"));

        // The asynchronous API from a worker thread, answered on a main-thread context.
        std::optional<SecretStore::ReadResult> asyncResult;
        QThread *answeredOn = nullptr;
        QObject mainContext;
        std::unique_ptr<QThread> asker(QThread::create([&] {
            m_store->readPassword(id, &mainContext, [&](const SecretStore::ReadResult &r) {
                answeredOn = QThread::currentThread();
                asyncResult = r;
            });
        }));
        asker->start();
        QTRY_VERIFY_WITH_TIMEOUT(asyncResult.has_value(), kWaitMs);
        asker->wait();
        QCOMPARE(answeredOn, QThread::currentThread());
        QCOMPARE(asyncResult->value(), std::optional<QString>(QStringLiteral("from the worker")));
    }

    void profilesKeepTheirSecretAcrossRenameAndLoseItOnRemoval()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString settingsPath = dir.filePath(QStringLiteral("pgvault.conf"));
        Settings settings(settingsPath);
        ProfileStore profiles(&settings, m_store.get());
        QSignalSpy stored(&profiles, &ProfileStore::passwordStored);
        QSignalSpy removed(&profiles, &ProfileStore::passwordRemoved);

        const QString password = QStringLiteral("Hx7!pq-Secret");
        const Result<Profile> added = profiles.add(Profile::create(
                QStringLiteral("shop"),
                QStringLiteral("postgresql://alice:Hx7%21pq-Secret@db.example.com/shop")));
        QVERIFY_OK(added);
        m_used.append(added->id());
        QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 1, kWaitMs);
        QVERIFY_OK(stored.at(0).at(1).value<Status>());
        QVERIFY(!profiles.hasPendingSecretOperations());
        QCOMPARE(lookupWithSecretTool(added->id()).secret, password);

        // Rename: same id, same keychain entry.
        Profile renamed = added.value();
        renamed.setName(QStringLiteral("webshop"));
        QVERIFY_OK(profiles.update(renamed));
        QCOMPARE(m_store->readPasswordBlocking(added->id()).value(),
                 std::optional<QString>(password));
        QCOMPARE(lookupWithSecretTool(added->id()).secret, password);

        // The settings file names the profile but holds no password.
        QVERIFY_OK(settings.sync());
        QFile file(settingsPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("webshop"));
        QVERIFY2(!text.contains(password.toUtf8()), text.constData());
        QVERIFY2(!text.contains("Hx7%21pq"), text.constData());

        // Removal deletes the keychain entry.
        QVERIFY_OK(profiles.remove(added->id()));
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, kWaitMs);
        QVERIFY_OK(removed.at(0).at(1).value<Status>());
        QVERIFY(!lookupWithSecretTool(added->id()).found);
        const SecretStore::ReadResult gone = m_store->readPasswordBlocking(added->id());
        QVERIFY_OK(gone);
        QVERIFY(!gone.value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
