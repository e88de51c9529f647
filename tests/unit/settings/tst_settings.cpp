#include "settings/Settings.h"

#include "TestUtil.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault;

class TestSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        qunsetenv("PGVAULT_REPO");
    }

    void defaultsComeFromTheTable()
    {
        Settings settings(path(QStringLiteral("defaults.conf")));
        QVERIFY_OK(settings.status());
        QCOMPARE(settings.pgBinDirs(), QStringList());
        QCOMPARE(settings.keychainWarningShown(), false);
        QCOMPARE(settings.storedRepositoryPath(), QString());
        QCOMPARE(settings.defaultRepositoryPath(), Settings::builtInRepositoryPath());
        QVERIFY(Settings::builtInRepositoryPath().endsWith(QStringLiteral("/pgvault/repository")));
        QVERIFY(Settings::defaultFilePath().endsWith(QStringLiteral("/pgvault/pgvault.conf")));
        for (Settings::Key key : {Settings::Key::PgBinDirs, Settings::Key::DefaultRepositoryPath,
                                  Settings::Key::KeychainWarningShown}) {
            QVERIFY(!Settings::keyName(key).isEmpty());
            QCOMPARE(settings.value(key), Settings::defaultValue(key));
        }
    }

    void valuesSurviveANewInstance()
    {
        const QString file = path(QStringLiteral("persist.conf"));
        {
            Settings settings(file);
            settings.setPgBinDirs({QStringLiteral("/opt/pg 16/bin/"), QStringLiteral(""),
                                   QStringLiteral("/opt/a,b/bin"),
                                   QStringLiteral("/opt/pg 16/bin")});
            settings.setStoredRepositoryPath(QStringLiteral("/srv/backups/repo/"));
            settings.setKeychainWarningShown(true);
            QVERIFY_OK(settings.sync());
        }
        Settings again(file);
        QVERIFY_OK(again.status());
        QCOMPARE(again.pgBinDirs(),
                 QStringList({QStringLiteral("/opt/pg 16/bin"), QStringLiteral("/opt/a,b/bin")}));
        QCOMPARE(again.storedRepositoryPath(), QStringLiteral("/srv/backups/repo"));
        QCOMPARE(again.defaultRepositoryPath(), QStringLiteral("/srv/backups/repo"));
        QCOMPARE(again.keychainWarningShown(), true);
    }

    void singleBinDirIsStillAList()
    {
        const QString file = path(QStringLiteral("single.conf"));
        {
            Settings settings(file);
            settings.setPgBinDirs({QStringLiteral("/usr/lib/postgresql/16/bin")});
            QVERIFY_OK(settings.sync());
        }
        QCOMPARE(Settings(file).pgBinDirs(),
                 QStringList{QStringLiteral("/usr/lib/postgresql/16/bin")});
    }

    void defaultsAreNotWritten()
    {
        const QString file = path(QStringLiteral("minimal.conf"));
        {
            Settings settings(file);
            settings.setKeychainWarningShown(true);
            settings.setKeychainWarningShown(false);
            settings.setPgBinDirs({});
            QVERIFY_OK(settings.sync());
        }
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            QVERIFY2(!f.readAll().contains("keychainWarningShown"), "default value written");
    }

    void environmentOverridesRepository()
    {
        Settings settings(path(QStringLiteral("env.conf")));
        settings.setStoredRepositoryPath(QStringLiteral("/srv/stored"));
        qputenv("PGVAULT_REPO", "/mnt/from-env/");
        QVERIFY(settings.isRepositoryPathFromEnvironment());
        QCOMPARE(settings.defaultRepositoryPath(), QStringLiteral("/mnt/from-env"));
        QCOMPARE(settings.storedRepositoryPath(), QStringLiteral("/srv/stored"));
        qunsetenv("PGVAULT_REPO");
        QVERIFY(!settings.isRepositoryPathFromEnvironment());
        QCOMPARE(settings.defaultRepositoryPath(), QStringLiteral("/srv/stored"));
    }

    void changedIsEmittedOnRealChangesOnly()
    {
        Settings settings(path(QStringLiteral("signals.conf")));
        QSignalSpy spy(&settings, &Settings::changed);
        settings.setKeychainWarningShown(true);
        settings.setKeychainWarningShown(true);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Settings::Key>(), Settings::Key::KeychainWarningShown);
        settings.reset(Settings::Key::KeychainWarningShown);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(settings.keychainWarningShown(), false);
    }

    void damagedFileIsReported()
    {
        const QString file = path(QStringLiteral("damaged.conf"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[general\nno closing bracket\n\x01\x02");
        f.close();
        Settings settings(file);
        // QSettings reports FormatError for broken group headers; we turn it into Corrupt.
        QVERIFY(!settings.status().ok());
        QCOMPARE(settings.status().error().code(), ErrorCode::Corrupt);
        QVERIFY(settings.status().error().message().contains(QStringLiteral("damaged.conf")));
    }

    void unwritableFileIsReported()
    {
        // Nobody, not even root, can create files under /proc.
        Settings settings(QStringLiteral("/proc/pgvault-cannot-write/pgvault.conf"));
        settings.setKeychainWarningShown(true);
        const Status synced = settings.sync();
        QVERIFY(!synced.ok());
        QCOMPARE(synced.error().code(), ErrorCode::IoError);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
