// The real pgvault-cli against a real PostgreSQL (PgCluster) and a real keychain (KEYRING):
// profile add --ask-password / list / test / remove with --json in a private config dir,
// `profile test` with a wrong password (exit 1 and the server's words on stderr), `check`
// with --conninfo and --profile, and the unknown-profile usage error.

#include "CliHarness.h"
#include "PgCluster.h"
#include "TestUtil.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace PgVault;
using namespace PgVault::Test;

namespace {
const QString kPassword = QStringLiteral("Cli-Test-Pw-7f3a9");
}

class TestCliServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgCluster> m_cluster;
    QTemporaryDir m_home;

    QProcessEnvironment environment() const
    {
        // The keyring launcher's session bus stays; only config/data move to a private home.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        for (const char *name : {"PGPASSWORD", "PGPASSFILE", "PGVAULT_REPO", "PGHOST", "PGPORT",
                                 "PGUSER", "PGDATABASE", "PGSERVICE"})
            env.remove(QLatin1String(name));
        env.insert(QStringLiteral("PGPASSFILE"), QStringLiteral("/nonexistent/pgpass"));
        return env;
    }
    CliResult run(const QStringList &args, const QByteArray &input = {}) const
    {
        return runBinary(args, environment(), input);
    }
    QString tcpConninfo() const
    {
        return m_cluster->conninfo(QStringLiteral("postgres"), {}, true);
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_PG_MAJOR(PgCluster::defaultMajor());
        PgClusterOptions options;
        options.tcp = true;
        options.superuserPassword = kPassword;
        m_cluster = std::make_unique<PgCluster>(options);
        QVERIFY_OK(m_cluster->start());
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void profileLifecycleWithKeychain()
    {
        // Add with the password from stdin: it goes to the keychain, not the settings.
        CliResult r
                = run({QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("add"),
                       QStringLiteral("main"), QStringLiteral("--conninfo"), tcpConninfo(),
                       QStringLiteral("--ask-password")},
                      kPassword.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.result().value(QStringLiteral("passwordStored")).toBool(), true);

        QDirIterator files(m_home.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(kPassword.toUtf8()), qPrintable(file.fileName()));
        }

        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray profiles = r.result().value(QStringLiteral("profiles")).toArray();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("main"));

        // Test: the password comes from the keychain (PGPASSFILE leads nowhere).
        r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("main"),
                 QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        bool ok = false;
        r.jsonLines(&ok);
        QVERIFY2(ok, qPrintable(r.describe()));
        const QJsonObject result = r.result();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        const QJsonObject facts = result.value(QStringLiteral("facts")).toObject();
        QCOMPARE(facts.value(QStringLiteral("major")).toInt(), m_cluster->major());
        QCOMPARE(facts.value(QStringLiteral("currentUser")).toString(), m_cluster->superuser());
        QCOMPARE(facts.value(QStringLiteral("isSuperuser")).toBool(), true);
        QVERIFY(result.value(QStringLiteral("warnings")).isArray());

        // Human output of the same.
        r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("main")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("Profile “main” works.")), qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("Version")));

        // Unknown profile: exit 2, the known names on stderr.
        r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("Known profiles: main.")), qPrintable(r.describe()));

        // check --profile uses the same profile and its keychain password.
        QTemporaryDir repo;
        r = run({QStringLiteral("check"), QStringLiteral("--profile"), QStringLiteral("main"),
                 QStringLiteral("--repo"), repo.path(), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.result()
                         .value(QStringLiteral("repository"))
                         .toObject()
                         .value(QStringLiteral("path"))
                         .toString(),
                 repo.path());

        r = run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("main"),
                 QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(!r.err.contains(QStringLiteral("Warning")), qPrintable(r.describe()));
        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.result().value(QStringLiteral("profiles")).toArray().size(), 0);
    }

    void wrongPasswordFails()
    {
        CliResult r = run({QStringLiteral("profile"), QStringLiteral("add"),
                           QStringLiteral("wrong"), QStringLiteral("--conninfo"), tcpConninfo(),
                           QStringLiteral("--ask-password")},
                          QByteArray("not-the-password\n"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("wrong")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("password authentication failed for user")),
                 qPrintable(r.describe()));
        QVERIFY(!r.err.contains(QStringLiteral("not-the-password")));

        r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("wrong"),
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject error = r.result().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(),
                 QStringLiteral("authentication-failed"));

        r = run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("wrong")});
        QCOMPARE(r.exitCode, 0);
    }

    void passwordInConninfoMovesToKeychain()
    {
        const QString withPassword = tcpConninfo() + QStringLiteral(" password=") + kPassword;
        CliResult r
                = run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("inline"),
                       QStringLiteral("--conninfo"), withPassword, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.result().value(QStringLiteral("passwordStored")).toBool(), true);
        QVERIFY(!r.result()
                         .value(QStringLiteral("profile"))
                         .toObject()
                         .value(QStringLiteral("conninfo"))
                         .toString()
                         .contains(kPassword));
        r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("inline")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("inline")});
        QCOMPARE(r.exitCode, 0);
    }

    void checkWithConninfo()
    {
        QTemporaryDir repo;
        const QString missing = repo.filePath(QStringLiteral("not-yet"));
        // The private unix socket: trust, no password needed.
        const CliResult r
                = run({QStringLiteral("check"), QStringLiteral("--conninfo"), m_cluster->conninfo(),
                       QStringLiteral("--repo"), missing, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        bool ok = false;
        const QList<QJsonObject> lines = r.jsonLines(&ok);
        QVERIFY2(ok && lines.size() == 1, qPrintable(r.describe()));
        const QJsonObject result = lines.last();
        QCOMPARE(result.value(QStringLiteral("event")).toString(), QStringLiteral("result"));
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));

        const QJsonObject facts = result.value(QStringLiteral("facts")).toObject();
        QCOMPARE(facts.value(QStringLiteral("major")).toInt(), m_cluster->major());
        QVERIFY(facts.value(QStringLiteral("serverVersionNum")).toInt()
                >= m_cluster->major() * 10000);
        QVERIFY(!facts.value(QStringLiteral("systemIdentifier")).toString().isEmpty());
        QVERIFY(facts.value(QStringLiteral("walLevel")).isString());
        QVERIFY(facts.value(QStringLiteral("archiveMode")).isString());
        const QJsonObject tools = facts.value(QStringLiteral("clientTools")).toObject();
        QCOMPARE(tools.value(QStringLiteral("serverMajor")).toInt(), m_cluster->major());
        QVERIFY(tools.value(QStringLiteral("tools")).toArray().size() >= 2);

        const QJsonObject repository = result.value(QStringLiteral("repository")).toObject();
        QCOMPARE(repository.value(QStringLiteral("path")).toString(), missing);
        QCOMPARE(repository.value(QStringLiteral("exists")).toBool(), false);
        QCOMPARE(repository.value(QStringLiteral("writable")).toBool(), true);
        QVERIFY(result.value(QStringLiteral("warnings")).isArray());
    }

    void checkHumanOutput()
    {
        const CliResult r = run({QStringLiteral("check"), QStringLiteral("--conninfo"),
                                 m_cluster->conninfo(), QStringLiteral("--repo"), m_home.path()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        for (const char *section :
             {"Server\n", "Client tools for PostgreSQL", "Repository\n", "Warnings\n"})
            QVERIFY2(r.out.contains(QLatin1String(section)), section);
    }
};

QTEST_GUILESS_MAIN(TestCliServer)

#include "tst_cli_server.moc"
