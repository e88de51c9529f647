// GlobalsRestore: splitting and filtering `pg_dumpall --globals-only` output, with the output
// of a real PostgreSQL 15 pg_dumpall (globals-sample.sql: roles with quoted and non-ASCII
// names, a password, a comment holding "--" and ";", memberships with GRANTED BY, tablespaces
// with options, a privilege and a comment).

#include "dump/GlobalsRestore.h"

#include <QFile>
#include <QTest>

using namespace PgVault;

namespace {

const QString Bob = QStringLiteral("Bob \"the\" Builder");
const QString Unicode = QStringLiteral("ünïcødé rôle");

QString sample()
{
    QFile file(QStringLiteral(PGVAULT_GLOBALS_SAMPLE));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", PGVAULT_GLOBALS_SAMPLE);
    return QString::fromUtf8(file.readAll());
}

GlobalsTarget emptyTarget()
{
    return {{QStringLiteral("postgres")},
            {QStringLiteral("pg_default"), QStringLiteral("pg_global")},
            QStringLiteral("postgres")};
}

bool containsStatementStarting(const QStringList &statements, const QString &prefix)
{
    for (const QString &statement : statements) {
        if (statement.startsWith(prefix))
            return true;
    }
    return false;
}

} // namespace

class TestGlobalsRestore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unquote_data();
    void unquote();
    void splitsTheSample();
    void splitKeepsQuotedSemicolonsAndNewlines();
    void emptyTargetCreatesEverythingButTheCurrentUser();
    void existingRoleIsLeftUnchanged();
    void existingMemberGetsNoMembership();
    void missingGrantorIsDropped();
    void existingTablespaceIsLeftUnchanged();
    void missingGranteeSkipsPrivilege();
};

void TestGlobalsRestore::unquote_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << QStringLiteral("alice") << QStringLiteral("alice");
    QTest::newRow("quoted") << QStringLiteral("\"Alice\"") << QStringLiteral("Alice");
    QTest::newRow("doubled") << QStringLiteral("\"Bob \"\"the\"\" Builder\"") << Bob;
    QTest::newRow("unicode") << QStringLiteral("\"ünïcødé rôle\"") << Unicode;
    QTest::newRow("only quote") << QStringLiteral("\"\"\"\"") << QStringLiteral("\"");
}

void TestGlobalsRestore::unquote()
{
    QFETCH(QString, token);
    QFETCH(QString, name);
    QCOMPARE(GlobalsRestore::unquoteIdentifier(token), name);
}

void TestGlobalsRestore::splitsTheSample()
{
    QStringList meta;
    const QStringList statements = GlobalsRestore::splitStatements(sample(), &meta);
    QCOMPARE(statements.size(), 23);
    QCOMPARE(statements.first(), QStringLiteral("SET default_transaction_read_only = off;"));
    QVERIFY(statements.contains(
            QStringLiteral("COMMENT ON ROLE alice IS 'Alice''s account; -- not a comment';")));
    QCOMPARE(statements.last(), QStringLiteral("COMMENT ON TABLESPACE plain IS 'plain ts';"));
    QCOMPARE(meta.size(), 2);
    QVERIFY(meta.at(0).startsWith(QLatin1String("\\restrict ")));
    QVERIFY(meta.at(1).startsWith(QLatin1String("\\unrestrict ")));
    for (const QString &statement : statements) {
        QVERIFY2(statement.endsWith(QLatin1Char(';')), qPrintable(statement));
        QVERIFY2(!statement.startsWith(QLatin1String("--")), qPrintable(statement));
    }
}

void TestGlobalsRestore::splitKeepsQuotedSemicolonsAndNewlines()
{
    const QString sql = QStringLiteral("-- comment; not a statement\n"
                                       "CREATE ROLE \"a;\n\"\"b\";\n"
                                       "COMMENT ON ROLE \"a;\n\"\"b\" IS 'x;\n-- y';\n"
                                       "\\connect template1\n"
                                       "SELECT pg_catalog.set_config('search_path', '', false);\n");
    const QStringList statements = GlobalsRestore::splitStatements(sql);
    QCOMPARE(statements,
             QStringList({QStringLiteral("CREATE ROLE \"a;\n\"\"b\";"),
                          QStringLiteral("COMMENT ON ROLE \"a;\n\"\"b\" IS 'x;\n-- y';"),
                          QStringLiteral("SELECT pg_catalog.set_config('search_path', '', "
                                         "false);")}));
    GlobalsTarget target;
    target.roles = {QStringLiteral("a;\n\"b")};
    const GlobalsPlan plan = GlobalsRestore::plan(sql, target);
    QVERIFY(plan.statements.isEmpty());
    QCOMPARE(plan.setup.size(), 1);
    QCOMPARE(plan.skippedRoles, QStringList{QStringLiteral("a;\n\"b")});
}

void TestGlobalsRestore::emptyTargetCreatesEverythingButTheCurrentUser()
{
    const GlobalsPlan plan = GlobalsRestore::plan(sample(), emptyTarget());
    QCOMPARE(plan.setup, QStringList({QStringLiteral("SET default_transaction_read_only = off;"),
                                      QStringLiteral("SET client_encoding = 'UTF8';"),
                                      QStringLiteral("SET standard_conforming_strings = on;")}));
    QCOMPARE(plan.createdRoles,
             QStringList({Bob, QStringLiteral("alice"), QStringLiteral("readers"), Unicode}));
    QCOMPARE(plan.skippedRoles, QStringList{QStringLiteral("postgres")});
    QCOMPARE(plan.createdTablespaces,
             QStringList({QStringLiteral("fast space"), QStringLiteral("plain")}));
    QVERIFY(plan.skippedTablespaces.isEmpty());
    QVERIFY(!containsStatementStarting(plan.statements, QStringLiteral("CREATE ROLE postgres")));
    QVERIFY(!containsStatementStarting(plan.statements, QStringLiteral("ALTER ROLE postgres")));
    // Everything else of the dump: 23 statements - 3 setup - 2 of postgres.
    QCOMPARE(plan.statements.size(), 18);
    QVERIFY(plan.statements.contains(
            QStringLiteral("GRANT readers TO \"Bob \"\"the\"\" Builder\" WITH ADMIN OPTION "
                           "GRANTED BY postgres;")));
    QVERIFY(plan.statements.contains(QStringLiteral(
            "GRANT \"ünïcødé rôle\" TO alice GRANTED BY \"Bob \"\"the\"\" Builder\";")));
    QVERIFY(plan.statements.contains(QStringLiteral("GRANT ALL ON TABLESPACE plain TO readers;")));
    int reasons[2] = {0, 0};
    for (const SkippedGlobal &skipped : plan.skipped) {
        if (skipped.reason == SkippedGlobal::Reason::CurrentUser)
            ++reasons[0];
        else if (skipped.reason == SkippedGlobal::Reason::MetaCommand)
            ++reasons[1];
        else
            QFAIL(qPrintable(skipped.statement));
    }
    QCOMPARE(reasons[0], 2);
    QCOMPARE(reasons[1], 2);
}

void TestGlobalsRestore::existingRoleIsLeftUnchanged()
{
    GlobalsTarget target = emptyTarget();
    target.roles.insert(QStringLiteral("alice"));
    target.roles.insert(Bob);
    const GlobalsPlan plan = GlobalsRestore::plan(sample(), target);
    QCOMPARE(plan.createdRoles, QStringList({QStringLiteral("readers"), Unicode}));
    QCOMPARE(plan.skippedRoles,
             QStringList({Bob, QStringLiteral("alice"), QStringLiteral("postgres")}));
    for (const QString &statement : plan.statements) {
        QVERIFY2(!statement.contains(QLatin1String("PASSWORD")), qPrintable(statement));
        QVERIFY2(!statement.startsWith(QLatin1String("ALTER ROLE alice")), qPrintable(statement));
        QVERIFY2(!statement.startsWith(QLatin1String("COMMENT ON ROLE alice")),
                 qPrintable(statement));
        QVERIFY2(!statement.contains(QLatin1String("ROLE \"Bob")), qPrintable(statement));
    }
    // The user configuration of alice (ALTER ROLE alice SET …) is skipped as well.
    int aliceStatements = 0;
    for (const SkippedGlobal &skipped : plan.skipped) {
        if (skipped.name == QLatin1String("alice")
            && skipped.reason == SkippedGlobal::Reason::RoleExists)
            ++aliceStatements;
    }
    QCOMPARE(aliceStatements, 4);
    // The tablespace owned by alice is still created: alice exists.
    QVERIFY(containsStatementStarting(plan.statements,
                                      QStringLiteral("CREATE TABLESPACE \"fast space\" OWNER "
                                                     "alice")));
}

void TestGlobalsRestore::existingMemberGetsNoMembership()
{
    GlobalsTarget target = emptyTarget();
    target.roles.insert(QStringLiteral("alice"));
    const GlobalsPlan plan = GlobalsRestore::plan(sample(), target);
    // Both grants to alice would change a role that exists: skipped.
    QVERIFY(!containsStatementStarting(plan.statements, QStringLiteral("GRANT readers TO alice")));
    QVERIFY(!containsStatementStarting(plan.statements,
                                       QStringLiteral("GRANT \"ünïcødé rôle\" TO alice")));
    int changes = 0;
    for (const SkippedGlobal &skipped : plan.skipped) {
        if (skipped.reason == SkippedGlobal::Reason::ChangesExistingRole) {
            QCOMPARE(skipped.name, QStringLiteral("alice"));
            ++changes;
        }
    }
    QCOMPARE(changes, 2);
    // The new role Bob still gets its membership in the new role readers.
    QVERIFY(containsStatementStarting(plan.statements, QStringLiteral("GRANT readers TO \"Bob")));
}

void TestGlobalsRestore::missingGrantorIsDropped()
{
    const QString sql = QStringLiteral("CREATE ROLE a;\nCREATE ROLE b;\n"
                                       "GRANT a TO b GRANTED BY \"gone \"\"x\"\"\";\n"
                                       "GRANT a TO \"nobody\";\nGRANT \"nobody\" TO b;\n");
    GlobalsTarget target;
    target.currentUser = QStringLiteral("admin");
    const GlobalsPlan plan = GlobalsRestore::plan(sql, target);
    QCOMPARE(plan.statements,
             QStringList({QStringLiteral("CREATE ROLE a;"), QStringLiteral("CREATE ROLE b;"),
                          QStringLiteral("GRANT a TO b;")}));
    QCOMPARE(plan.skipped.size(), 2);
    for (const SkippedGlobal &skipped : plan.skipped) {
        QCOMPARE(skipped.reason, SkippedGlobal::Reason::MissingRole);
        QCOMPARE(skipped.name, QStringLiteral("nobody"));
    }
}

void TestGlobalsRestore::existingTablespaceIsLeftUnchanged()
{
    GlobalsTarget target = emptyTarget();
    target.tablespaces.insert(QStringLiteral("plain"));
    const GlobalsPlan plan = GlobalsRestore::plan(sample(), target);
    QCOMPARE(plan.createdTablespaces, QStringList{QStringLiteral("fast space")});
    QCOMPARE(plan.skippedTablespaces, QStringList{QStringLiteral("plain")});
    for (const QString &statement : plan.statements)
        QVERIFY2(!statement.contains(QLatin1String("TABLESPACE plain")), qPrintable(statement));
    int skipped = 0;
    for (const SkippedGlobal &s : plan.skipped)
        skipped += s.reason == SkippedGlobal::Reason::TablespaceExists ? 1 : 0;
    QCOMPARE(skipped, 4); // CREATE, ALTER, GRANT, COMMENT
}

void TestGlobalsRestore::missingGranteeSkipsPrivilege()
{
    const QString sql = QStringLiteral("CREATE TABLESPACE t LOCATION '/x';\n"
                                       "GRANT ALL ON TABLESPACE t TO ghost;\n"
                                       "GRANT CREATE ON TABLESPACE t TO PUBLIC;\n");
    const GlobalsPlan plan = GlobalsRestore::plan(sql, {});
    QCOMPARE(plan.statements,
             QStringList({QStringLiteral("CREATE TABLESPACE t LOCATION '/x';"),
                          QStringLiteral("GRANT CREATE ON TABLESPACE t TO PUBLIC;")}));
    QCOMPARE(plan.skipped.size(), 1);
    QCOMPARE(plan.skipped.first().name, QStringLiteral("ghost"));
}

QTEST_GUILESS_MAIN(TestGlobalsRestore)
#include "tst_globalsrestore.moc"
