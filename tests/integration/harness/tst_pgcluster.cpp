// Proves the PgCluster fixture itself, once per PostgreSQL major (PGVAULT_TEST_PG_MAJOR): every
// other integration test trusts that a cluster starts, applies its settings, authenticates over
// TCP, survives a crash, and leaves nothing behind.
#include "PgCluster.h"
#include "Processes.h"
#include "TestUtil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <libpq-fe.h>

#include <cstdio>
#include <unistd.h>

using namespace PgVault;
using namespace PgVault::Test;

namespace {

constexpr int kHelperTimeoutMs = 120000;
constexpr int kExitWaitMs = 10000;
const char kLeakOption[] = "--leak-cluster";

struct ConnectOutcome
{
    bool ok = false;
    QString error;
};

// Connects with libpq to exactly the conninfo under test (plus a password when given).
ConnectOutcome tryConnect(const QString &conninfo, const QString &password = {})
{
    QString info = conninfo + QStringLiteral(" connect_timeout=10");
    if (!password.isNull()) {
        QString quoted = password;
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        quoted.replace(QLatin1Char('\''), QLatin1String("\\'"));
        info += QStringLiteral(" password='%1'").arg(quoted);
    }
    PGconn *connection = PQconnectdb(info.toUtf8().constData());
    ConnectOutcome outcome{PQstatus(connection) == CONNECTION_OK,
                           QString::fromUtf8(PQerrorMessage(connection)).trimmed()};
    PQfinish(connection);
    return outcome;
}

// SHOW name, or the error text (so a failure shows in the comparison).
QString shown(const PgCluster &cluster, const QString &name)
{
    const auto value = cluster.scalar(QStringLiteral("SHOW ") + name);
    return value.ok() ? *value : value.error().toString();
}

// Child mode for leftoversOfKilledRunsAreSwept: start a cluster, report it, and die without
// running any destructor, as a test process killed by a ctest timeout would.
int leakCluster(const QString &reportPath)
{
    auto *cluster = new PgCluster;
    const Status started = cluster->start();
    if (!started.ok()) {
        fprintf(stderr, "%s\n", qPrintable(started.error().toString()));
        _exit(1);
    }
    QFile report(reportPath);
    if (!report.open(QIODevice::WriteOnly))
        _exit(1);
    report.write(QStringLiteral("%1\n%2\n")
                         .arg(cluster->dataDir())
                         .arg(cluster->postmasterPid())
                         .toUtf8());
    report.close();
    _exit(0);
}

} // namespace

class TstPgCluster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void startsTheRequestedMajor();
    void appliesSettings();
    void socketIsPrivateAndShort();
    void tcpWithPasswordUsesScram();
    void stopStartAndRestart();
    void setSettingAndReload();
    void queryErrorsCarryServerMessage();
    void kill9ThenCrashRecovery();
    void teardownRemovesDirectoryAndProcesses();
    void leftoversOfKilledRunsAreSwept();

private:
    int m_major = 0;
};

void TstPgCluster::initTestCase()
{
    m_major = PgCluster::defaultMajor();
    qInfo("PostgreSQL %d from %s; servers run as %s", m_major,
          qPrintable(PgCluster::binDir(m_major)), qPrintable(PgCluster::serverUser()));
    REQUIRE_PG_MAJOR(m_major);
}

void TstPgCluster::startsTheRequestedMajor()
{
    PgCluster cluster;
    QCOMPARE(cluster.major(), m_major);
    QVERIFY_OK(cluster.start());
    QVERIFY(cluster.isRunning());

    const auto versionNum = cluster.scalar(QStringLiteral("SHOW server_version_num"));
    QVERIFY_OK(versionNum);
    QCOMPARE(versionNum->toInt() / 10000, m_major);
    QVERIFY(cluster.version().startsWith(QString::number(m_major)));

    const auto rows = cluster.query(
            QStringLiteral("SELECT 1, NULL::text, 'x' UNION ALL SELECT 2, 'y', NULL"));
    QVERIFY_OK(rows);
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).at(0), QStringLiteral("1"));
    QVERIFY(rows->at(0).at(1).isNull());
    QCOMPARE(rows->at(1).at(1), QStringLiteral("y"));

    QCOMPARE(shown(cluster, QStringLiteral("fsync")), QStringLiteral("off"));
    const auto user = cluster.scalar(QStringLiteral("SELECT current_user"));
    QVERIFY_OK(user);
    QCOMPARE(*user, cluster.superuser());
    QVERIFY(cluster.serverLog().contains(QLatin1String("database system is ready")));
}

void TstPgCluster::appliesSettings()
{
    PgClusterOptions options;
    options.settings = {{QStringLiteral("wal_level"), QStringLiteral("replica")},
                        {QStringLiteral("archive_mode"), QStringLiteral("on")},
                        {QStringLiteral("archive_command"), QStringLiteral("/bin/true %p")},
                        {QStringLiteral("max_wal_senders"), QStringLiteral("4")}};
    PgCluster cluster(options);
    QVERIFY_OK(cluster.start());
    for (auto it = options.settings.cbegin(); it != options.settings.cend(); ++it)
        QCOMPARE(shown(cluster, it.key()), it.value());
}

void TstPgCluster::socketIsPrivateAndShort()
{
    PgCluster cluster;
    QVERIFY_OK(cluster.start());
    QVERIFY(cluster.socketDir().startsWith(QLatin1String("/tmp/")));
    const QString socketPath
            = cluster.socketDir() + QStringLiteral("/.s.PGSQL.%1").arg(cluster.port());
    QVERIFY2(socketPath.toUtf8().size() < 100, qPrintable(socketPath));
    QVERIFY(QFileInfo::exists(socketPath));
    QVERIFY(!(QFileInfo(cluster.socketDir()).permissions() & QFileDevice::ReadOther));

    QCOMPARE(shown(cluster, QStringLiteral("listen_addresses")), QString());
    // Without tcp there is no TCP address to hand out: conninfo(overTcp) stays on the socket.
    QCOMPARE(cluster.conninfo(QStringLiteral("postgres"), {}, true), cluster.conninfo());
    QVERIFY(tryConnect(cluster.conninfo()).ok);
}

void TstPgCluster::tcpWithPasswordUsesScram()
{
    PgClusterOptions options;
    options.tcp = true;
    options.superuserPassword = QStringLiteral("s3cret 'quoted' \\ pass");
    PgCluster cluster(options);
    QVERIFY_OK(cluster.start());

    const QString overTcp = cluster.conninfo(QStringLiteral("postgres"), {}, true);
    QVERIFY2(overTcp.contains(QLatin1String("host=127.0.0.1")), qPrintable(overTcp));
    QVERIFY2(overTcp.contains(QStringLiteral("port=%1").arg(cluster.port())), qPrintable(overTcp));

    const ConnectOutcome right = tryConnect(overTcp, options.superuserPassword);
    QVERIFY2(right.ok, qPrintable(right.error));
    const ConnectOutcome wrong = tryConnect(overTcp, QStringLiteral("wrong"));
    QVERIFY(!wrong.ok);
    QVERIFY2(wrong.error.contains(QLatin1String("password authentication failed")),
             qPrintable(wrong.error));
    QVERIFY(!tryConnect(overTcp, QString()).ok);
    // The private socket stays trust, so fixtures and tests can always get in.
    QVERIFY(tryConnect(cluster.conninfo()).ok);

    const auto stored = cluster.scalar(
            QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = current_user"));
    QVERIFY_OK(stored);
    QVERIFY2(stored->startsWith(QLatin1String("SCRAM-SHA-256$")), qPrintable(*stored));
}

void TstPgCluster::stopStartAndRestart()
{
    PgCluster cluster;
    QVERIFY_OK(cluster.start());
    QVERIFY_OK(cluster.execute(
            QStringLiteral("CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)")));
    const qint64 firstPid = cluster.postmasterPid();

    QVERIFY_OK(cluster.stop());
    QVERIFY(!cluster.isRunning());
    QVERIFY(!processAlive(firstPid));
    QVERIFY_OK(cluster.stop()); // stopping a stopped cluster is fine
    QVERIFY(!cluster.execute(QStringLiteral("SELECT 1")).ok());

    QVERIFY_OK(cluster.start());
    QVERIFY_OK(cluster.restart());
    QVERIFY(cluster.isRunning());
    QVERIFY(cluster.postmasterPid() != firstPid);
    const auto kept = cluster.scalar(QStringLiteral("SELECT v FROM kept"));
    QVERIFY_OK(kept);
    QCOMPARE(*kept, QStringLiteral("7"));
}

void TstPgCluster::setSettingAndReload()
{
    PgCluster cluster;
    QVERIFY_OK(cluster.start());
    QVERIFY_OK(cluster.setSetting(QStringLiteral("work_mem"), QStringLiteral("7MB")));
    QVERIFY_OK(cluster.reload());
    // A reload is asynchronous (SIGHUP), so poll; generously, CI machines can be busy.
    QTRY_COMPARE_WITH_TIMEOUT(shown(cluster, QStringLiteral("work_mem")), QStringLiteral("7MB"),
                              30000);

    QVERIFY_OK(cluster.setSetting(QStringLiteral("max_connections"), QStringLiteral("42")));
    QVERIFY_OK(cluster.restart());
    QCOMPARE(shown(cluster, QStringLiteral("max_connections")), QStringLiteral("42"));

    const Status injected = cluster.setSetting(QStringLiteral("a = 1\nb"), QStringLiteral("x"));
    QVERIFY(!injected.ok());
    QCOMPARE(injected.error().code(), ErrorCode::InvalidInput);
}

void TstPgCluster::queryErrorsCarryServerMessage()
{
    PgCluster cluster;
    QVERIFY_OK(cluster.start());
    const auto failed = cluster.query(QStringLiteral("SELECT * FROM no_such_table"));
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code(), ErrorCode::ServerError);
    QVERIFY2(failed.error().message().contains(QLatin1String("no_such_table")),
             qPrintable(failed.error().toString()));
    QVERIFY(failed.error().detail().contains(QLatin1String("42P01")));

    const auto noRows = cluster.scalar(QStringLiteral("SELECT 1 WHERE false"));
    QVERIFY(!noRows.ok());
    QCOMPARE(noRows.error().code(), ErrorCode::NotFound);
}

void TstPgCluster::kill9ThenCrashRecovery()
{
    PgCluster cluster;
    QVERIFY_OK(cluster.start());
    QVERIFY_OK(cluster.execute(
            QStringLiteral("CREATE TABLE t (v int); INSERT INTO t VALUES (1), (2)")));
    const qint64 pid = cluster.postmasterPid();
    const QList<qint64> children = childProcesses(pid);
    QVERIFY(!children.isEmpty());

    cluster.kill9();
    QVERIFY(!processAlive(pid));
    for (const qint64 child : children)
        QVERIFY2(!processAlive(child), qPrintable(processCommandLine(child)));
    QVERIFY(!cluster.isRunning());

    // Failures to reach the server carry the server log's tail.
    const auto refused = cluster.query(QStringLiteral("SELECT 1"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code(), ErrorCode::ConnectionFailed);
    QVERIFY2(refused.error().detail().contains(QLatin1String("server.log")),
             qPrintable(refused.error().detail()));

    QVERIFY_OK(cluster.start());
    const auto count = cluster.scalar(QStringLiteral("SELECT count(*) FROM t"));
    QVERIFY_OK(count);
    QCOMPARE(*count, QStringLiteral("2"));
    QVERIFY2(cluster.serverLog().contains(QLatin1String("not properly shut down")),
             qPrintable(cluster.serverLog().right(2000)));
}

void TstPgCluster::teardownRemovesDirectoryAndProcesses()
{
    QString clusterDir;
    QList<qint64> processes;
    {
        PgClusterOptions options;
        options.tcp = true;
        PgCluster cluster(options);
        QVERIFY_OK(cluster.start());
        clusterDir = QFileInfo(cluster.dataDir()).path();
        QCOMPARE(QFileInfo(cluster.socketDir()).path(), clusterDir);
        QCOMPARE(QFileInfo(cluster.scratchDir()).path(), clusterDir);
        processes = childProcesses(cluster.postmasterPid());
        processes.prepend(cluster.postmasterPid());
        QVERIFY(QFileInfo::exists(cluster.dataDir() + QStringLiteral("/PG_VERSION")));
    }
    QVERIFY2(!QFileInfo::exists(clusterDir), qPrintable(clusterDir));
    for (const qint64 pid : std::as_const(processes))
        QVERIFY2(!processAlive(pid), qPrintable(processCommandLine(pid)));
}

void TstPgCluster::leftoversOfKilledRunsAreSwept()
{
    QTemporaryDir reportDir;
    QVERIFY(reportDir.isValid());
    const QString reportPath = reportDir.filePath(QStringLiteral("leaked"));
    QProcess helper;
    helper.setProcessChannelMode(QProcess::ForwardedChannels);
    helper.start(QCoreApplication::applicationFilePath(),
                 {QString::fromLatin1(kLeakOption), reportPath});
    QVERIFY(helper.waitForFinished(kHelperTimeoutMs));
    QCOMPARE(helper.exitCode(), 0);

    QFile report(reportPath);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QString clusterDir = QFileInfo(QString::fromUtf8(report.readLine()).trimmed()).path();
    const qint64 pid = report.readLine().trimmed().toLongLong();
    QVERIFY(pid > 0);
    const QList<qint64> children = childProcesses(pid);

    // Under ctest -j another test process may sweep it first; either way it must end up gone.
    PgCluster::sweepLeftovers();
    QVERIFY(waitForExit({pid}, kExitWaitMs));
    QVERIFY(waitForExit(children, kExitWaitMs));
    QVERIFY2(!QFileInfo::exists(clusterDir), qPrintable(clusterDir));

    // Live clusters (ours) are left alone.
    PgCluster mine;
    QVERIFY_OK(mine.start());
    PgCluster::sweepLeftovers();
    QVERIFY(mine.isRunning());
    QVERIFY(QFileInfo::exists(mine.dataDir()));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], kLeakOption) == 0)
        return leakCluster(QString::fromLocal8Bit(argv[2]));
    TstPgCluster test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pgcluster.moc"
