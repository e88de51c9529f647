#include "secrets/SecretStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"

#include "TestUtil.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace PgVault;

// A unit test: it must never touch the developer's real keychain. main() points D-Bus at a dead
// address, so the SecretStore finds no keychain and keeps handed-over passwords in memory.
class TestProfileStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_store;

    QString settingsPath() const { return m_dir->filePath(QStringLiteral("pgvault.conf")); }

    QByteArray settingsFileText() const
    {
        QFile file(settingsPath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }

    Profile addOk(const QString &name, const QString &conninfo, const QString &repo = {})
    {
        const Result<Profile> added = m_store->add(Profile::create(name, conninfo, repo));
        if (!added.ok())
            qWarning() << added.error().toString();
        return added.ok() ? added.value() : Profile();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<Settings>(settingsPath());
        m_secrets = std::make_unique<SecretStore>();
        m_store = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
    }

    void cleanup()
    {
        m_store.reset();
        m_secrets.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void addAndFind()
    {
        QSignalSpy added(m_store.get(), &ProfileStore::profileAdded);
        const Result<Profile> result = m_store->add(
                Profile::create(QStringLiteral("shop"), QStringLiteral("host=db dbname=shop\n"),
                                QStringLiteral("/srv/repo/")));
        QVERIFY_OK(result);
        QVERIFY(!result->id().isNull());
        QCOMPARE(result->conninfo(), QStringLiteral("host=db dbname=shop"));
        QCOMPARE(result->repositoryPath(), QStringLiteral("/srv/repo"));
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).value<Profile>(), result.value());

        QCOMPARE(m_store->find(result->id()), std::optional<Profile>(result.value()));
        QCOMPARE(m_store->findByName(QStringLiteral("shop")),
                 std::optional<Profile>(result.value()));
        QVERIFY(!m_store->findByName(QStringLiteral("Shop")).has_value()); // case-sensitive
        QVERIFY(!m_store->find(QUuid::createUuid()).has_value());
        QVERIFY(!m_store->hasPendingSecretOperations());
    }

    void nullIdGetsOne()
    {
        const Result<Profile> result
                = m_store->add(Profile(QUuid(), QStringLiteral("x"), QStringLiteral("host=db")));
        QVERIFY_OK(result);
        QVERIFY(!result->id().isNull());
    }

    void listIsSortedByName()
    {
        addOk(QStringLiteral("beta"), QStringLiteral("host=b"));
        addOk(QStringLiteral("Alpha"), QStringLiteral("host=a"));
        addOk(QStringLiteral("alpha"), QStringLiteral("host=a2"));
        addOk(QStringLiteral("gamma"), QString());
        QStringList names;
        for (const Profile &p : m_store->profiles())
            names << p.name();
        QCOMPARE(names, QStringList({QStringLiteral("Alpha"), QStringLiteral("alpha"),
                                     QStringLiteral("beta"), QStringLiteral("gamma")}));
    }

    void invalidNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << QStringLiteral("   ");
        QTest::newRow("leading space") << QStringLiteral(" shop");
        QTest::newRow("trailing space") << QStringLiteral("shop ");
        QTest::newRow("slash") << QStringLiteral("prod/eu");
        QTest::newRow("backslash") << QStringLiteral("prod\\eu");
        QTest::newRow("tab") << QStringLiteral("prod\teu");
        QTest::newRow("newline") << QStringLiteral("prod\neu");
        QTest::newRow("nul") << QString(QChar(0)) + QStringLiteral("x");
        QTest::newRow("del") << QStringLiteral("a") + QChar(0x7f);
        QTest::newRow("line separator")
                << QStringLiteral("a") + QChar(0x2028) + QStringLiteral("b");
        QTest::newRow("too long") << QString(101, QLatin1Char('x'));
    }

    void invalidNames()
    {
        QFETCH(QString, name);
        QVERIFY(!ProfileStore::validateName(name).ok());
        const Result<Profile> result
                = m_store->add(Profile::create(name, QStringLiteral("host=db")));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::InvalidInput);
        QVERIFY(!result.error().message().isEmpty());
        QVERIFY(m_store->profiles().isEmpty());
    }

    void validNames()
    {
        for (const QString &name : {QStringLiteral("prod"), QStringLiteral("Prod"),
                                    QStringLiteral("shop (eu-1)"), QStringLiteral("Ünïcødé 名前"),
                                    QStringLiteral("a b"), QString(100, QLatin1Char('y'))}) {
            QVERIFY_OK(ProfileStore::validateName(name));
            QVERIFY_OK(m_store->add(Profile::create(name, QStringLiteral("host=db"))));
        }
        QCOMPARE(m_store->profiles().size(), 6);
    }

    void duplicateNamesAreRejected()
    {
        const Profile first = addOk(QStringLiteral("shop"), QStringLiteral("host=a"));
        QVERIFY(!first.isNull());
        const Result<Profile> again
                = m_store->add(Profile::create(QStringLiteral("shop"), QStringLiteral("host=b")));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code(), ErrorCode::AlreadyExists);
        QVERIFY(again.error().message().contains(QStringLiteral("shop")));

        const Result<Profile> sameId = m_store->add(first);
        QVERIFY(!sameId.ok());
        QCOMPARE(sameId.error().code(), ErrorCode::AlreadyExists);

        // A rename onto another profile's name is refused as well.
        const Profile other = addOk(QStringLiteral("crm"), QStringLiteral("host=c"));
        Profile renamed = other;
        renamed.setName(QStringLiteral("shop"));
        const Result<Profile> clash = m_store->update(renamed);
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().code(), ErrorCode::AlreadyExists);
        QCOMPARE(m_store->find(other.id())->name(), QStringLiteral("crm"));
    }

    void renameKeepsIdAndEmitsChanged()
    {
        const Profile shop = addOk(QStringLiteral("shop"), QStringLiteral("host=a"));
        QSignalSpy changed(m_store.get(), &ProfileStore::profileChanged);

        Profile renamed = shop;
        renamed.setName(QStringLiteral("webshop"));
        renamed.setConninfo(QStringLiteral("postgresql://alice@db/shop"));
        renamed.setRepositoryPath(QStringLiteral("/srv/r"));
        const Result<Profile> updated = m_store->update(renamed);
        QVERIFY_OK(updated);
        QCOMPARE(updated->id(), shop.id());
        QCOMPARE(changed.count(), 1);
        QVERIFY(!m_store->findByName(QStringLiteral("shop")).has_value());
        QCOMPARE(m_store->findByName(QStringLiteral("webshop"))->id(), shop.id());
        QCOMPARE(m_store->find(shop.id())->conninfo(),
                 QStringLiteral("postgresql://alice@db/shop"));

        // Saving the same values again is not a change; keeping one's own name is allowed.
        QVERIFY_OK(m_store->update(updated.value()));
        QCOMPARE(changed.count(), 1);

        // Clearing the repository goes back to the default.
        Profile cleared = updated.value();
        cleared.setRepositoryPath(QString());
        QVERIFY_OK(m_store->update(cleared));
        QCOMPARE(m_store->find(shop.id())->repositoryPath(), QString());
    }

    void updateOfMissingProfileFails()
    {
        const Result<Profile> result
                = m_store->update(Profile::create(QStringLiteral("ghost"), QString()));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::NotFound);
    }

    void removeDeletesAndEmits()
    {
        const Profile shop = addOk(QStringLiteral("shop"), QStringLiteral("host=a"));
        const Profile crm = addOk(QStringLiteral("crm"), QStringLiteral("host=b"));
        QSignalSpy removed(m_store.get(), &ProfileStore::profileRemoved);
        QSignalSpy passwordRemoved(m_store.get(), &ProfileStore::passwordRemoved);

        QVERIFY_OK(m_store->remove(shop.id()));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).value<QUuid>(), shop.id());
        QVERIFY(!m_store->find(shop.id()).has_value());
        QCOMPARE(m_store->profiles().size(), 1);
        QVERIFY(!settingsFileText().contains(shop.idString().toUtf8()));
        QVERIFY(settingsFileText().contains(crm.idString().toUtf8()));

        // The keychain entry is deleted too (asynchronously; reported through passwordRemoved).
        QVERIFY(m_store->hasPendingSecretOperations());
        QTRY_COMPARE_WITH_TIMEOUT(passwordRemoved.count(), 1, 20000);
        QVERIFY(!m_store->hasPendingSecretOperations());

        const Status again = m_store->remove(shop.id());
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code(), ErrorCode::NotFound);
    }

    void persistsAcrossInstances()
    {
        const QString tricky = QStringLiteral(
                "host=db.example.com port=5433 dbname='my shop' application_name='a;b#c=d\"e' "
                "options='-c search_path=x,y'");
        const Profile shop
                = addOk(QStringLiteral("shop; #1 = [main]"), tricky, QStringLiteral("/srv/a b/r"));
        const Profile uri = addOk(
                QStringLiteral("Ünïcødé"),
                QStringLiteral("postgresql://ålice@db/shop?sslmode=require&application_name=%20x"));
        QVERIFY(!shop.isNull());
        QVERIFY(!uri.isNull());
        const QList<Profile> before = m_store->profiles();

        m_store.reset();
        m_settings.reset();
        Settings settings(settingsPath());
        QVERIFY_OK(settings.status());
        ProfileStore reopened(&settings, nullptr);
        QCOMPARE(reopened.profiles(), before);
        QCOMPARE(reopened.find(shop.id())->conninfo(), tricky);
        QCOMPARE(reopened.findByName(QStringLiteral("Ünïcødé"))->id(), uri.id());
    }

    void settingsFileNeverHoldsAPassword_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expectedConninfo");
        QTest::newRow("keyword") << QStringLiteral(
                "host=db user=alice password=Tr0ub4dor&3 dbname=shop")
                                 << QStringLiteral("Tr0ub4dor&3")
                                 << QStringLiteral("host=db user=alice dbname=shop");
        QTest::newRow("quoted") << QStringLiteral(
                "host=db password='correct horse battery' user=alice")
                                << QStringLiteral("correct horse battery")
                                << QStringLiteral("host=db user=alice");
        QTest::newRow("uri") << QStringLiteral("postgresql://alice:Zq8%21xK2%40pw@db:5433/shop")
                             << QStringLiteral("Zq8!xK2@pw")
                             << QStringLiteral("postgresql://alice@db:5433/shop");
        QTest::newRow("uri query")
                << QStringLiteral("postgresql://db/shop?password=Qm7pLx9&user=bob")
                << QStringLiteral("Qm7pLx9") << QStringLiteral("postgresql://db/shop?user=bob");
    }

    void settingsFileNeverHoldsAPassword()
    {
        QFETCH(QString, conninfo);
        QFETCH(QString, password);
        QFETCH(QString, expectedConninfo);

        QSignalSpy stored(m_store.get(), &ProfileStore::passwordStored);
        const Result<Profile> added
                = m_store->add(Profile::create(QStringLiteral("shop"), conninfo));
        QVERIFY_OK(added);
        QCOMPARE(added->conninfo(), expectedConninfo);

        // Also through update(): a new password in the connection string.
        Profile changed = added.value();
        changed.setConninfo(conninfo + QStringLiteral(" "));
        changed.setName(QStringLiteral("shop2"));
        QVERIFY_OK(m_store->update(changed));
        QVERIFY_OK(m_settings->sync());

        const QByteArray text = settingsFileText();
        QVERIFY(!text.isEmpty());
        QVERIFY2(text.contains("shop2"), text.constData());
        for (const QByteArray &needle :
             {password.toUtf8(), QUrl::toPercentEncoding(password), password.toUtf8().toBase64()}) {
            QVERIFY2(!text.contains(needle), text.constData());
        }
        QVERIFY2(!text.contains("password"), text.constData());

        // The password went to the SecretStore (here: memory, as there is no keychain).
        QTRY_COMPARE_WITH_TIMEOUT(stored.count(), 2, 20000);
        QCOMPARE(stored.at(0).at(0).value<QUuid>(), added->id());
        const SecretStore::ReadResult read = m_secrets->readPasswordBlocking(added->id());
        QVERIFY_OK(read);
        QCOMPARE(read.value(), std::optional<QString>(password));
    }

    void passwordWithoutSecretStoreIsRejected()
    {
        ProfileStore noSecrets(m_settings.get(), nullptr);
        const Result<Profile> result = noSecrets.add(Profile::create(
                QStringLiteral("shop"), QStringLiteral("host=db password=hunter2")));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::InvalidInput);
        QVERIFY(result.error().message().contains(QStringLiteral("password")));
        QVERIFY(!settingsFileText().contains("hunter2"));
        QVERIFY(noSecrets.profiles().isEmpty());
    }

    void unmovableSecretsAndBadStringsAreRejected()
    {
        for (const QString &conninfo :
             {QStringLiteral("host=db sslpassword=keypass"), QStringLiteral("host=db password"),
              QStringLiteral("dbname='host=x password=nested'")}) {
            const Result<Profile> result
                    = m_store->add(Profile::create(QStringLiteral("x"), conninfo));
            QVERIFY2(!result.ok(), qPrintable(conninfo));
            QCOMPARE(result.error().code(), ErrorCode::InvalidInput);
        }
        QVERIFY(m_store->profiles().isEmpty());
        QVERIFY(!settingsFileText().contains("keypass"));
        QVERIFY(!settingsFileText().contains("nested"));
    }

    void relativeRepositoryIsRejected()
    {
        const Result<Profile> result = m_store->add(
                Profile::create(QStringLiteral("x"), QString(), QStringLiteral("backups/repo")));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::InvalidInput);
    }

    void damagedEntriesAreSkipped()
    {
        addOk(QStringLiteral("good"), QStringLiteral("host=db"));
        m_settings->storage().setValue(QStringLiteral("profiles/not-a-uuid/name"),
                                       QStringLiteral("bad"));
        m_settings->storage().setValue(
                QStringLiteral("profiles/%1/conninfo")
                        .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)),
                QStringLiteral("host=nameless"));
        QCOMPARE(m_store->profiles().size(), 1);
        QCOMPARE(m_store->profiles().at(0).name(), QStringLiteral("good"));
    }
};

int main(int argc, char **argv)
{
    // Before anything can open a D-Bus connection: no session bus, so no real keychain.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pgvault-test-bus");
    qunsetenv("XDG_RUNTIME_DIR");
    QCoreApplication app(argc, argv);
    TestProfileStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_profilestore.moc"
