#include "connection/PgErrors.h"
#include "connection/Sql.h"

#include <QTest>

using namespace PgVault;

class TestSqlHelpers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quoteIdentifier()
    {
        QCOMPARE(Sql::quoteIdentifier(QStringLiteral("bob")), QStringLiteral("\"bob\""));
        QCOMPARE(Sql::quoteIdentifier(QStringLiteral("a\"b")), QStringLiteral("\"a\"\"b\""));
        QCOMPARE(Sql::quoteIdentifier(QStringLiteral("User Name")),
                 QStringLiteral("\"User Name\""));
    }

    void quoteLiteral()
    {
        QCOMPARE(Sql::quoteLiteral(QStringLiteral("x")), QStringLiteral("'x'"));
        QCOMPARE(Sql::quoteLiteral(QStringLiteral("O'Brien")), QStringLiteral("'O''Brien'"));
        QCOMPARE(Sql::quoteLiteral(QStringLiteral("a\\b'c")), QStringLiteral("E'a\\\\b''c'"));
        QCOMPARE(Sql::quoteLiteral(QString()), QStringLiteral("''"));
    }

    void essentialMessage_data()
    {
        QTest::addColumn<QString>("libpq");
        QTest::addColumn<QString>("essence");
        QTest::newRow("password") << QStringLiteral(
                "connection to server at \"127.0.0.1\", port 55432 failed: FATAL:  password "
                "authentication failed for user \"bob\"\n")
                                  << QStringLiteral(
                                             "password authentication failed for user \"bob\"");
        QTest::newRow("refused") << QStringLiteral(
                "connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n"
                "\tIs the server running on that host and accepting TCP/IP connections?\n")
                                 << QStringLiteral(
                                            "Connection refused Is the server running on that "
                                            "host and accepting TCP/IP connections?");
        QTest::newRow("last attempt wins") << QStringLiteral(
                "connection to server at \"a\" (10.0.0.1), port 5432 failed: timeout expired\n"
                "connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: FATAL:  database "
                "\"nodb\" does not exist\n")
                                           << QStringLiteral("database \"nodb\" does not exist");
        QTest::newRow("bare") << QStringLiteral("fe_sendauth: no password supplied\n")
                              << QStringLiteral("fe_sendauth: no password supplied");
    }

    void essentialMessage()
    {
        QFETCH(QString, libpq);
        QFETCH(QString, essence);
        QCOMPARE(PgErrors::essentialMessage(libpq), essence);
    }

    void sqlStates_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("cancelRequested");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("bad password")
                << QStringLiteral("28P01") << false << ErrorCode::AuthenticationFailed;
        QTest::newRow("no role/hba")
                << QStringLiteral("28000") << false << ErrorCode::AuthenticationFailed;
        QTest::newRow("privilege")
                << QStringLiteral("42501") << false << ErrorCode::PermissionDenied;
        QTest::newRow("no database") << QStringLiteral("3D000") << false << ErrorCode::NotFound;
        QTest::newRow("no table") << QStringLiteral("42P01") << false << ErrorCode::NotFound;
        QTest::newRow("cancelled") << QStringLiteral("57014") << true << ErrorCode::Cancelled;
        QTest::newRow("statement_timeout")
                << QStringLiteral("57014") << false << ErrorCode::Timeout;
        QTest::newRow("admin shutdown")
                << QStringLiteral("57P01") << false << ErrorCode::ConnectionFailed;
        QTest::newRow("connection")
                << QStringLiteral("08006") << false << ErrorCode::ConnectionFailed;
        QTest::newRow("disk full") << QStringLiteral("53100") << false << ErrorCode::DiskFull;
        QTest::newRow("lock") << QStringLiteral("55P03") << false << ErrorCode::Locked;
        QTest::newRow("data") << QStringLiteral("22P02") << false << ErrorCode::InvalidInput;
        QTest::newRow("other") << QStringLiteral("XX000") << false << ErrorCode::ServerError;
    }

    void sqlStates()
    {
        QFETCH(QString, state);
        QFETCH(bool, cancelRequested);
        QFETCH(ErrorCode, code);
        QCOMPARE(PgErrors::codeForSqlState(state, cancelRequested), code);
    }

    void timeoutNamesHost()
    {
        const Error e = PgErrors::connectTimedOut(QStringLiteral("db.example.com:5432"), 3);
        QCOMPARE(e.code(), ErrorCode::Timeout);
        QVERIFY(e.message().contains(QLatin1String("db.example.com:5432")));
        // "3 second(s)" untranslated, "3 seconds" with the English plural forms loaded.
        QVERIFY2(e.message().contains(QLatin1String("3 second")), qPrintable(e.message()));
    }
};

QTEST_GUILESS_MAIN(TestSqlHelpers)
#include "tst_sqlhelpers.moc"
