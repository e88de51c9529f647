#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace PgVault;

// Its own process because the keychain state is process-wide: here the first keychain operation
// is a read, which must be retried once (the keyring may still be starting) before PgVault
// decides that there is no keychain.
class TestSecretStoreFirstRead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstReadIsRetriedOnceThenReportsUnavailable()
    {
        SecretStore store;
        QSignalSpy unavailable(&store, &SecretStore::keychainUnavailable);
        // Both messages must appear, exactly once each; QtTest fails the test otherwise.
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("retrying once")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("system keychain unavailable")));

        const SecretStore::ReadResult read = store.readPasswordBlocking(QUuid::createUuid());
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
        QVERIFY(!read.value().has_value()); // "no secret": libpq may still use ~/.pgpass
        QCOMPARE(unavailable.count(), 1);
        QVERIFY(SecretStore::isKeychainUnavailable());

        // No more retries (and no more keychain jobs) for the rest of the session.
        const SecretStore::ReadResult again = store.readPasswordBlocking(QUuid::createUuid());
        QVERIFY(again.ok());
        QCOMPARE(unavailable.count(), 1);
    }
};

int main(int argc, char **argv)
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pgvault-test-bus");
    for (const char *name : {"XDG_RUNTIME_DIR", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
                             "KDE_SESSION_VERSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID"})
        qunsetenv(name);
    QCoreApplication app(argc, argv);
    TestSecretStoreFirstRead test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore_firstread.moc"
