// The real pgvault-cli binary, without a server: exit codes, --version, stdout/stderr
// separation, profiles in a private config dir (XDG_CONFIG_HOME), the unknown-profile usage
// error, and --ask-password without a keychain (warned, never written to disk).

#include "CliHarness.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault::Test;

class TestCliBinary : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // A private HOME and XDG dirs (so the default settings path is inside them) and a session
    // bus that leads nowhere (no keychain).
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/pgvault-test-bus"));
        env.remove(QStringLiteral("PGVAULT_REPO"));
        return env;
    }
    CliResult run(const QStringList &args, const QByteArray &input = {}) const
    {
        return runBinary(args, environment(), input);
    }
    QString settingsFile() const
    {
        return m_home.filePath(QStringLiteral("config/pgvault/pgvault.conf"));
    }
    // Every file under the private home, for "the password is nowhere on disk".
    QByteArray everythingOnDisk() const
    {
        QByteArray all;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                all += file.readAll();
        }
        return all;
    }

private Q_SLOTS:
    void exitCodes()
    {
        CliResult r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("pgvault-cli ")));
        QVERIFY(r.err.isEmpty());

        r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("profile add")));

        r = run({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());

        r = run({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("Unknown command")));

        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--frob")});
        QCOMPARE(r.exitCode, 2);

        // A server that is not there: a failure (1), with the reason on stderr.
        r = run({QStringLiteral("check"), QStringLiteral("--conninfo"),
                 QStringLiteral("host=/nonexistent/pgvault-socket-dir port=1 connect_timeout=5")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("/nonexistent/pgvault-socket-dir")), qPrintable(r.describe()));
    }

    void profilesInPrivateConfigDir()
    {
        CliResult r = run({QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("add"),
                           QStringLiteral("one"), QStringLiteral("--conninfo"),
                           QStringLiteral("host=localhost dbname=one")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.result().value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QVERIFY2(QFile::exists(settingsFile()), qPrintable(settingsFile()));

        r = run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("two"),
                 QStringLiteral("--conninfo"), QStringLiteral("postgresql://u@h:5433/two")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        bool ok = false;
        QCOMPARE(r.jsonLines(&ok).size(), 1);
        QVERIFY(ok);
        const QJsonArray profiles = r.result().value(QStringLiteral("profiles")).toArray();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("one"));
        QCOMPARE(profiles.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("two"));

        // Unknown profile: usage error naming the known ones.
        r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("three")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("Known profiles: one, two.")), qPrintable(r.describe()));

        r = run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("one"),
                 QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("two")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.result().value(QStringLiteral("profiles")).toArray().size(), 0);
    }

    void configOption()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("other.conf"));
        CliResult r = run({QStringLiteral("--config"), file, QStringLiteral("profile"), QStringLiteral("add"),
                           QStringLiteral("elsewhere"), QStringLiteral("--conninfo"), QStringLiteral("host=x")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(QFile::exists(file));
        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.result().value(QStringLiteral("profiles")).toArray().size(), 0);
    }

    void askPasswordWithoutKeychain()
    {
        const QByteArray secret = "NoKeychain-Cli-Secret-9z";
        const CliResult r = run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("nokc"),
                                 QStringLiteral("--conninfo"), QStringLiteral("host=localhost"),
                                 QStringLiteral("--ask-password"), QStringLiteral("--json")},
                                secret + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("Warning: The password cannot be saved")), qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("Nothing of it was written to disk")), qPrintable(r.describe()));
        QCOMPARE(r.result().value(QStringLiteral("passwordStored")).toBool(true), false);
        // Core's log categories stay quiet without --verbose: the warning above says it all.
        QVERIFY2(!r.err.contains(QStringLiteral("pgvault.secrets")), qPrintable(r.describe()));
        QVERIFY(!everythingOnDisk().contains(secret));
        QVERIFY(!r.out.contains(QString::fromLatin1(secret)));
        QVERIFY(!r.err.contains(QString::fromLatin1(secret)));
    }
};

QTEST_GUILESS_MAIN(TestCliBinary)

#include "tst_cli_binary.moc"
