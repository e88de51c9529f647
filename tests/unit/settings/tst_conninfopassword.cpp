#include "settings/ConnInfoPassword.h"

#include <QTest>

#include <libpq-fe.h>

#include <optional>

using namespace PgVault;

namespace {

// libpq's own view, as an independent check of what the product code returns.
std::optional<QString> libpqPassword(const QString &conninfo, bool *parsed)
{
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &error);
    *parsed = options != nullptr;
    if (error)
        PQfreemem(error);
    if (!options)
        return std::nullopt;
    std::optional<QString> password;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (qstrcmp(o->keyword, "password") == 0 && o->val)
            password = QString::fromUtf8(o->val);
    }
    PQconninfoFree(options);
    return password;
}

} // namespace

class TestConnInfoPassword : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("stripped");
        QTest::addColumn<QString>("password"); // "<none>" = no password
        const QString none = QStringLiteral("<none>");
        auto row = [](const char *name, const char *in, const char *out, const QString &pw) {
            QTest::newRow(name) << QString::fromUtf8(in) << QString::fromUtf8(out) << pw;
        };

        row("empty", "", "", none);
        row("no password", "host=db dbname=shop user=alice", "host=db dbname=shop user=alice",
            none);
        row("passfile is not a password", "passfile=/home/a/.pgpass host=db",
            "passfile=/home/a/.pgpass host=db", none);
        row("middle", "host=db password=secret dbname=shop", "host=db dbname=shop",
            QStringLiteral("secret"));
        row("only", "password=secret", "", QStringLiteral("secret"));
        row("first", "password=secret host=db", "host=db", QStringLiteral("secret"));
        row("spaces around =", "host=db password = secret port=5433", "host=db port=5433",
            QStringLiteral("secret"));
        row("quoted with escapes", "password='it\\'s a \\\\ secret' host=db", "host=db",
            QStringLiteral("it's a \\ secret"));
        row("unquoted escape", "host=db password=a\\ b", "host=db", QStringLiteral("a b"));
        row("twice: last wins", "password=one host=db password=two", "host=db",
            QStringLiteral("two"));
        row("keeps separators", "host=db\n  password=x\tport=5433", "host=db\tport=5433",
            QStringLiteral("x"));
        row("empty password", "host=db password=''", "host=db", none);
        row("unicode", "host=db password='pässwörd 名前'", "host=db",
            QStringLiteral("pässwörd 名前"));

        row("uri without password", "postgresql://alice@db.example.com:5433/shop?sslmode=require",
            "postgresql://alice@db.example.com:5433/shop?sslmode=require", none);
        row("uri userinfo", "postgresql://alice:s3cret@db.example.com:5433/shop?sslmode=require",
            "postgresql://alice@db.example.com:5433/shop?sslmode=require",
            QStringLiteral("s3cret"));
        row("uri percent-encoded", "postgres://alice:p%40ss%2Fw%3Ard@db/shop",
            "postgres://alice@db/shop", QStringLiteral("p@ss/w:rd"));
        row("uri no user", "postgresql://:pw@db/shop", "postgresql://db/shop",
            QStringLiteral("pw"));
        row("uri ipv6", "postgresql://alice:pw@[::1]:5432/shop",
            "postgresql://alice@[::1]:5432/shop", QStringLiteral("pw"));
        row("uri several hosts",
            "postgresql://bob:pw@h1:5432,h2:5433/shop?target_session_attrs=any",
            "postgresql://bob@h1:5432,h2:5433/shop?target_session_attrs=any", QStringLiteral("pw"));
        row("uri query first", "postgresql://db/shop?password=x&application_name=y",
            "postgresql://db/shop?application_name=y", QStringLiteral("x"));
        row("uri query last", "postgresql:///shop?host=/var/run/postgresql&password=x",
            "postgresql:///shop?host=/var/run/postgresql", QStringLiteral("x"));
        row("uri query only", "postgresql://db?password=x", "postgresql://db", QStringLiteral("x"));
        row("uri encoded key", "postgresql://db/shop?pass%77ord=x", "postgresql://db/shop",
            QStringLiteral("x"));
        row("uri both", "postgresql://u:a@db/shop?password=b", "postgresql://u@db/shop",
            QStringLiteral("b"));
    }

    void split()
    {
        QFETCH(QString, input);
        QFETCH(QString, stripped);
        QFETCH(QString, password);

        const Result<ConnInfoPassword::Split> result = ConnInfoPassword::split(input);
        if (!result.ok())
            QFAIL(qPrintable(result.error().toString()));
        QCOMPARE(result->conninfo, stripped);
        QCOMPARE(result->password.value_or(QStringLiteral("<none>")), password);

        // libpq agrees: same password in the input, none left in the output.
        bool parsed = false;
        const std::optional<QString> expected = libpqPassword(input, &parsed);
        QVERIFY(parsed);
        QCOMPARE(expected.value_or(QString()).isEmpty(), !result->password.has_value());
        const std::optional<QString> left = libpqPassword(result->conninfo, &parsed);
        QVERIFY(parsed);
        QVERIFY(!left.has_value());
        QCOMPARE(ConnInfoPassword::containsSecret(result->conninfo), false);
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("sslpassword") << QStringLiteral("host=db sslkey=/k sslpassword=pass");
        QTest::newRow("nested kv") << QStringLiteral("dbname='host=db password=x'");
        QTest::newRow("nested uri") << QStringLiteral("dbname=postgresql://u:x@db/shop");
        QTest::newRow("syntax") << QStringLiteral("host=db password");
        QTest::newRow("unterminated") << QStringLiteral("host=db password='abc");
        QTest::newRow("unknown keyword") << QStringLiteral("hots=db");
        QTest::newRow("bad escape") << QStringLiteral("postgresql://u:%zz@db/");
    }

    void rejected()
    {
        QFETCH(QString, input);
        const Result<ConnInfoPassword::Split> result = ConnInfoPassword::split(input);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::InvalidInput);
        QVERIFY(!result.error().message().isEmpty());
    }

    void containsSecret()
    {
        QVERIFY(ConnInfoPassword::containsSecret(QStringLiteral("host=db password=x")));
        QVERIFY(ConnInfoPassword::containsSecret(QStringLiteral("postgresql://a:b@db")));
        QVERIFY(ConnInfoPassword::containsSecret(QStringLiteral("sslpassword=x")));
        QVERIFY(ConnInfoPassword::containsSecret(QStringLiteral("dbname='password=x'")));
        QVERIFY(!ConnInfoPassword::containsSecret(QStringLiteral("host=db")));
        QVERIFY(!ConnInfoPassword::containsSecret(QStringLiteral("postgresql://a@db")));
    }
};

QTEST_GUILESS_MAIN(TestConnInfoPassword)
#include "tst_conninfopassword.moc"
