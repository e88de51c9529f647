// restore-dump --globals end to end against two real PostgreSQL 15 servers: roles dumped with
// `dump --globals` (one with a space, quotes and non-ASCII in its name, one with LOGIN
// PASSWORD) are created on a second server, while a role that exists there already keeps its
// password, attributes and memberships, and is reported as skipped.

#include "DumpTestSupport.h"
#include "PgCluster.h"
#include "TestUtil.h"
#include "connection/ConnInfo.h"
#include "dump/DumpJob.h"
#include "dump/RestoreGlobalsJob.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault;
using namespace PgVault::Test;

namespace {

const QString Weird = QStringLiteral("we \"ird\" rôle");

const char *const SourceRoles = R"SQL(
CREATE ROLE "we ""ird"" rôle" NOLOGIN CREATEDB CONNECTION LIMIT 4;
CREATE ROLE new_login LOGIN PASSWORD 'new-secret' VALID UNTIL '2031-02-03';
CREATE ROLE app_login LOGIN CREATEROLE PASSWORD 'source-secret' CONNECTION LIMIT 3;
CREATE ROLE readers NOLOGIN;
GRANT readers TO app_login;
GRANT readers TO "we ""ird"" rôle" WITH ADMIN OPTION;
GRANT readers TO new_login;
COMMENT ON ROLE app_login IS 'from the source';
)SQL";

// Everything pg_authid says about a role, and its memberships and comment.
const char *const RoleState
        = "SELECT a.rolname, a.rolsuper, a.rolinherit, a.rolcreaterole, a.rolcreatedb, "
          "a.rolcanlogin, a.rolreplication, a.rolbypassrls, a.rolconnlimit, a.rolpassword, "
          "a.rolvaliduntil, "
          "(SELECT string_agg(r.rolname || '/' || m.admin_option, ',' ORDER BY r.rolname) "
          " FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid WHERE m.member = a.oid), "
          "shobj_description(a.oid, 'pg_authid') "
          "FROM pg_authid a WHERE a.rolname = '%1'";

QString roleState(const PgCluster &cluster, const QString &role)
{
    Result<QList<QStringList>> rows = cluster.query(QString::fromLatin1(RoleState).arg(
            QString(role).replace(QLatin1String("'"), QLatin1String("''"))));
    if (!rows)
        return rows.error().toString();
    if (rows->isEmpty())
        return QStringLiteral("<missing>");
    QStringList values = rows->first();
    for (QString &value : values) {
        if (value.isNull())
            value = QStringLiteral("<null>");
    }
    return values.join(QLatin1Char('|'));
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

class TestGlobals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void restoreKeepsExistingRoles();
    void secondRestoreChangesNothing();
    void dumpWithoutGlobalsIsNotFound();
    void cli();

private:
    RestoreGlobalsOptions restoreOptions(const QString &id) const;

    std::unique_ptr<PgCluster> m_source;
    std::unique_ptr<PgCluster> m_target;
    QTemporaryDir m_work;
    QString m_repo;
    QString m_id;
    QString m_plainId;
    QString m_existingBefore;
};

void TestGlobals::initTestCase()
{
    REQUIRE_PG_MAJOR(PgCluster::defaultMajor());
    QVERIFY(m_work.isValid());
    m_repo = m_work.path() + QStringLiteral("/repo");
    m_source = std::make_unique<PgCluster>();
    m_target = std::make_unique<PgCluster>();
    QVERIFY_OK(m_source->start());
    QVERIFY_OK(m_target->start());
    QVERIFY_OK(m_source->execute(QString::fromUtf8(SourceRoles)));

    DumpOptions options;
    options.server = *ConnInfo::parse(m_source->conninfo());
    options.repositoryPath = m_repo;
    options.globals = true;
    options.compressThreads = 2;
    JobOutcome dumped = runJob(new DumpJob(options));
    QVERIFY2(dumped.state == Job::State::Succeeded, qPrintable(dumped.describe()));
    m_id = dumped.data.value(u"backupId").toString();
    QVERIFY(!m_id.isEmpty());
    options.globals = false;
    dumped = runJob(new DumpJob(options));
    QVERIFY2(dumped.state == Job::State::Succeeded, qPrintable(dumped.describe()));
    m_plainId = dumped.data.value(u"backupId").toString();

    // The target already has app_login, with another password, other attributes, no
    // membership and no comment.
    QVERIFY_OK(m_target->execute(
            QStringLiteral("CREATE ROLE app_login NOLOGIN NOCREATEROLE PASSWORD 'target-secret' "
                           "CONNECTION LIMIT 7")));
    m_existingBefore = roleState(*m_target, QStringLiteral("app_login"));
    QVERIFY(m_existingBefore.contains(QLatin1String("SCRAM-SHA-256$")));
    QVERIFY(m_existingBefore.contains(QLatin1String("|7|")));
}

void TestGlobals::cleanupTestCase()
{
    m_target.reset();
    m_source.reset();
}

RestoreGlobalsOptions TestGlobals::restoreOptions(const QString &id) const
{
    RestoreGlobalsOptions options;
    options.repositoryPath = m_repo;
    options.backupId = id;
    options.target = *ConnInfo::parse(m_target->conninfo());
    return options;
}

void TestGlobals::restoreKeepsExistingRoles()
{
    const JobOutcome outcome = runJob(new RestoreGlobalsJob(restoreOptions(m_id)));
    QVERIFY2(outcome.state == Job::State::Succeeded, qPrintable(outcome.describe()));
    QCOMPARE(outcome.data.value(u"backupId").toString(), m_id);
    QStringList created = stringList(outcome.data.value(u"createdRoles"));
    created.sort();
    QCOMPARE(created, QStringList({QStringLiteral("new_login"), QStringLiteral("readers"), Weird}));
    QStringList skipped = stringList(outcome.data.value(u"skippedRoles"));
    skipped.sort();
    QCOMPARE(skipped, QStringList({QStringLiteral("app_login"), QStringLiteral("postgres")}));
    const QString warning = QStringLiteral("Role “app_login” exists on ");
    bool warned = false;
    for (const QString &message : outcome.messages)
        warned = warned
                 || (message.startsWith(warning)
                     && message.endsWith(QLatin1String("and was left unchanged.")));
    QVERIFY2(warned, qPrintable(outcome.describe()));

    // The existing role: byte for byte what it was.
    QCOMPARE(roleState(*m_target, QStringLiteral("app_login")), m_existingBefore);

    // The missing roles, with their attributes, passwords and memberships as on the source.
    for (const QString &role : {Weird, QStringLiteral("new_login"), QStringLiteral("readers")}) {
        const QString source = roleState(*m_source, role);
        QVERIFY2(!source.contains(QLatin1String("<missing>")), qPrintable(role));
        QCOMPARE(roleState(*m_target, role), source);
    }
    QVERIFY(roleState(*m_target, Weird).contains(QLatin1String("|readers/true|")));
    QVERIFY(roleState(*m_target, QStringLiteral("new_login"))
                    .contains(QLatin1String("SCRAM-SHA-256$")));
    // The restored password works: the stored SCRAM secret is the source's.
    QCOMPARE(roleState(*m_target, QStringLiteral("new_login")).section(QLatin1Char('|'), 9, 9),
             roleState(*m_source, QStringLiteral("new_login")).section(QLatin1Char('|'), 9, 9));
}

void TestGlobals::secondRestoreChangesNothing()
{
    const QString before = roleState(*m_target, Weird);
    const JobOutcome outcome = runJob(new RestoreGlobalsJob(restoreOptions(m_id)));
    QVERIFY2(outcome.state == Job::State::Succeeded, qPrintable(outcome.describe()));
    QVERIFY(stringList(outcome.data.value(u"createdRoles")).isEmpty());
    QCOMPARE(stringList(outcome.data.value(u"skippedRoles")).size(), 5);
    QCOMPARE(roleState(*m_target, Weird), before);
    QCOMPARE(roleState(*m_target, QStringLiteral("app_login")), m_existingBefore);
}

void TestGlobals::dumpWithoutGlobalsIsNotFound()
{
    const JobOutcome outcome = runJob(new RestoreGlobalsJob(restoreOptions(m_plainId)));
    QCOMPARE(outcome.state, Job::State::Failed);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->code(), ErrorCode::NotFound);
}

void TestGlobals::cli()
{
    const QString config = m_work.path() + QStringLiteral("/cli.conf");
    const QStringList global{QStringLiteral("--config"),   config,
                             QStringLiteral("--repo"),     m_repo,
                             QStringLiteral("--conninfo"), m_target->conninfo()};
    CliRun restored = runCli(
            global
            + QStringList{QStringLiteral("restore-dump"), m_id, QStringLiteral("--globals")});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
    QVERIFY2(restored.err.contains("app_login") || restored.out.contains("app_login"),
             qPrintable(restored.describe()));
    QCOMPARE(roleState(*m_target, QStringLiteral("app_login")), m_existingBefore);

    CliRun both = runCli(global
                         + QStringList{QStringLiteral("restore-dump"), m_id,
                                       QStringLiteral("--globals"), QStringLiteral("--db"),
                                       QStringLiteral("x")});
    QVERIFY2(both.exitCode == 2, qPrintable(both.describe()));
    CliRun none = runCli(
            global
            + QStringList{QStringLiteral("restore-dump"), m_plainId, QStringLiteral("--globals")});
    QVERIFY2(none.exitCode == 1, qPrintable(none.describe()));
}

QTEST_GUILESS_MAIN(TestGlobals)
#include "tst_globals.moc"
