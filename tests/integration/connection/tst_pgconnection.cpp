// PgConnection, AsyncConnector and AsyncQuery against a real server (one ctest per major):
// queries and parameters, errors classified by SQLSTATE with the server's words, passwords over
// TCP with scram-sha-256, cancel from another thread, timeouts, a killed backend.
#include "PgCluster.h"
#include "TestUtil.h"

#include "connection/AsyncConnector.h"
#include "connection/AsyncQuery.h"
#include "connection/ConnInfo.h"
#include "connection/PgConnection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>
#include <thread>

using namespace PgVault;
using namespace PgVault::Test;

namespace {

const QString kBobPassword = QStringLiteral("b0b's secret\\pw");
constexpr int kWaitMs = 30000;

ConnInfo parsed(const QString &text)
{
    Result<ConnInfo> r = ConnInfo::parse(text);
    return r ? *r : ConnInfo();
}

} // namespace

class TestPgConnection : public QObject
{
    Q_OBJECT

    std::unique_ptr<PgCluster> m_cluster;

    ConnInfo socketInfo(const QString &user = {},
                        const QString &db = QStringLiteral("postgres")) const
    {
        return parsed(m_cluster->conninfo(db, user));
    }

    // TCP on 127.0.0.1 (scram-sha-256); no ~/.pgpass or PGPASSWORD can help.
    ConnInfo tcpInfo(const QString &user) const
    {
        ConnInfo info = parsed(m_cluster->conninfo(QStringLiteral("postgres"), user, true));
        info.setValue(QStringLiteral("passfile"), QStringLiteral("/nonexistent/pgpass")).ok();
        return info;
    }

    Result<PgConnection> connectSocket(const QString &user = {})
    {
        return PgConnection::connect(socketInfo(user));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("PGPASSWORD");
        REQUIRE_PG_MAJOR(PgCluster::defaultMajor());
        PgClusterOptions options;
        options.tcp = true;
        options.superuserPassword = QStringLiteral("su-secret");
        m_cluster = std::make_unique<PgCluster>(options);
        QVERIFY_OK(m_cluster->start());
        QVERIFY_OK(m_cluster->execute(
                QStringLiteral("CREATE ROLE bob LOGIN PASSWORD 'b0b''s secret\\pw';"
                               "CREATE ROLE carol LOGIN;"
                               "CREATE TABLE secret_table (x int);"
                               "REVOKE ALL ON secret_table FROM PUBLIC;")));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void queryValues()
    {
        Result<PgConnection> conn = connectSocket();
        QVERIFY_OK(conn);
        QVERIFY(conn->isOpen());
        QVERIFY(conn->isHealthy());
        QCOMPARE(conn->database(), QStringLiteral("postgres"));
        QCOMPARE(conn->host(), m_cluster->socketDir());
        QCOMPARE(conn->port(), m_cluster->port());
        QCOMPARE(conn->address(),
                 QStringLiteral("%1:%2").arg(m_cluster->socketDir()).arg(m_cluster->port()));

        const Result<QueryResult> r
                = conn->exec(QStringLiteral("SELECT 1 AS one, NULL::text AS nothing, ''::text AS "
                                            "empty, 'bücher ✓'::text AS unicode"));
        QVERIFY_OK(r);
        QCOMPARE(r->columnNames(),
                 (QStringList{QStringLiteral("one"), QStringLiteral("nothing"),
                              QStringLiteral("empty"), QStringLiteral("unicode")}));
        QCOMPARE(r->rowCount(), 1);
        QCOMPARE(r->value(0, 0), QStringLiteral("1"));
        QVERIFY(r->isNull(0, 1));
        QVERIFY(r->value(0, QStringLiteral("nothing")).isNull());
        QVERIFY(!r->isNull(0, 2));
        QVERIFY(r->value(0, 2).isEmpty());
        QCOMPARE(r->value(0, QStringLiteral("unicode")), QStringLiteral("bücher ✓"));
        QCOMPARE(r->commandTag(), QStringLiteral("SELECT 1"));
        QCOMPARE(r->columnIndex(QStringLiteral("missing")), -1);

        // Copyable value, detached from libpq.
        const QueryResult copy = *r;
        QCOMPARE(copy.row(0).size(), 4);

        const Result<QString> version = conn->scalar(QStringLiteral("SHOW server_version_num"));
        QVERIFY_OK(version);
        QCOMPARE(conn->serverVersionNum(), version->toInt());
        QCOMPARE(conn->serverVersionNum() / 10000, m_cluster->major());
        QVERIFY(conn->serverVersion().startsWith(QString::number(m_cluster->major())));
    }

    void parameters()
    {
        Result<PgConnection> conn = connectSocket();
        QVERIFY_OK(conn);
        const Result<QueryResult> r = conn->exec(
                QStringLiteral(
                        "SELECT $1::int + 1, $2::text IS NULL, $3::bool, $4::text, $5::text"),
                {41, QVariant(), true, QStringLiteral("it's \\ \"quoted\""), QString()});
        QVERIFY_OK(r);
        QCOMPARE(r->row(0),
                 (QStringList{QStringLiteral("42"), QStringLiteral("t"), QStringLiteral("t"),
                              QStringLiteral("it's \\ \"quoted\""), QString()}));
        QVERIFY(r->isNull(0, 4)); // a null QString is SQL NULL
    }

    void commandsAndAffectedRows()
    {
        Result<PgConnection> conn = connectSocket();
        QVERIFY_OK(conn);
        QVERIFY_OK(conn->exec(QStringLiteral("CREATE TEMP TABLE t (x int)")));
        const Result<QueryResult> insert
                = conn->exec(QStringLiteral("INSERT INTO t SELECT generate_series(1, 3)"));
        QVERIFY_OK(insert);
        QCOMPARE(insert->affectedRows(), 3);
        QCOMPARE(insert->commandTag(), QStringLiteral("INSERT 0 3"));
        // Several statements: the last result counts.
        const Result<QueryResult> multi
                = conn->exec(QStringLiteral("UPDATE t SET x = x + 1; DELETE FROM t WHERE x > 2"));
        QVERIFY_OK(multi);
        QCOMPARE(multi->affectedRows(), 2);
        QCOMPARE(*conn->scalar(QStringLiteral("SELECT count(*) FROM t")), QStringLiteral("1"));
        const Result<QueryResult> set = conn->exec(QStringLiteral("SET application_name = 'x'"));
        QVERIFY_OK(set);
        QCOMPARE(set->affectedRows(), -1);
    }

    void escaping()
    {
        Result<PgConnection> conn = connectSocket();
        QVERIFY_OK(conn);
        const QString name = QStringLiteral("we\"ird Name");
        const QString text = QStringLiteral("O'Brien \\ back");
        const Result<QString> ident = conn->escapeIdentifier(name);
        const Result<QString> literal = conn->escapeLiteral(text);
        QVERIFY_OK(ident);
        QVERIFY_OK(literal);
        QVERIFY_OK(conn->exec(QStringLiteral("CREATE TEMP TABLE %1 (v text)").arg(*ident)));
        QVERIFY_OK(conn->exec(QStringLiteral("INSERT INTO %1 VALUES (%2)").arg(*ident, *literal)));
        QCOMPARE(*conn->scalar(QStringLiteral("SELECT v FROM %1").arg(*ident)), text);
        QCOMPARE(*conn->scalar(QStringLiteral("SELECT relname FROM pg_class WHERE relname = $1"),
                               {name}),
                 name);
    }

    void permissionDenied()
    {
        Result<PgConnection> conn = connectSocket(QStringLiteral("carol"));
        QVERIFY_OK(conn);
        const Result<QueryResult> r = conn->exec(QStringLiteral("SELECT * FROM secret_table"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::PermissionDenied);
        QVERIFY2(r.error().message().contains(
                         QLatin1String("permission denied for table secret_table")),
                 qPrintable(r.error().message()));
        QVERIFY(r.error().message().contains(m_cluster->socketDir()));
        QVERIFY(r.error().message().contains(QLatin1String("postgres")));
        QVERIFY(r.error().detail().contains(QLatin1String("42501")));
    }

    void otherQueryErrors()
    {
        Result<PgConnection> conn = connectSocket();
        QVERIFY_OK(conn);
        const Result<QueryResult> missing
                = conn->exec(QStringLiteral("SELECT * FROM no_such_table"));
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
        QVERIFY(missing.error().message().contains(QLatin1String("no_such_table")));
        const Result<QueryResult> syntax = conn->exec(QStringLiteral("SELEC 1"));
        QCOMPARE(syntax.error().code(), ErrorCode::ServerError);
        QVERIFY(syntax.error().detail().contains(QLatin1String("42601")));
        const Result<QueryResult> bad
                = conn->exec(QStringLiteral("SELECT $1::int"), {QStringLiteral("x")});
        QCOMPARE(bad.error().code(), ErrorCode::InvalidInput);
        // The connection is fine afterwards.
        QCOMPARE(*conn->scalar(QStringLiteral("SELECT 2")), QStringLiteral("2"));
    }

    void missingDatabase()
    {
        const Result<PgConnection> r
                = PgConnection::connect(socketInfo({}, QStringLiteral("no_such_db")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::NotFound);
        QVERIFY2(r.error().message().contains(
                         QLatin1String("database \"no_such_db\" does not exist")),
                 qPrintable(r.error().message()));
        QVERIFY(r.error().message().contains(
                QStringLiteral("%1:%2").arg(m_cluster->socketDir()).arg(m_cluster->port())));
    }

    void missingRole()
    {
        const Result<PgConnection> r = connectSocket(QStringLiteral("nobody"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::AuthenticationFailed);
        QVERIFY2(r.error().message().contains(QLatin1String("role \"nobody\" does not exist")),
                 qPrintable(r.error().message()));
    }

    void wrongPasswordBlocking()
    {
        const Result<PgConnection> r
                = PgConnection::connect(tcpInfo(QStringLiteral("bob")), QStringLiteral("wrong"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::AuthenticationFailed);
        QVERIFY2(r.error().message().contains(
                         QLatin1String("password authentication failed for user \"bob\"")),
                 qPrintable(r.error().toString()));
        QVERIFY(r.error().message().contains(
                QStringLiteral("127.0.0.1:%1").arg(m_cluster->port())));
        QVERIFY(!r.error().message().contains(QLatin1String("wrong")));
    }

    void wrongPasswordAsync()
    {
        AsyncConnector connector;
        QSignalSpy finished(&connector, &AsyncConnector::finished);
        connector.start(tcpInfo(QStringLiteral("bob")).withPassword(QStringLiteral("wrong")));
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(connector.error());
        QCOMPARE(connector.error()->code(), ErrorCode::AuthenticationFailed);
        QVERIFY2(connector.error()->message().contains(
                         QLatin1String("password authentication failed for user \"bob\"")),
                 qPrintable(connector.error()->toString()));
    }

    void noPasswordGiven()
    {
        const Result<PgConnection> r = PgConnection::connect(tcpInfo(QStringLiteral("bob")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::AuthenticationFailed);
        QVERIFY2(r.error().message().contains(QLatin1String("password")),
                 qPrintable(r.error().message()));
        QVERIFY(r.error().message().contains(
                QStringLiteral("127.0.0.1:%1").arg(m_cluster->port())));
    }

    void rightPassword()
    {
        Result<PgConnection> viaParam
                = PgConnection::connect(tcpInfo(QStringLiteral("bob")), kBobPassword);
        QVERIFY_OK(viaParam);
        QVERIFY(viaParam->usedPassword());
        QCOMPARE(viaParam->user(), QStringLiteral("bob"));
        // The password never stays in the ConnInfo the connection keeps.
        QVERIFY(!viaParam->connInfo().hasPassword());

        Result<PgConnection> viaInfo
                = PgConnection::connect(tcpInfo(QStringLiteral("bob")).withPassword(kBobPassword));
        QVERIFY_OK(viaInfo);
        // The same through the canonical string (quoting of ' and \ in the password).
        const QString text = tcpInfo(QStringLiteral("bob")).withPassword(kBobPassword).toString();
        QVERIFY_OK(PgConnection::connect(parsed(text)));

        AsyncConnector connector;
        QSignalSpy finished(&connector, &AsyncConnector::finished);
        connector.start(tcpInfo(QStringLiteral("bob")), kBobPassword);
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY2(!connector.error(),
                 qPrintable(connector.error() ? connector.error()->toString() : QString()));
        PgConnection conn = connector.takeConnection();
        QVERIFY(conn.isOpen());
        QCOMPARE(*conn.scalar(QStringLiteral("SELECT current_user")), QStringLiteral("bob"));
        QVERIFY(!connector.takeConnection().isOpen()); // only once
    }

    void cancelFromAnotherThread()
    {
        Result<PgConnection> conn = connectSocket();
        QVERIFY_OK(conn);
        PgConnection &c = *conn;
        std::thread canceller([&c] {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            c.cancel();
        });
        QElapsedTimer clock;
        clock.start();
        const Result<QueryResult> r = c.exec(QStringLiteral("SELECT pg_sleep(60)"));
        canceller.join();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Cancelled);
        QVERIFY(clock.elapsed() < kWaitMs);
        QCOMPARE(*c.scalar(QStringLiteral("SELECT 3")), QStringLiteral("3"));
        QVERIFY(c.cancel()); // idle: the request is sent and has no effect
        QCOMPARE(*c.scalar(QStringLiteral("SELECT 4")), QStringLiteral("4"));
    }

    void statementTimeoutIsTimeout()
    {
        Result<PgConnection> conn = connectSocket();
        QVERIFY_OK(conn);
        QVERIFY_OK(conn->exec(QStringLiteral("SET statement_timeout = 200")));
        const Result<QueryResult> r = conn->exec(QStringLiteral("SELECT pg_sleep(10)"));
        QCOMPARE(r.error().code(), ErrorCode::Timeout);
    }

    void killedBackend()
    {
        Result<PgConnection> conn = connectSocket();
        QVERIFY_OK(conn);
        const QString pid = *conn->scalar(QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY_OK(m_cluster->execute(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)));
        const Result<QueryResult> r = conn->exec(QStringLiteral("SELECT 1"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::ConnectionFailed);
        QVERIFY(!conn->isHealthy());
    }

    void asyncQueries()
    {
        AsyncConnector connector;
        QSignalSpy connected(&connector, &AsyncConnector::finished);
        connector.start(socketInfo());
        QVERIFY(connected.wait(kWaitMs));
        QVERIFY(!connector.error());
        PgConnection conn = connector.takeConnection();

        AsyncQuery query(conn);
        QSignalSpy finished(&query, &AsyncQuery::finished);
        query.start(QStringLiteral("SELECT g, repeat('x', 1000) FROM generate_series(1, 2000) g"));
        QVERIFY(query.isRunning());
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.count(), 1);
        Result<QueryResult> r = query.result();
        QVERIFY_OK(r);
        QCOMPARE(r->rowCount(), 2000);
        QCOMPARE(r->value(1999, 0), QStringLiteral("2000"));

        query.start(QStringLiteral("SELECT $1::int * 2"), {21});
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(*query.result()->row(0).constBegin(), QStringLiteral("42"));

        query.start(QStringLiteral("SELECT * FROM no_such_table"));
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(query.result().error().code(), ErrorCode::NotFound);

        // The same connection still works for blocking use.
        QCOMPARE(*conn.scalar(QStringLiteral("SELECT 5")), QStringLiteral("5"));
    }

    void asyncCancelAndTimeout()
    {
        Result<PgConnection> conn = connectSocket();
        QVERIFY_OK(conn);
        AsyncQuery query(*conn);
        QSignalSpy finished(&query, &AsyncQuery::finished);

        query.start(QStringLiteral("SELECT pg_sleep(60)"));
        QTimer::singleShot(300, &query, &AsyncQuery::cancel);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY(clock.elapsed() < kWaitMs);
        QCOMPARE(query.result().error().code(), ErrorCode::Cancelled);

        query.start(QStringLiteral("SELECT pg_sleep(60)"), {}, 500);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(query.result().error().code(), ErrorCode::Timeout);

        // After the server ended the cancelled queries the connection is usable again.
        query.start(QStringLiteral("SELECT 'after'"));
        QVERIFY(finished.wait(kWaitMs));
        QVERIFY_OK(query.result());
        QCOMPARE(query.result()->value(0, 0), QStringLiteral("after"));
        QCOMPARE(finished.count(), 3);
    }

    void asyncQueryOnClosedConnection()
    {
        PgConnection closed;
        AsyncQuery query(closed);
        QSignalSpy finished(&query, &AsyncQuery::finished);
        query.start(QStringLiteral("SELECT 1"));
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(query.result().error().code(), ErrorCode::ConnectionFailed);
    }
};

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
