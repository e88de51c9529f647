#include "connection/ServerAdvisor.h"
#include "connection/ServerFacts.h"
#include "connection/ServerFactsQueries.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault;

namespace {

// A healthy PostgreSQL 15 seen by a superuser with archiving set up.
ServerFacts healthyFacts()
{
    ServerFacts f;
    f.host = QStringLiteral("db.example.com");
    f.port = 5432;
    f.address = QStringLiteral("db.example.com:5432");
    f.serverVersion = QStringLiteral("15.20");
    f.serverVersionNum = 150020;
    f.major = 15;
    f.currentUser = QStringLiteral("backup");
    f.isSuperuser = false;
    f.hasReplication = true;
    f.dataDirectory = QStringLiteral("/var/lib/postgresql/15/main");
    f.walLevel = QStringLiteral("replica");
    f.archiveMode = QStringLiteral("on");
    f.archiveCommand = QStringLiteral("pgvault-cli wal-push %p");
    f.archiveLibrary = QString();
    f.maxWalSenders = 10;
    f.maxReplicationSlots = 10;
    f.replicationSlotsUsed = 1;
    f.dataChecksums = true;
    ServerFacts::Archiver a;
    a.archivedCount = 12;
    a.lastArchivedWal = QStringLiteral("00000001000000000000000C");
    a.lastArchivedTime = QDateTime::currentDateTimeUtc();
    f.archiver = a;
    return f;
}

QStringList ids(const QList<ServerWarning> &warnings)
{
    QStringList out;
    for (const ServerWarning &w : warnings)
        out.append(w.id);
    return out;
}

const ServerWarning *byId(const QList<ServerWarning> &warnings, const QString &id)
{
    for (const ServerWarning &w : warnings) {
        if (w.id == id)
            return &w;
    }
    return nullptr;
}

} // namespace

class TestServerFacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyServerHasNoWarnings()
    {
        QCOMPARE(ids(ServerAdvisor::warnings(healthyFacts())), QStringList());
    }

    void noReplicationPrivilege()
    {
        ServerFacts f = healthyFacts();
        f.hasReplication = false;
        f.currentUser = QStringLiteral("app user");
        const QList<ServerWarning> w = ServerAdvisor::warnings(f);
        const ServerWarning *rep = byId(w, QStringLiteral("no-replication-privilege"));
        QVERIFY(rep);
        QCOMPARE(rep->severity, ServerWarning::Severity::Warning);
        QVERIFY(rep->text.contains(QLatin1String("REPLICATION privilege")));
        QVERIFY(rep->text.contains(QLatin1String("base backups")));
        QVERIFY(rep->text.contains(QLatin1String("WAL streaming")));
        QVERIFY(rep->text.contains(QLatin1String("logical dumps still work")));
        QCOMPARE(rep->fixSql, QStringLiteral("ALTER ROLE \"app user\" REPLICATION;"));
        // A superuser may replicate without the attribute.
        f.isSuperuser = true;
        QVERIFY(!byId(ServerAdvisor::warnings(f), QStringLiteral("no-replication-privilege")));
    }

    void walLevelMinimalAndArchiveOff()
    {
        ServerFacts f = healthyFacts();
        f.walLevel = QStringLiteral("minimal");
        f.archiveMode = QStringLiteral("off");
        f.archiveCommand = QStringLiteral("(disabled)");
        const QList<ServerWarning> w = ServerAdvisor::warnings(f);
        QCOMPARE(w.first().id, QStringLiteral("wal-level-minimal")); // most severe first
        QCOMPARE(w.first().severity, ServerWarning::Severity::Critical);
        QVERIFY(w.first().fixNeedsRestart);
        QVERIFY(w.first().text.startsWith(QLatin1String("wal_level is minimal:")));
        const ServerWarning *off = byId(w, QStringLiteral("archive-mode-off"));
        QVERIFY(off);
        QVERIFY(off->text.startsWith(QLatin1String("archive_mode is off:")));
        QCOMPARE(off->fixSql, QStringLiteral("ALTER SYSTEM SET archive_mode = 'on';"));
    }

    void archiveModeOnWithoutCommand()
    {
        ServerFacts f = healthyFacts();
        f.archiveCommand = QString();
        QVERIFY(byId(ServerAdvisor::warnings(f), QStringLiteral("archive-command-missing")));
        f.archiveLibrary = QStringLiteral("basic_archive");
        QVERIFY(!byId(ServerAdvisor::warnings(f), QStringLiteral("archive-command-missing")));
    }

    void archiverFailing()
    {
        ServerFacts f = healthyFacts();
        f.archiver->failedCount = 3;
        f.archiver->lastFailedWal = QStringLiteral("00000001000000000000000D");
        f.archiver->lastFailedTime = f.archiver->lastArchivedTime.addSecs(60);
        QVERIFY(f.archiver->isFailing());
        QList<ServerWarning> w = ServerAdvisor::warnings(f);
        const ServerWarning *failing = byId(w, QStringLiteral("archiver-failing"));
        QVERIFY(failing);
        QCOMPARE(failing->severity, ServerWarning::Severity::Critical);
        QVERIFY2(failing->text.contains(QLatin1String("has failed 3 time")),
                 qPrintable(failing->text));
        QVERIFY(failing->text.contains(QLatin1String("00000001000000000000000D")));

        // Recovered: archived again after the failure.
        f.archiver->lastArchivedTime = f.archiver->lastFailedTime.addSecs(60);
        QVERIFY(!f.archiver->isFailing());
        w = ServerAdvisor::warnings(f);
        QVERIFY(!byId(w, QStringLiteral("archiver-failing")));
        QCOMPARE(byId(w, QStringLiteral("archiver-failed-before"))->severity,
                 ServerWarning::Severity::Info);
    }

    void walSendersAndSlots()
    {
        ServerFacts f = healthyFacts();
        f.maxWalSenders = 0;
        f.replicationSlotsUsed = 10;
        const QList<ServerWarning> w = ServerAdvisor::warnings(f);
        QVERIFY(byId(w, QStringLiteral("no-wal-senders")));
        QVERIFY(byId(w, QStringLiteral("replication-slots-exhausted")));
    }

    void checksumsAndDataDirectory()
    {
        ServerFacts f = healthyFacts();
        f.dataChecksums = false;
        f.dataDirectory.reset();
        const QList<ServerWarning> w = ServerAdvisor::warnings(f);
        QCOMPARE(byId(w, QStringLiteral("data-checksums-off"))->severity,
                 ServerWarning::Severity::Info);
        QCOMPARE(byId(w, QStringLiteral("data-directory-unknown"))->fixSql,
                 QStringLiteral("GRANT pg_read_all_settings TO \"backup\";"));
    }

    void clientToolsMissing()
    {
        ServerFacts f = healthyFacts();
        ClientToolsStatus tools;
        tools.serverMajor = 15;
        ClientToolsStatus::Tool dump;
        dump.name = QStringLiteral("pg_dump");
        dump.error
                = Error(ErrorCode::ToolMissing,
                        QStringLiteral("pg_dump of PostgreSQL 15 or newer was not found. Install "
                                       "the Debian package postgresql-client-15 or add its bin "
                                       "directory with --pg-bin."));
        ClientToolsStatus::Tool ctl;
        ctl.name = QStringLiteral("pg_ctl");
        ctl.exactMajor = true;
        ctl.path = QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl");
        tools.tools = {dump, ctl};
        f.clientTools = tools;
        QCOMPARE(tools.missingTools(), QStringList{QStringLiteral("pg_dump")});
        QVERIFY(!tools.allFound());
        const QList<ServerWarning> w = ServerAdvisor::warnings(f);
        const ServerWarning *missing = byId(w, QStringLiteral("client-tool-missing:pg_dump"));
        QVERIFY(missing);
        QVERIFY(missing->text.contains(QLatin1String("pg_dump of PostgreSQL 15 or newer")));
        QVERIFY(missing->fixHint.contains(QLatin1String("postgresql-client-15")));
        QVERIFY(!byId(w, QStringLiteral("client-tool-missing:pg_ctl")));
    }

    void settingInBytes_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("segment_size")
                << QStringLiteral("131072") << QStringLiteral("8kB") << qint64(1024) * 1024 * 1024;
        QTest::newRow("wal_segment_size 15")
                << QStringLiteral("16777216") << QStringLiteral("B") << qint64(16) * 1024 * 1024;
        QTest::newRow("no unit") << QStringLiteral("8192") << QString() << qint64(8192);
        QTest::newRow("MB") << QStringLiteral("16") << QStringLiteral("MB")
                            << qint64(16) * 1024 * 1024;
        QTest::newRow("16MB") << QStringLiteral("1") << QStringLiteral("16MB")
                              << qint64(16) * 1024 * 1024;
    }

    void settingInBytes()
    {
        QFETCH(QString, setting);
        QFETCH(QString, unit);
        QFETCH(qint64, bytes);
        QCOMPARE(ServerFactsQueries::settingInBytes(setting, unit), std::optional<qint64>(bytes));
        QVERIFY(!ServerFactsQueries::settingInBytes(QStringLiteral("x"), QString()));
    }

    void systemIdentifierIsUnsigned()
    {
        ServerFacts f;
        f.systemIdentifier = quint64(-1) - 5;
        QCOMPARE(f.systemIdentifierText(), QStringLiteral("18446744073709551610"));
        QCOMPARE(ServerFacts().systemIdentifierText(), QString());
    }

    void localHosts()
    {
        QVERIFY(ServerFactsQueries::isLocalHost(QStringLiteral("/var/run/postgresql")));
        QVERIFY(ServerFactsQueries::isLocalHost(QStringLiteral("localhost")));
        QVERIFY(ServerFactsQueries::isLocalHost(QStringLiteral("127.0.0.1")));
        QVERIFY(ServerFactsQueries::isLocalHost(QStringLiteral("::1")));
        QVERIFY(!ServerFactsQueries::isLocalHost(QStringLiteral("db.example.com")));
        QVERIFY(!ServerFactsQueries::isLocalHost(QStringLiteral("10.0.0.1")));
    }

    void locality()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ServerFacts f = healthyFacts();
        f.dataDirectory = dir.path();

        // Remote host: never local, whatever exists here.
        ServerFactsQueries::assessLocality(f);
        QVERIFY(!f.dataDirectoryIsLocal);
        QVERIFY(f.localityReason.contains(QLatin1String("db.example.com:5432")));

        f.host = QStringLiteral("/tmp");
        f.address = QStringLiteral("/tmp:5432");
        ServerFactsQueries::assessLocality(f); // no PG_VERSION yet
        QVERIFY(!f.dataDirectoryIsLocal);
        QVERIFY(f.localityReason.contains(QLatin1String("PG_VERSION")));

        QFile version(QDir(dir.path()).filePath(QStringLiteral("PG_VERSION")));
        QVERIFY(version.open(QIODevice::WriteOnly));
        version.write("14\n");
        version.close();
        ServerFactsQueries::assessLocality(f); // another major's directory
        QVERIFY(!f.dataDirectoryIsLocal);
        QVERIFY(f.localityReason.contains(QLatin1String("PostgreSQL 14")));

        QVERIFY(version.open(QIODevice::WriteOnly | QIODevice::Truncate));
        version.write("15\n");
        version.close();
        ServerFactsQueries::assessLocality(f);
        QVERIFY(f.dataDirectoryIsLocal);
        QVERIFY(f.localityReason.contains(dir.path()));

        f.dataDirectory = dir.path() + QStringLiteral("/missing");
        ServerFactsQueries::assessLocality(f);
        QVERIFY(!f.dataDirectoryIsLocal);
        QVERIFY(f.localityReason.contains(QLatin1String("does not exist")));

        f.dataDirectory.reset();
        ServerFactsQueries::assessLocality(f);
        QVERIFY(!f.dataDirectoryIsLocal);
        QVERIFY(f.localityReason.contains(QLatin1String("pg_read_all_settings")));
    }

    void factsAreCopyableMetaTypes()
    {
        const ServerFacts f = healthyFacts();
        const QVariant v = QVariant::fromValue(f);
        QCOMPARE(v.value<ServerFacts>().address, f.address);
        QCOMPARE(v.value<ServerFacts>().archiver->archivedCount, 12);
    }
};

QTEST_GUILESS_MAIN(TestServerFacts)
#include "tst_serverfacts.moc"
