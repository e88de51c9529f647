// A PostgreSQL 16 server while only the version 15 client tools are installed: a dump must
// fail before writing anything, with a ToolMissing error naming pg_dump, the major and the
// Debian package.

#include "DumpTestSupport.h"
#include "PgCluster.h"
#include "TestUtil.h"
#include "dump/DumpJob.h"
#include "repo/Repository.h"
#include "tools/ToolLocator.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault;
using namespace PgVault::Test;

class TestDumpToolMissing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newerServerThanEveryClient()
    {
        const int major = PgCluster::defaultMajor();
        REQUIRE_PG_MAJOR(major);
        // Meaningful only while no pg_dump of this major or newer is installed.
        if (ToolLocator().find(QStringLiteral("pg_dump"), major).ok())
            QSKIP("a pg_dump of this major is installed; nothing to prove");
        PgCluster cluster;
        QVERIFY_OK(cluster.start());
        QTemporaryDir repo;
        DumpOptions options;
        options.server = *ConnInfo::parse(cluster.conninfo());
        options.repositoryPath = repo.path() + QStringLiteral("/repo");
        const JobOutcome outcome = runJob(new DumpJob(options));
        QCOMPARE(outcome.state, Job::State::Failed);
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code(), ErrorCode::ToolMissing);
        const QString message = outcome.error->message();
        QVERIFY2(message.contains(QLatin1String("pg_dump")), qPrintable(message));
        QVERIFY2(message.contains(QString::number(major)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("postgresql-client-%1").arg(major)),
                 qPrintable(message));
        // Refused before anything was written: not even the repository was created.
        QVERIFY(!QDir(options.repositoryPath).exists());

        const CliRun cli = runCli({QStringLiteral("--repo"), options.repositoryPath,
                                   QStringLiteral("--conninfo"), cluster.conninfo(),
                                   QStringLiteral("dump")});
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.contains("pg_dump"), qPrintable(cli.describe()));
        QVERIFY2(cli.err.contains(QStringLiteral("postgresql-client-%1").arg(major).toUtf8()),
                 qPrintable(cli.describe()));
    }
};

QTEST_GUILESS_MAIN(TestDumpToolMissing)
#include "tst_dump_toolmissing.moc"
