#include "connection/ConnInfo.h"

#include <QTest>

using namespace PgVault;

namespace {

ConnInfo parsed(const QString &text)
{
    Result<ConnInfo> r = ConnInfo::parse(text);
    if (!r)
        qWarning().noquote() << "parse failed:" << r.error().toString();
    return r ? *r : ConnInfo();
}

} // namespace

class TestConnInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // displayAddress() shows libpq's defaults for what is not given.
        qunsetenv("PGHOST");
        qunsetenv("PGPORT");
    }

    void keywordValue()
    {
        const Result<ConnInfo> r = ConnInfo::parse(QStringLiteral(
                "host=db.example.com port=5433 dbname=shop user=alice sslmode=require"));
        QVERIFY(r.ok());
        QCOMPARE(r->host(), QStringLiteral("db.example.com"));
        QCOMPARE(r->port(), QStringLiteral("5433"));
        QCOMPARE(r->dbname(), QStringLiteral("shop"));
        QCOMPARE(r->user(), QStringLiteral("alice"));
        QCOMPARE(r->sslmode(), QStringLiteral("require"));
        QVERIFY(!r->hasPassword());
        QCOMPARE(r->displayAddress(), QStringLiteral("db.example.com:5433"));
    }

    void uri()
    {
        const ConnInfo c = parsed(QStringLiteral("postgresql://bob:p%40ss@db.example.com:5433,h2/"
                                                 "my%20db?sslmode=require&connect_timeout=5"));
        QCOMPARE(c.user(), QStringLiteral("bob"));
        QCOMPARE(c.value(QStringLiteral("password")), QStringLiteral("p@ss"));
        QCOMPARE(c.host(), QStringLiteral("db.example.com,h2"));
        QCOMPARE(c.port(), QStringLiteral("5433,"));
        QCOMPARE(c.dbname(), QStringLiteral("my db"));
        QCOMPARE(c.sslmode(), QStringLiteral("require"));
        QCOMPARE(c.connectTimeoutSeconds(), 5);
        QVERIFY(c.hasPassword());
        // Multiple hosts: each with its own port, an empty port meaning the default.
        QCOMPARE(c.displayAddress(), QStringLiteral("db.example.com:5433, h2:5432"));
    }

    void uriSocketDirectoryAndIpv6()
    {
        const ConnInfo socket = parsed(QStringLiteral("postgresql://%2Fvar%2Frun%2Fpostgresql/db"));
        QCOMPARE(socket.host(), QStringLiteral("/var/run/postgresql"));
        QCOMPARE(socket.dbname(), QStringLiteral("db"));
        const ConnInfo query = parsed(QStringLiteral("postgres:///db?host=/tmp&port=6000"));
        QCOMPARE(query.host(), QStringLiteral("/tmp"));
        QCOMPARE(query.displayAddress(), QStringLiteral("/tmp:6000"));
        const ConnInfo v6 = parsed(QStringLiteral("postgresql://[::1]:5432/x"));
        QCOMPARE(v6.host(), QStringLiteral("::1"));
        QCOMPARE(v6.displayAddress(), QStringLiteral("[::1]:5432"));
    }

    void quoting_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("serialized");
        QTest::newRow("plain") << QStringLiteral("shop") << QStringLiteral("dbname=shop");
        QTest::newRow("space") << QStringLiteral("my shop") << QStringLiteral("dbname='my shop'");
        QTest::newRow("quote") << QStringLiteral("O'Brien") << QStringLiteral("dbname='O\\'Brien'");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("dbname='a\\\\b'");
        QTest::newRow("all") << QStringLiteral(" x'\\ ") << QStringLiteral("dbname=' x\\'\\\\ '");
        QTest::newRow("empty") << QString(QLatin1String("")) << QStringLiteral("dbname=''");
        QTest::newRow("equals") << QStringLiteral("a=b") << QStringLiteral("dbname=a=b");
        QTest::newRow("unicode") << QStringLiteral("bücher") << QStringLiteral("dbname=bücher");
        QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("dbname='a\tb'");
    }

    void quoting()
    {
        QFETCH(QString, value);
        QFETCH(QString, serialized);
        ConnInfo c;
        c.setDbname(value);
        QCOMPARE(c.toString(), serialized);
        // libpq reads it back to the same value.
        const Result<ConnInfo> back = ConnInfo::parse(serialized);
        QVERIFY(back.ok());
        QCOMPARE(back->dbname(), value);
        QVERIFY(*back == c);
    }

    void parseQuotedInput()
    {
        const ConnInfo c = parsed(QStringLiteral("host='a b' password='x\\'y\\\\z' user=a\\ b"));
        QCOMPARE(c.host(), QStringLiteral("a b"));
        QCOMPARE(c.value(QStringLiteral("password")), QStringLiteral("x'y\\z"));
        QCOMPARE(c.user(), QStringLiteral("a b"));
    }

    void canonicalOrderAndRoundTrip_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("keywords") << QStringLiteral(
                "sslmode=verify-full user=u dbname=d host=h port=1 application_name='my app'");
        QTest::newRow("uri") << QStringLiteral("postgresql://u:secret@h1:1,h2:2/"
                                               "d?sslmode=disable&target_session_attrs=read-write");
        QTest::newRow("service") << QStringLiteral("service=prod dbname=other");
        QTest::newRow("keepalives") << QStringLiteral(
                "host=/run/pg keepalives=1 keepalives_idle=30 options='-c statement_timeout=0'");
    }

    void canonicalOrderAndRoundTrip()
    {
        QFETCH(QString, input);
        const ConnInfo first = parsed(input);
        QVERIFY(!first.isEmpty());
        const QString canonical = first.toString();
        const ConnInfo second = parsed(canonical);
        QVERIFY2(first == second, qPrintable(canonical));
        QCOMPARE(second.toString(), canonical); // stable
        // Canonical order is libpq's keyword order, whatever order the input had.
        const auto options = second.options();
        const QStringList &known = ConnInfo::knownKeywords();
        for (qsizetype i = 1; i < options.size(); ++i)
            QVERIFY(known.indexOf(options.at(i - 1).first) < known.indexOf(options.at(i).first));
    }

    void canonicalExample()
    {
        const ConnInfo c = parsed(QStringLiteral("dbname=d user=u host=h"));
        QCOMPARE(c.toString(), QStringLiteral("user=u dbname=d host=h"));
    }

    void service()
    {
        // PQconninfoParse does not expand the service; the keyword is kept as given.
        const ConnInfo c = parsed(QStringLiteral("service=prod"));
        QCOMPARE(c.service(), QStringLiteral("prod"));
        QVERIFY(c.host().isEmpty());
        QCOMPARE(c.toString(), QStringLiteral("service=prod"));
        QCOMPARE(c.displayAddress(), QStringLiteral("service “prod”"));
        const ConnInfo withHost = parsed(QStringLiteral("service=prod host=db"));
        QCOMPARE(withHost.displayAddress(), QStringLiteral("db:5432"));
    }

    void redacted()
    {
        const ConnInfo c = parsed(
                QStringLiteral("host=h user=u password='s3cr et' sslpassword=keypass dbname=d"));
        const QString text = c.redacted();
        QVERIFY(!text.contains(QLatin1String("s3cr")));
        QVERIFY(!text.contains(QLatin1String("keypass")));
        QVERIFY(text.contains(QLatin1String("password=********")));
        QVERIFY(text.contains(QLatin1String("sslpassword=********")));
        QVERIFY(text.contains(QLatin1String("host=h")));
        QVERIFY(c.toString().contains(QLatin1String("password='s3cr et'")));
        QVERIFY(ConnInfo::isSecretKeyword(QStringLiteral("password")));
        QVERIFY(ConnInfo::isSecretKeyword(QStringLiteral("sslpassword")));
        QVERIFY(!ConnInfo::isSecretKeyword(QStringLiteral("user")));
        // URIs too.
        const ConnInfo uri = parsed(QStringLiteral("postgresql://u:topsecret@h/d"));
        QVERIFY(!uri.redacted().contains(QLatin1String("topsecret")));
    }

    void withPasswordAndDatabase()
    {
        const ConnInfo base = parsed(QStringLiteral("host=h dbname=a"));
        const ConnInfo pw = base.withPassword(QStringLiteral("p w"));
        QVERIFY(!base.hasPassword());
        QVERIFY(pw.hasPassword());
        QCOMPARE(pw.value(QStringLiteral("password")), QStringLiteral("p w"));
        QCOMPARE(pw.withoutPassword(), base);
        const ConnInfo other = base.withDatabase(QStringLiteral("b"));
        QCOMPARE(other.dbname(), QStringLiteral("b"));
        QCOMPARE(base.dbname(), QStringLiteral("a"));
    }

    void connectTimeout_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("seconds");
        QTest::newRow("absent") << QStringLiteral("host=h") << 10;
        QTest::newRow("given") << QStringLiteral("connect_timeout=3") << 3;
        QTest::newRow("one is two") << QStringLiteral("connect_timeout=1") << 2;
        QTest::newRow("zero is forever") << QStringLiteral("connect_timeout=0") << 0;
        QTest::newRow("negative is forever") << QStringLiteral("connect_timeout=-5") << 0;
        QTest::newRow("garbage") << QStringLiteral("connect_timeout=abc") << 10;
    }

    void connectTimeout()
    {
        QFETCH(QString, input);
        QFETCH(int, seconds);
        QCOMPARE(parsed(input).connectTimeoutSeconds(), seconds);
    }

    void setValue()
    {
        ConnInfo c;
        QVERIFY(c.isEmpty());
        QVERIFY(c.setValue(QStringLiteral("application_name"), QStringLiteral("x")).ok());
        QCOMPARE(c.value(QStringLiteral("application_name")), QStringLiteral("x"));
        const Status bad = c.setValue(QStringLiteral("hots"), QStringLiteral("x"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code(), ErrorCode::InvalidInput);
        QVERIFY(bad.error().message().contains(QLatin1String("hots")));
        c.setPort(6543);
        c.setConnectTimeoutSeconds(4);
        QCOMPARE(c.port(), QStringLiteral("6543"));
        QCOMPARE(c.connectTimeoutSeconds(), 4);
        c.remove(QStringLiteral("application_name"));
        QVERIFY(!c.contains(QStringLiteral("application_name")));
        QVERIFY(ConnInfo::isKnownKeyword(QStringLiteral("target_session_attrs")));
        QVERIFY(ConnInfo::knownKeywords().contains(QStringLiteral("service")));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("libpqSays");
        QTest::newRow("no equals") << QStringLiteral("foo") << QStringLiteral("missing \"=\"");
        QTest::newRow("unknown option")
                << QStringLiteral("hots=x") << QStringLiteral("invalid connection option \"hots\"");
        QTest::newRow("unterminated quote")
                << QStringLiteral("host='abc") << QStringLiteral("unterminated quoted string");
        QTest::newRow("bad uri param") << QStringLiteral("postgresql://h/d?nonsense=1")
                                       << QStringLiteral("invalid URI query parameter");
        QTest::newRow("bad percent") << QStringLiteral("postgresql://h/d%zz")
                                     << QStringLiteral("invalid percent-encoded token");
    }

    void badInput()
    {
        QFETCH(QString, input);
        QFETCH(QString, libpqSays);
        const Result<ConnInfo> r = ConnInfo::parse(input);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::InvalidInput);
        QVERIFY2(r.error().detail().contains(libpqSays), qPrintable(r.error().detail()));
        QVERIFY(!r.error().message().isEmpty());
    }

    void emptyInputIsAllDefaults()
    {
        const Result<ConnInfo> r = ConnInfo::parse(QString());
        QVERIFY(r.ok());
        QVERIFY(r->isEmpty());
        QCOMPARE(r->toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TestConnInfo)
#include "tst_conninfo.moc"
