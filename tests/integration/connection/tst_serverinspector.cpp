// ServerInspector against real servers (one ctest per major, 14–18): the facts must equal what the
// test reads with its own SQL; an unprivileged role sees less and gets the REPLICATION warning;
// a failing archive_command shows up in the archiver facts; cancel works in every phase.
#include "PgCluster.h"
#include "TestUtil.h"

#include "connection/ConnInfo.h"
#include "connection/PgConnection.h"
#include "connection/ServerAdvisor.h"
#include "connection/ServerInspector.h"
#include "tools/ToolLocator.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace PgVault;
using namespace PgVault::Test;

namespace {

constexpr int kWaitMs = 60000;

ConnInfo parsed(const QString &text)
{
    Result<ConnInfo> r = ConnInfo::parse(text);
    return r ? *r : ConnInfo();
}

const ServerWarning *findWarning(const QList<ServerWarning> &warnings, const QString &id)
{
    for (const ServerWarning &w : warnings) {
        if (w.id == id)
            return &w;
    }
    return nullptr;
}

QString warningIds(const QList<ServerWarning> &warnings)
{
    QStringList ids;
    for (const ServerWarning &w : warnings)
        ids.append(w.id);
    return ids.join(QLatin1Char(' '));
}

// Runs the asynchronous inspector to its end.
Result<ServerFacts> inspectAsync(const ConnInfo &info,
                                 std::shared_ptr<const ToolLocator> locator = nullptr)
{
    ServerInspector inspector;
    inspector.setToolLocator(std::move(locator));
    QSignalSpy finished(&inspector, &ServerInspector::finished);
    QSignalSpy progress(&inspector, &ServerInspector::progress);
    inspector.start(info);
    if (!finished.wait(kWaitMs))
        return Error(ErrorCode::Timeout, QStringLiteral("inspector did not finish"));
    if (finished.count() != 1 || progress.isEmpty() || inspector.isRunning())
        return Error(ErrorCode::Internal, QStringLiteral("inspector signalled oddly"));
    return inspector.result();
}

} // namespace

class TestServerInspector : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgCluster> m_cluster;

    QString sql(const QString &query) const
    {
        const Result<QString> r = m_cluster->scalar(query);
        return r ? *r : QStringLiteral("<error: %1>").arg(r.error().toString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_PG_MAJOR(PgCluster::defaultMajor());
        m_cluster = std::make_unique<PgCluster>();
        QVERIFY_OK(m_cluster->start());
        for (const char *statement :
             {"CREATE ROLE appuser LOGIN", "CREATE DATABASE shop", "CREATE DATABASE locked_db",
              "REVOKE CONNECT ON DATABASE locked_db FROM PUBLIC", "CREATE DATABASE no_conn",
              "ALTER DATABASE no_conn ALLOW_CONNECTIONS false",
              "SELECT pg_create_physical_replication_slot('inspector_slot')"})
            QVERIFY_OK(m_cluster->execute(QString::fromLatin1(statement)));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void superuserFactsMatchSql()
    {
        const Result<ServerFacts> r = inspectAsync(parsed(m_cluster->conninfo()));
        QVERIFY_OK(r);
        const ServerFacts &f = *r;

        QCOMPARE(f.host, m_cluster->socketDir());
        QCOMPARE(f.port, m_cluster->port());
        QCOMPARE(f.address,
                 QStringLiteral("%1:%2").arg(m_cluster->socketDir()).arg(m_cluster->port()));
        QCOMPARE(f.database, QStringLiteral("postgres"));
        QVERIFY(f.inspectedAt.isValid());

        QCOMPARE(f.serverVersion, sql(QStringLiteral("SHOW server_version")));
        QCOMPARE(QString::number(f.serverVersionNum),
                 sql(QStringLiteral("SHOW server_version_num")));
        QCOMPARE(f.major, m_cluster->major());
        QCOMPARE(f.inRecovery, false);

        QVERIFY(f.systemIdentifier);
        QCOMPARE(qint64(*f.systemIdentifier),
                 sql(QStringLiteral("SELECT system_identifier FROM pg_control_system()"))
                         .toLongLong());

        QCOMPARE(f.currentUser, m_cluster->superuser());
        QVERIFY(f.isSuperuser);
        QCOMPARE(f.hasReplication,
                 sql(QStringLiteral(
                         "SELECT rolreplication FROM pg_roles WHERE rolname = current_user"))
                         == QLatin1String("t"));

        QVERIFY(f.dataDirectory);
        QCOMPARE(*f.dataDirectory, sql(QStringLiteral("SHOW data_directory")));
        QCOMPARE(QFileInfo(*f.dataDirectory).canonicalFilePath(),
                 QFileInfo(m_cluster->dataDir()).canonicalFilePath());
        QVERIFY2(f.dataDirectoryIsLocal, qPrintable(f.localityReason));
        QVERIFY(f.localityReason.contains(*f.dataDirectory));

        QCOMPARE(f.walLevel, std::optional(sql(QStringLiteral("SHOW wal_level"))));
        QCOMPARE(f.archiveMode, std::optional(sql(QStringLiteral("SHOW archive_mode"))));
        QCOMPARE(f.archiveCommand, std::optional(sql(QStringLiteral("SHOW archive_command"))));
        if (m_cluster->major() >= 15)
            QCOMPARE(f.archiveLibrary, std::optional(sql(QStringLiteral("SHOW archive_library"))));
        else
            QVERIFY(!f.archiveLibrary); // the setting does not exist on 14
        QCOMPARE(f.maxWalSenders,
                 std::optional(sql(QStringLiteral("SHOW max_wal_senders")).toInt()));
        QCOMPARE(f.maxReplicationSlots,
                 std::optional(sql(QStringLiteral("SHOW max_replication_slots")).toInt()));
        QCOMPARE(f.replicationSlotsUsed, std::optional(1));
        QCOMPARE(f.dataChecksums,
                 std::optional(sql(QStringLiteral("SHOW data_checksums")) == QLatin1String("on")));
        QCOMPARE(f.blockSize, std::optional(sql(QStringLiteral("SHOW block_size")).toInt()));
        QCOMPARE(f.walBlockSize, std::optional(sql(QStringLiteral("SHOW wal_block_size")).toInt()));
        QCOMPARE(f.walSegmentSize,
                 std::optional(
                         sql(QStringLiteral(
                                     "SELECT pg_size_bytes(current_setting('wal_segment_size'))"))
                                 .toLongLong()));
        QCOMPARE(f.segmentSize,
                 std::optional(sql(QStringLiteral(
                                           "SELECT pg_size_bytes(current_setting('segment_size'))"))
                                       .toLongLong()));

        QVERIFY(f.archiver);
        QCOMPARE(QString::number(f.archiver->archivedCount),
                 sql(QStringLiteral("SELECT archived_count FROM pg_stat_archiver")));
        QCOMPARE(QString::number(f.archiver->failedCount),
                 sql(QStringLiteral("SELECT failed_count FROM pg_stat_archiver")));

        // Databases: all of them, with sizes, and whether one may connect and is a template.
        QStringList names;
        QStringList connectable;
        QStringList templates;
        for (const ServerFacts::Database &db : f.databases) {
            names.append(db.name);
            if (db.allowsConnections)
                connectable.append(db.name);
            if (db.isTemplate)
                templates.append(db.name);
            QVERIFY2(db.sizeBytes && *db.sizeBytes > 0, qPrintable(db.name));
        }
        QCOMPARE(connectable.join(QLatin1Char(',')),
                 sql(QStringLiteral("SELECT string_agg(datname, ',' ORDER BY datname) FROM "
                                    "pg_database WHERE datallowconn")));
        QCOMPARE(names.join(QLatin1Char(',')),
                 sql(QStringLiteral("SELECT string_agg(datname, ',' ORDER BY datname) FROM "
                                    "pg_database")));
        QCOMPARE(templates,
                 (QStringList{QStringLiteral("template0"), QStringLiteral("template1")}));
        QVERIFY(connectable.contains(QStringLiteral("shop")));
        QVERIFY(connectable.contains(QStringLiteral("template1")));
        QVERIFY(names.contains(QStringLiteral("no_conn")));
        QVERIFY(!connectable.contains(QStringLiteral("no_conn")));
        QVERIFY(!connectable.contains(QStringLiteral("template0")));
        QVERIFY(!f.clientTools); // no locator given

        QVERIFY2(f.notes.isEmpty(), qPrintable(f.notes.join(QLatin1Char('\n'))));
        const QList<ServerWarning> warnings = ServerAdvisor::warnings(f);
        QVERIFY2(!findWarning(warnings, QStringLiteral("no-replication-privilege")),
                 qPrintable(warningIds(warnings)));
        QVERIFY(!findWarning(warnings, QStringLiteral("data-directory-unknown")));
        // The harness leaves archive_mode off unless a test asks.
        if (f.archiveMode == QStringLiteral("off"))
            QVERIFY(findWarning(warnings, QStringLiteral("archive-mode-off")));
    }

    void blockingInspectAgrees()
    {
        const Result<ServerFacts> async = inspectAsync(parsed(m_cluster->conninfo()));
        QVERIFY_OK(async);
        Result<PgConnection> conn = PgConnection::connect(parsed(m_cluster->conninfo()));
        QVERIFY_OK(conn);
        const Result<ServerFacts> blocking = ServerInspector::inspect(*conn);
        QVERIFY_OK(blocking);
        QCOMPARE(blocking->serverVersionNum, async->serverVersionNum);
        QCOMPARE(blocking->systemIdentifier, async->systemIdentifier);
        QCOMPARE(blocking->dataDirectory, async->dataDirectory);
        QCOMPARE(blocking->dataDirectoryIsLocal, async->dataDirectoryIsLocal);
        QCOMPARE(blocking->settings, async->settings);
        QCOMPARE(blocking->databases.size(), async->databases.size());
        QCOMPARE(blocking->address, async->address);
    }

    void unprivilegedRole()
    {
        const Result<ServerFacts> r = inspectAsync(
                parsed(m_cluster->conninfo(QStringLiteral("postgres"), QStringLiteral("appuser"))));
        QVERIFY_OK(r);
        const ServerFacts &f = *r;
        QCOMPARE(f.currentUser, QStringLiteral("appuser"));
        QVERIFY(!f.isSuperuser);
        QVERIFY(!f.hasReplication);
        QVERIFY(!f.canReplicate());
        // data_directory is hidden without pg_read_all_settings: unknown, and said why.
        QVERIFY(!f.dataDirectory);
        QVERIFY(!f.dataDirectoryIsLocal);
        QVERIFY(f.localityReason.contains(QLatin1String("pg_read_all_settings")));
        QVERIFY(f.notes.join(QLatin1Char(' ')).contains(QLatin1String("pg_read_all_settings")));
        // Everything else is readable by anyone.
        QVERIFY(f.walLevel);
        QVERIFY(f.systemIdentifier);
        QVERIFY(f.archiver);
        // A database it may not connect to is listed without a size.
        bool sawLocked = false;
        for (const ServerFacts::Database &db : f.databases) {
            if (db.name == QLatin1String("locked_db")) {
                sawLocked = true;
                QVERIFY(!db.sizeBytes);
            } else {
                QVERIFY(db.sizeBytes);
            }
        }
        QVERIFY(sawLocked);

        const QList<ServerWarning> warnings = ServerAdvisor::warnings(f);
        const ServerWarning *rep
                = findWarning(warnings, QStringLiteral("no-replication-privilege"));
        QVERIFY2(rep, qPrintable(warningIds(warnings)));
        QVERIFY(rep->text.contains(QLatin1String("appuser")));
        QVERIFY(rep->text.contains(QLatin1String("REPLICATION")));
        QVERIFY(rep->text.contains(QLatin1String("physical base backups")));
        QVERIFY(rep->text.contains(QLatin1String("WAL streaming")));
        QVERIFY(rep->text.contains(QLatin1String("logical dumps still work")));
        QCOMPARE(rep->fixSql, QStringLiteral("ALTER ROLE \"appuser\" REPLICATION;"));
        QVERIFY(findWarning(warnings, QStringLiteral("data-directory-unknown")));

        // Applying the fix removes the warning.
        QVERIFY_OK(m_cluster->execute(rep->fixSql));
        const Result<ServerFacts> after = inspectAsync(
                parsed(m_cluster->conninfo(QStringLiteral("postgres"), QStringLiteral("appuser"))));
        QVERIFY_OK(after);
        QVERIFY(after->hasReplication);
        QVERIFY(!findWarning(ServerAdvisor::warnings(*after),
                             QStringLiteral("no-replication-privilege")));
        QVERIFY_OK(m_cluster->execute(QStringLiteral("ALTER ROLE appuser NOREPLICATION")));
    }

    void clientToolsOfTheServerMajor()
    {
        // The cluster's own bin dir (pg_ctl, initdb of exactly this major) plus the system's.
        ToolLocator::Options options;
        options.extraDirs = {m_cluster->binDir()};
        auto locator = std::make_shared<const ToolLocator>(options);
        const Result<ServerFacts> r = inspectAsync(parsed(m_cluster->conninfo()), locator);
        QVERIFY_OK(r);
        QVERIFY(r->clientTools);
        const ClientToolsStatus &tools = *r->clientTools;
        QCOMPARE(tools.serverMajor, m_cluster->major());
        QCOMPARE(tools.tools.size(), 4);
        for (const QString &name : ClientToolsStatus::serverToolNames()) {
            const ClientToolsStatus::Tool *t = tools.tool(name);
            QVERIFY2(t && t->found(), qPrintable(name));
            QCOMPARE(t->version->major, m_cluster->major());
        }
        const QList<ServerWarning> warnings = ServerAdvisor::warnings(*r);
        for (const QString &name : ClientToolsStatus::clientToolNames()) {
            const ClientToolsStatus::Tool *t = tools.tool(name);
            QVERIFY(t);
            // Found means "this major or newer"; missing means a warning naming the package.
            const Result<ToolCandidate> expected = locator->locate(name, m_cluster->major());
            QCOMPARE(t->found(), expected.ok());
            if (t->found()) {
                QVERIFY(t->version->major >= m_cluster->major());
                QVERIFY(!findWarning(warnings, QStringLiteral("client-tool-missing:") + name));
            } else {
                QCOMPARE(t->error->code(), ErrorCode::ToolMissing);
                const ServerWarning *w
                        = findWarning(warnings, QStringLiteral("client-tool-missing:") + name);
                QVERIFY2(w, qPrintable(warningIds(warnings)));
                QVERIFY(w->fixHint.contains(
                        QStringLiteral("postgresql-client-%1").arg(m_cluster->major())));
            }
        }
        if (m_cluster->major() == 15) // Debian 12's own client tools are installed
            QVERIFY(tools.allFound());
    }

    void cancelWhileConnecting()
    {
        ServerInspector inspector;
        QSignalSpy finished(&inspector, &ServerInspector::finished);
        inspector.start(parsed(m_cluster->conninfo()));
        QVERIFY(inspector.isRunning());
        inspector.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(inspector.result().error().code(), ErrorCode::Cancelled);
        QTest::qWait(300);
        QCOMPARE(finished.count(), 1);
    }

    void cancelWhileQuerying()
    {
        ServerInspector inspector;
        QSignalSpy finished(&inspector, &ServerInspector::finished);
        int steps = 0;
        // Progress 3 = the second query has just been sent; cancel from the event loop.
        connect(&inspector, &ServerInspector::progress, this, [&] {
            if (++steps == 3)
                QTimer::singleShot(0, &inspector, &ServerInspector::cancel);
        });
        inspector.start(parsed(m_cluster->conninfo()));
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(inspector.result().error().code(), ErrorCode::Cancelled);
        QVERIFY(!inspector.isRunning());
        QTest::qWait(300);
        QCOMPARE(finished.count(), 1);
        inspector.disconnect(this);

        // A new start after a cancel works.
        inspector.start(parsed(m_cluster->conninfo()));
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY_OK(inspector.result());
    }

    void cancelFromProgressSlot()
    {
        // Cancelling synchronously inside progress(), before each step's work begins.
        for (int at = 1; at <= 4; ++at) {
            ServerInspector inspector;
            QSignalSpy finished(&inspector, &ServerInspector::finished);
            int steps = 0;
            connect(&inspector, &ServerInspector::progress, &inspector, [&] {
                if (++steps == at)
                    inspector.cancel();
            });
            inspector.start(parsed(m_cluster->conninfo()));
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
            QCOMPARE(inspector.result().error().code(), ErrorCode::Cancelled);
            QTest::qWait(100);
            QCOMPARE(finished.count(), 1);
        }
    }

    void connectErrorsPassThrough()
    {
        const Result<ServerFacts> r
                = inspectAsync(parsed(m_cluster->conninfo(QStringLiteral("no_such_db"))));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::NotFound);
        QVERIFY(r.error().message().contains(QLatin1String("no_such_db")));
    }

    void archiverFailure()
    {
        PgClusterOptions options;
        options.settings = {{QStringLiteral("wal_level"), QStringLiteral("replica")},
                            {QStringLiteral("archive_mode"), QStringLiteral("on")},
                            {QStringLiteral("archive_command"), QStringLiteral("false")}};
        PgCluster cluster(options);
        QVERIFY_OK(cluster.start());
        QVERIFY_OK(cluster.execute(
                QStringLiteral("CREATE TABLE t AS SELECT generate_series(1, 1000) AS x")));
        QVERIFY_OK(cluster.execute(QStringLiteral("SELECT pg_switch_wal()")));
        QTRY_VERIFY_WITH_TIMEOUT(
                cluster.scalar(QStringLiteral("SELECT failed_count FROM pg_stat_archiver"))
                                .value()
                                .toInt()
                        > 0,
                kWaitMs);

        // The archiver keeps retrying, so its counters move: bracket the inspection.
        const QString stats = QStringLiteral(
                "SELECT failed_count, floor(extract(epoch FROM last_failed_time))::bigint,"
                " last_failed_wal FROM pg_stat_archiver");
        const Result<QList<QStringList>> before = cluster.query(stats);
        QVERIFY_OK(before);
        const Result<ServerFacts> r = inspectAsync(parsed(cluster.conninfo()));
        QVERIFY_OK(r);
        const Result<QList<QStringList>> after = cluster.query(stats);
        QVERIFY_OK(after);

        QCOMPARE(r->archiveMode, std::optional(QStringLiteral("on")));
        QCOMPARE(r->archiveCommand, std::optional(QStringLiteral("false")));
        QVERIFY(r->archivingEnabled());
        QVERIFY(r->archiveCommandConfigured());
        QVERIFY(r->archiver);
        const ServerFacts::Archiver &a = *r->archiver;
        QVERIFY(a.failedCount >= before->at(0).at(0).toLongLong());
        QVERIFY(a.failedCount <= after->at(0).at(0).toLongLong());
        QVERIFY(a.failedCount > 0);
        QCOMPARE(a.archivedCount, 0);
        QCOMPARE(a.lastFailedWal, after->at(0).at(2));
        QCOMPARE(a.lastFailedWal.size(), 24);
        QVERIFY(a.lastFailedTime.isValid());
        QVERIFY(a.lastFailedTime.toSecsSinceEpoch() >= before->at(0).at(1).toLongLong());
        QVERIFY(a.lastFailedTime.toSecsSinceEpoch() <= after->at(0).at(1).toLongLong());
        QVERIFY(a.isFailing());

        const QList<ServerWarning> warnings = ServerAdvisor::warnings(*r);
        const ServerWarning *failing = findWarning(warnings, QStringLiteral("archiver-failing"));
        QVERIFY2(failing, qPrintable(warningIds(warnings)));
        QCOMPARE(failing->severity, ServerWarning::Severity::Critical);
        QVERIFY2(failing->text.contains(QLatin1String("The archiver has failed")),
                 qPrintable(failing->text));
        QVERIFY(failing->text.contains(a.lastFailedWal));
        QVERIFY(!findWarning(warnings, QStringLiteral("archive-mode-off")));
    }

    void walLevelMinimal()
    {
        PgClusterOptions options;
        options.settings = {{QStringLiteral("wal_level"), QStringLiteral("minimal")},
                            {QStringLiteral("max_wal_senders"), QStringLiteral("0")},
                            {QStringLiteral("archive_mode"), QStringLiteral("off")}};
        PgCluster cluster(options);
        QVERIFY_OK(cluster.start());
        const Result<ServerFacts> r = inspectAsync(parsed(cluster.conninfo()));
        QVERIFY_OK(r);
        QCOMPARE(r->walLevel, std::optional(QStringLiteral("minimal")));
        const QList<ServerWarning> warnings = ServerAdvisor::warnings(*r);
        QCOMPARE(warnings.first().id, QStringLiteral("wal-level-minimal"));
        QVERIFY(findWarning(warnings, QStringLiteral("no-wal-senders")));
        QVERIFY(findWarning(warnings, QStringLiteral("archive-mode-off")));
    }
};

QTEST_GUILESS_MAIN(TestServerInspector)
#include "tst_serverinspector.moc"
