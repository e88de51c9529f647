// dump / restore-dump end to end against a real PostgreSQL 15 with the real pg_dump, pg_restore
// and pgvault-cli: round trips (custom and directory formats, parallel restore), selective
// restore, refusals (existing database, missing database, damaged file, locked repository),
// and failures that must leave nothing that looks like a backup (permission denied, cancel,
// killed server, full disk).

#include "DumpTestSupport.h"
#include "PgCluster.h"
#include "RepositoryProbe.h"
#include "TestUtil.h"
#include "backup/BackupCatalog.h"
#include "backup/BackupManifest.h"
#include "backup/StoredFileCheck.h"
#include "dump/DumpDetails.h"
#include "dump/DumpJob.h"
#include "dump/DumpToc.h"
#include "dump/DumpVerification.h"
#include "dump/RestoreDumpJob.h"
#include "repo/Repository.h"
#include "tools/ToolLocator.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault;
using namespace PgVault::Test;

namespace {

const char *const Fixture = R"SQL(
CREATE EXTENSION hstore;
CREATE EXTENSION pgcrypto;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE SCHEMA "Sch ema";
CREATE TABLE "Sch ema"."Tä""ble x" (id serial PRIMARY KEY, m mood, p posint, h hstore, b bytea,
    j json, jb jsonb, arr int[], t text, ts timestamptz, n numeric);
INSERT INTO "Sch ema"."Tä""ble x" (m, p, h, b, j, jb, arr, t, ts, n)
    SELECT (ARRAY['sad','ok','happy'])[1 + g % 3]::mood, g, hstore('k' || g, 'v'),
           decode(md5(g::text), 'hex') || '\x00ff'::bytea, json_build_object('a', g),
           jsonb_build_object('b', ARRAY[g, g + 1], 'ü', 'ß'), ARRAY[g, NULL, -g],
           E'row\t' || g || E'\n"quoted" ''single'' ünï', '2024-01-01'::timestamptz + g * interval '1 h',
           g / 7.0
    FROM generate_series(1, 500) g;
CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL UNIQUE,
    price numeric(10,2) CHECK (price >= 0), secret bytea DEFAULT gen_random_bytes(4));
CREATE TABLE orders (id serial PRIMARY KEY, item_id bigint REFERENCES items(id), qty int);
CREATE INDEX orders_item_idx ON orders (item_id);
INSERT INTO items (name, price) SELECT 'item ' || g, g FROM generate_series(1, 50) g;
INSERT INTO orders (item_id, qty) SELECT (g % 50) + 1, g FROM generate_series(1, 200) g;
CREATE SEQUENCE standalone_seq START 1000 INCREMENT 7;
SELECT setval('standalone_seq', 424242);
CREATE TABLE meas (id int, logdate date NOT NULL, v int) PARTITION BY RANGE (logdate);
CREATE TABLE meas_2023 PARTITION OF meas FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE meas_2024 PARTITION OF meas FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
INSERT INTO meas SELECT g, '2023-06-01'::date + g, g FROM generate_series(1, 300) g;
CREATE VIEW order_view AS SELECT o.id, i.name FROM orders o JOIN items i ON i.id = o.item_id;
CREATE MATERIALIZED VIEW item_mv AS SELECT name, price FROM items WHERE price > 10;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.qty := coalesce(NEW.qty, 0); RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
SELECT lo_from_bytea(0, convert_to('large object content ' || g, 'UTF8')) FROM generate_series(1, 3) g;
COMMENT ON TABLE items IS 'the items ü';
CREATE SCHEMA "ünïcødé";
CREATE TABLE "ünïcødé"."数据" (k text PRIMARY KEY, "weird ""col""" int);
INSERT INTO "ünïcødé"."数据" VALUES ('ключ', 1), ('キー', 2);
)SQL";

QString shellQuote(const QString &s)
{
    return QLatin1Char('\'') + QString(s).replace(QLatin1String("'"), QLatin1String("'\\''"))
           + QLatin1Char('\'');
}

} // namespace

class TestDump : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void roundTripCustom();
    void parallelRestoreOfCustomArchive();
    void roundTripDirectoryWithJobs();
    void selectiveRestoreOfOneTable();
    void existingDatabaseNeedsClean();
    void missingDatabaseWritesNothing();
    void permissionDeniedLeavesNothing();
    void damagedFileIsRefusedBeforeTheTarget();
    void verifyKindCheck();
    void secondDumpIsLocked();
    void cancelLeavesNothingAndKeepsEarlierBackups();
    void cliDumpAndRestore();
    void diskFull();
    void killedServerLeavesNoBackup();

private:
    DumpOptions dumpOptions(const QStringList &databases) const;
    RestoreDumpOptions restoreOptions(const QString &id, const QString &target) const;
    QString tableFingerprint(const QString &db) const;
    QString schemaDump(const QString &db) const;
    void compareDatabases(const QString &source, const QString &copy);
    QStringList backupFolders() const { return backupFolderNames(m_repo); }
    QString backupDir(const QString &id) const { return backupFolderPath(m_repo, id); }
    QString dumpOk(const DumpOptions &options);

    std::unique_ptr<PgCluster> m_cluster;
    QTemporaryDir m_work;
    QString m_repo;
    QString m_bin;
    QString m_firstId;
};

void TestDump::initTestCase()
{
    REQUIRE_PG_MAJOR(PgCluster::defaultMajor());
    QVERIFY(m_work.isValid());
    m_repo = m_work.path() + QStringLiteral("/repo");
    PgClusterOptions clusterOptions;
    // The disk-full test runs pgvault-cli in a user namespace, where the socket folder (owned by
    // the server's account) is out of reach; it connects over TCP instead.
    clusterOptions.tcp = true;
    m_cluster = std::make_unique<PgCluster>(clusterOptions);
    QVERIFY_OK(m_cluster->start());
    m_bin = m_cluster->binDir();

    QVERIFY_OK(m_cluster->execute(QStringLiteral("CREATE DATABASE src")));
    QProcess pgbench;
    pgbench.start(m_bin + QStringLiteral("/pgbench"),
                  {QStringLiteral("-i"), QStringLiteral("-s"), QStringLiteral("1"),
                   QStringLiteral("-q"), QStringLiteral("-h"), m_cluster->socketDir(),
                   QStringLiteral("-p"), QString::number(m_cluster->port()), QStringLiteral("-U"),
                   m_cluster->superuser(), QStringLiteral("src")});
    QVERIFY(pgbench.waitForFinished(120000));
    QVERIFY2(pgbench.exitCode() == 0, pgbench.readAllStandardError().constData());
    QVERIFY_OK(m_cluster->execute(QString::fromUtf8(Fixture), QStringLiteral("src")));

    // Big enough to cancel, kill or fill a disk while pg_dump is still busy with it; random
    // hex compresses only about 2:1.
    QVERIFY_OK(m_cluster->execute(QStringLiteral("CREATE DATABASE bigdb")));
    QVERIFY_OK(m_cluster->execute(
            QStringLiteral("CREATE TABLE big AS SELECT g AS id, md5(random()::text) || "
                           "md5(random()::text) || md5(random()::text) AS payload "
                           "FROM generate_series(1, 1500000) g"),
            QStringLiteral("bigdb")));
}

void TestDump::cleanupTestCase()
{
    m_cluster.reset();
}

DumpOptions TestDump::dumpOptions(const QStringList &databases) const
{
    DumpOptions options;
    options.server = *ConnInfo::parse(m_cluster->conninfo());
    options.repositoryPath = m_repo;
    options.databases = databases;
    options.compressThreads = 2;
    return options;
}

RestoreDumpOptions TestDump::restoreOptions(const QString &id, const QString &target) const
{
    RestoreDumpOptions options;
    options.repositoryPath = m_repo;
    options.backupId = id;
    options.target = *ConnInfo::parse(m_cluster->conninfo());
    options.targetDatabase = target;
    return options;
}

QString TestDump::dumpOk(const DumpOptions &options)
{
    const JobOutcome outcome = runJob(new DumpJob(options));
    if (outcome.state != Job::State::Succeeded) {
        QTest::qFail(qPrintable(outcome.describe()), __FILE__, __LINE__);
        return {};
    }
    return outcome.data.value(u"backupId").toString();
}

QString TestDump::tableFingerprint(const QString &db) const
{
    Result<QList<QStringList>> tables = m_cluster->query(
            QStringLiteral("SELECT format('%I.%I', n.nspname, c.relname), c.relkind::text "
                           "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE c.relkind IN ('r', 'm', 'S') "
                           "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                           "AND n.nspname NOT LIKE 'pg\\_toast%' ORDER BY 1"),
            db);
    if (!tables)
        return tables.error().toString();
    QStringList lines;
    for (const QStringList &row : *tables) {
        const QString sql
                = row.at(1) == QLatin1String("S")
                          ? QStringLiteral("SELECT last_value || '/' || is_called FROM %1")
                                    .arg(row.at(0))
                          : QStringLiteral("SELECT count(*) || '/' || md5(coalesce("
                                           "string_agg(t::text, '|' ORDER BY t::text), "
                                           "'')) FROM %1 t")
                                    .arg(row.at(0));
        Result<QString> value = m_cluster->scalar(sql, db);
        lines.append(row.at(0) + QLatin1Char(' ') + (value ? *value : value.error().toString()));
    }
    Result<QString> blobs = m_cluster->scalar(
            QStringLiteral("SELECT string_agg(oid || ':' || md5(lo_get(oid)), ',' ORDER BY oid) "
                           "FROM pg_largeobject_metadata"),
            db);
    lines.append(QStringLiteral("large objects ") + (blobs ? *blobs : blobs.error().toString()));
    return lines.join(QLatin1Char('\n'));
}

QString TestDump::schemaDump(const QString &db) const
{
    QProcess process;
    process.start(m_bin + QStringLiteral("/pg_dump"),
                  {QStringLiteral("--schema-only"),
                   QStringLiteral("--dbname=") + m_cluster->conninfo(db)});
    process.waitForFinished(120000);
    QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'));
    // pg_dump 15.14+ brackets its output with \restrict / \unrestrict and a random key.
    lines.removeIf([](const QString &line) {
        return line.startsWith(QLatin1String("\\restrict "))
               || line.startsWith(QLatin1String("\\unrestrict "));
    });
    return lines.join(QLatin1Char('\n')).replace(db, QStringLiteral("<db>"));
}

void TestDump::compareDatabases(const QString &source, const QString &copy)
{
    const QString expected = tableFingerprint(source);
    const QString got = tableFingerprint(copy);
    QVERIFY(expected.contains(QLatin1String("pgbench_accounts 100000/")));
    QCOMPARE(got, expected);
    const QString expectedSchema = schemaDump(source);
    QVERIFY(expectedSchema.contains(QLatin1String("CREATE TRIGGER orders_touch")));
    QCOMPARE(schemaDump(copy), expectedSchema);
}

void TestDump::roundTripCustom()
{
    QElapsedTimer clock;
    clock.start();
    const JobOutcome outcome = runJob(new DumpJob(dumpOptions({QStringLiteral("src")})));
    QVERIFY2(outcome.state == Job::State::Succeeded, qPrintable(outcome.describe()));
    const qint64 ourMs = clock.elapsed();
    m_firstId = outcome.data.value(u"backupId").toString();
    QVERIFY(m_firstId.endsWith(QLatin1String("-dump")));

    // Progress went through the promised phases and ended at the total.
    QStringList phases;
    for (const JobProgress &p : outcome.progress) {
        if (phases.isEmpty() || phases.last() != p.phase)
            phases.append(p.phase);
        QVERIFY(p.bytesTotal < 0 || p.bytesDone <= p.bytesTotal);
    }
    QVERIFY2(phases.contains(QLatin1String("dumping")), qPrintable(phases.join(u',')));
    QVERIFY2(phases.contains(QLatin1String("verifying")), qPrintable(phases.join(u',')));

    const QString dir = backupDir(m_firstId);
    Result<BackupManifest> manifest = BackupManifest::load(dir);
    QVERIFY_OK(manifest);
    QCOMPARE(manifest->databases, QStringList{QStringLiteral("src")});
    QVERIFY(manifest->toolVersion.contains(QLatin1String("pg_dump")));
    Result<DumpDetails> details = DumpDetails::fromJson(manifest->details, dir);
    QVERIFY_OK(details);
    const DumpedDatabase *db = details->database(QStringLiteral("src"));
    QVERIFY(db);
    QCOMPARE(db->files, QStringList{QStringLiteral("db-1.pgdump.zst")});
    QVERIFY(manifest->file(QStringLiteral("db-1.pgdump.zst")));
    QVERIFY(manifest->file(db->tocFile));
    QVERIFY(db->tableBytes.value(QStringLiteral("public.pgbench_accounts")) > 0);

    // The stored TOC is what pg_restore lists; it parses with names intact.
    Result<Repository> repository = Repository::open(m_repo);
    QVERIFY_OK(repository);
    Result<BackupEntry> entry = BackupCatalog::find(*repository, m_firstId);
    QVERIFY_OK(entry);
    Result<TocArchive> archive = DumpToc::load(*entry, QStringLiteral("src"));
    QVERIFY_OK(archive);
    const Result<TocArchive> noSuchDatabase = DumpToc::load(*entry, QStringLiteral("nope"));
    QVERIFY(!noSuchDatabase);
    QCOMPARE(noSuchDatabase.error().code(), ErrorCode::NotFound);
    QVERIFY(archive->relation(QString::fromUtf8("ünïcødé"), QString::fromUtf8("数据")));
    QVERIFY(archive->relation(QStringLiteral("Sch ema"), QStringLiteral("Tä\"ble x")));

    // Figures: our dump against plain pg_dump -Fc (its default zlib compression).
    QElapsedTimer plain;
    plain.start();
    const QString plainFile = m_work.path() + QStringLiteral("/plain.dump");
    QProcess pgDump;
    pgDump.start(m_bin + QStringLiteral("/pg_dump"),
                 {QStringLiteral("-Fc"), QStringLiteral("-f"), plainFile,
                  QStringLiteral("--dbname=") + m_cluster->conninfo(QStringLiteral("src"))});
    QVERIFY(pgDump.waitForFinished(300000));
    qInfo("dump of src (pgbench -s 1 + fixture): pgvault %lld ms, %lld bytes stored (%lld raw); "
          "pg_dump -Fc %lld ms, %lld bytes",
          ourMs, manifest->storedSize(), manifest->rawSize(), plain.elapsed(),
          QFileInfo(plainFile).size());

    RestoreDumpOptions restore = restoreOptions(m_firstId, QStringLiteral("copy custom ü"));
    restore.create = true;
    const JobOutcome restored = runJob(new RestoreDumpJob(restore));
    QVERIFY2(restored.state == Job::State::Succeeded, qPrintable(restored.describe()));
    compareDatabases(QStringLiteral("src"), QStringLiteral("copy custom ü"));
}

void TestDump::parallelRestoreOfCustomArchive()
{
    QVERIFY(!m_firstId.isEmpty());
    RestoreDumpOptions restore = restoreOptions(m_firstId, QStringLiteral("copy_parallel"));
    restore.create = true;
    restore.jobs = 2;
    const JobOutcome restored = runJob(new RestoreDumpJob(restore));
    QVERIFY2(restored.state == Job::State::Succeeded, qPrintable(restored.describe()));
    compareDatabases(QStringLiteral("src"), QStringLiteral("copy_parallel"));
    // The temporary copy of the archive is gone.
    QVERIFY(QDir(QDir::tempPath())
                    .entryList({QStringLiteral("pgvault-restore-*")}, QDir::Dirs)
                    .isEmpty());
}

void TestDump::roundTripDirectoryWithJobs()
{
    DumpOptions options = dumpOptions({QStringLiteral("src")});
    options.format = DumpFormat::Directory;
    options.jobs = 2;
    const QString id = dumpOk(options);
    QVERIFY(!id.isEmpty());
    const QString dir = backupDir(id);
    Result<BackupManifest> manifest = BackupManifest::load(dir);
    QVERIFY_OK(manifest);
    QVERIFY(manifest->file(QStringLiteral("db-1/toc.dat.zst")));
    QVERIFY(manifest->files.size() > 5);
    // No staging left, and every file in the folder is in the manifest.
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString name = QDir(dir).relativeFilePath(it.next());
        QVERIFY2(name == QLatin1String("manifest.json") || manifest->file(name), qPrintable(name));
    }
    QVERIFY(!QDir(dir + QStringLiteral("/.staging-db-1")).exists());

    RestoreDumpOptions restore = restoreOptions(id, QStringLiteral("copy_dir"));
    restore.create = true;
    restore.jobs = 2;
    const JobOutcome restored = runJob(new RestoreDumpJob(restore));
    QVERIFY2(restored.state == Job::State::Succeeded, qPrintable(restored.describe()));
    compareDatabases(QStringLiteral("src"), QStringLiteral("copy_dir"));
}

void TestDump::selectiveRestoreOfOneTable()
{
    QVERIFY(!m_firstId.isEmpty());
    RestoreDumpOptions restore = restoreOptions(m_firstId, QStringLiteral("only_orders"));
    restore.create = true;
    restore.tables = {QStringLiteral("public.orders")};
    const JobOutcome restored = runJob(new RestoreDumpJob(restore));
    QVERIFY2(restored.state == Job::State::Succeeded, qPrintable(restored.describe()));
    Result<QList<QStringList>> relations = m_cluster->query(
            QStringLiteral(
                    "SELECT c.relname || ':' || c.relkind::text FROM pg_class c JOIN pg_namespace "
                    "n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', "
                    "'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' ORDER BY 1"),
            QStringLiteral("only_orders"));
    QVERIFY_OK(relations);
    QStringList names;
    for (const QStringList &row : *relations)
        names.append(row.at(0));
    QCOMPARE(names,
             (QStringList{QStringLiteral("orders:r"), QStringLiteral("orders_id_seq:S"),
                          QStringLiteral("orders_item_idx:i"), QStringLiteral("orders_pkey:i")}));
    const QString sql = QStringLiteral("SELECT count(*) || md5(string_agg(t::text, '|' ORDER BY "
                                       "t::text)) FROM orders t");
    QCOMPARE(*m_cluster->scalar(sql, QStringLiteral("only_orders")),
             *m_cluster->scalar(sql, QStringLiteral("src")));
    const QString seq = QStringLiteral("SELECT last_value FROM orders_id_seq");
    QCOMPARE(*m_cluster->scalar(seq, QStringLiteral("only_orders")),
             *m_cluster->scalar(seq, QStringLiteral("src")));
    // Its trigger came with it (and the function the trigger needs).
    QCOMPARE(*m_cluster->scalar(QStringLiteral("SELECT count(*) FROM pg_trigger WHERE tgname = "
                                               "'orders_touch'"),
                                QStringLiteral("only_orders")),
             QStringLiteral("1"));
}

void TestDump::existingDatabaseNeedsClean()
{
    QVERIFY(!m_firstId.isEmpty());
    // "copy custom ü" holds the restored objects already.
    RestoreDumpOptions restore = restoreOptions(m_firstId, QStringLiteral("copy custom ü"));
    JobOutcome refused = runJob(new RestoreDumpJob(restore));
    QCOMPARE(refused.state, Job::State::Failed);
    QCOMPARE(refused.error->code(), ErrorCode::InvalidInput);
    QVERIFY2(refused.error->message().contains(QStringLiteral("copy custom ü")),
             qPrintable(refused.error->message()));
    QVERIFY2(refused.error->message().contains(QString::number(m_cluster->port())),
             qPrintable(refused.error->message()));

    // --create on an existing name is refused as well.
    restore.create = true;
    refused = runJob(new RestoreDumpJob(restore));
    QCOMPARE(refused.error->code(), ErrorCode::AlreadyExists);

    // A changed row is put back by --clean.
    QVERIFY_OK(m_cluster->execute(QStringLiteral("UPDATE pgbench_branches SET bbalance = 42"),
                                  QStringLiteral("copy custom ü")));
    restore.create = false;
    restore.clean = true;
    const JobOutcome cleaned = runJob(new RestoreDumpJob(restore));
    QVERIFY2(cleaned.state == Job::State::Succeeded, qPrintable(cleaned.describe()));
    compareDatabases(QStringLiteral("src"), QStringLiteral("copy custom ü"));

    // A database that does not exist, without --create.
    restore = restoreOptions(m_firstId, QStringLiteral("nowhere"));
    refused = runJob(new RestoreDumpJob(restore));
    QCOMPARE(refused.error->code(), ErrorCode::NotFound);
    QVERIFY(refused.error->message().contains(QLatin1String("nowhere")));
}

void TestDump::missingDatabaseWritesNothing()
{
    const QStringList before = backupFolders();
    const JobOutcome outcome = runJob(
            new DumpJob(dumpOptions({QStringLiteral("src"), QStringLiteral("no such db")})));
    QCOMPARE(outcome.state, Job::State::Failed);
    QCOMPARE(outcome.error->code(), ErrorCode::NotFound);
    QVERIFY2(outcome.error->message().contains(QLatin1String("no such db")),
             qPrintable(outcome.error->message()));
    QCOMPARE(backupFolders(), before);
}

void TestDump::permissionDeniedLeavesNothing()
{
    QVERIFY_OK(m_cluster->execute(
            QStringLiteral("CREATE ROLE lowly LOGIN; CREATE TABLE secret_stuff (x int); "
                           "GRANT SELECT ON ALL TABLES IN SCHEMA public TO lowly; "
                           "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO lowly; "
                           "REVOKE ALL ON secret_stuff FROM lowly"),
            QStringLiteral("bigdb")));
    const QStringList before = backupFolders();
    DumpOptions options = dumpOptions({QStringLiteral("bigdb")});
    options.server = *ConnInfo::parse(
            m_cluster->conninfo(QStringLiteral("bigdb"), QStringLiteral("lowly")));
    const JobOutcome outcome = runJob(new DumpJob(options));
    QCOMPARE(outcome.state, Job::State::Failed);
    QCOMPARE(outcome.error->code(), ErrorCode::PermissionDenied);
    QVERIFY2(outcome.error->message().contains(QLatin1String("secret_stuff")),
             qPrintable(outcome.error->toString()));
    QVERIFY2(outcome.error->message().contains(QLatin1String("bigdb")),
             qPrintable(outcome.error->toString()));
    QCOMPARE(backupFolders(), before);
    QVERIFY_OK(
            m_cluster->execute(QStringLiteral("DROP TABLE secret_stuff"), QStringLiteral("bigdb")));
}

void TestDump::damagedFileIsRefusedBeforeTheTarget()
{
    const QString id = dumpOk(dumpOptions({QStringLiteral("src")}));
    QVERIFY(!id.isEmpty());
    const QString file = backupDir(id) + QStringLiteral("/db-1.pgdump.zst");
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.seek(f.size() / 2);
    QByteArray byte = f.read(1);
    byte[0] = char(byte.at(0) ^ 0x5a);
    f.seek(f.size() / 2);
    f.write(byte);
    f.close();

    RestoreDumpOptions restore = restoreOptions(id, QStringLiteral("from_damaged"));
    restore.create = true;
    const JobOutcome outcome = runJob(new RestoreDumpJob(restore));
    QCOMPARE(outcome.state, Job::State::Failed);
    QCOMPARE(outcome.error->code(), ErrorCode::Corrupt);
    QVERIFY2(outcome.error->message().contains(QLatin1String("db-1.pgdump.zst")),
             qPrintable(outcome.error->toString()));
    // Refused before touching the target: the database was never created.
    QCOMPARE(*m_cluster->scalar(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname "
                                               "= 'from_damaged'")),
             QStringLiteral("0"));

    // A truncated file too.
    QVERIFY(QFile::resize(file, QFileInfo(file).size() / 3));
    const JobOutcome truncated = runJob(new RestoreDumpJob(restore));
    QCOMPARE(truncated.error->code(), ErrorCode::Corrupt);
    QVERIFY(truncated.error->message().contains(QLatin1String("db-1.pgdump.zst")));
    QVERIFY(QDir(backupDir(id)).removeRecursively()); // not to disturb the later tests
}

void TestDump::verifyKindCheck()
{
    QVERIFY(!m_firstId.isEmpty());
    Result<Repository> repository = Repository::open(m_repo);
    QVERIFY_OK(repository);
    Result<BackupEntry> entry = BackupCatalog::find(*repository, m_firstId);
    QVERIFY_OK(entry);
    JobContext context;
    QVERIFY_OK(DumpVerification::check(*entry, context, ToolLocator()));
    const JobOutcome verified = [&] {
        auto *job = new VerifyJob(*repository, m_firstId);
        job->setKindCheck(BackupKind::Dump, DumpVerification::kindCheck());
        return runJob(job);
    }();
    QVERIFY2(verified.state == Job::State::Succeeded, qPrintable(verified.describe()));
}

void TestDump::secondDumpIsLocked()
{
    const QStringList before = backupFolders();
    auto *first = new DumpJob(dumpOptions({QStringLiteral("bigdb")}));
    std::optional<JobOutcome> second;
    const JobOutcome firstOutcome = runJob(first, [&](Job &job, const JobProgress &progress) {
        if (!second && progress.phase == QLatin1String("dumping") && progress.bytesDone > 0) {
            second = runJob(new DumpJob(dumpOptions({QStringLiteral("src")})));
            job.cancel();
        }
    });
    QVERIFY(second);
    QCOMPARE(second->state, Job::State::Failed);
    QCOMPARE(second->error->code(), ErrorCode::Locked);
    QVERIFY2(second->error->message().contains(QLatin1String("locked by pid")),
             qPrintable(second->error->message()));
    QCOMPARE(firstOutcome.state, Job::State::Cancelled);
    QCOMPARE(backupFolders(), before);
}

void TestDump::cancelLeavesNothingAndKeepsEarlierBackups()
{
    const QStringList before = backupFolders();
    QVERIFY(before.contains(m_firstId));
    bool cancelled = false;
    const JobOutcome outcome
            = runJob(new DumpJob(dumpOptions({QStringLiteral("bigdb")})),
                     [&](Job &job, const JobProgress &progress) {
                         if (!cancelled && progress.phase == QLatin1String("dumping")
                             && progress.bytesDone > 1000000) {
                             cancelled = true;
                             job.cancel();
                         }
                     });
    QVERIFY(cancelled);
    QCOMPARE(outcome.state, Job::State::Cancelled);
    QCOMPARE(backupFolders(), before);
    // No pg_dump left behind.
    QProcess pgrep;
    pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), QStringLiteral("pg_dump.*bigdb")});
    pgrep.waitForFinished();
    QVERIFY2(pgrep.readAllStandardOutput().trimmed().isEmpty(), "pg_dump still running");
    // The earlier backup is intact.
    Result<Repository> repository = Repository::open(m_repo);
    Result<BackupEntry> entry = BackupCatalog::find(*repository, m_firstId);
    QVERIFY_OK(entry);
    QCOMPARE(entry->state, BackupEntry::State::Complete);
    for (const StoredFile &file : entry->manifest->files)
        QVERIFY_OK(checkStoredFile(entry->path, file, nullptr));
}

void TestDump::cliDumpAndRestore()
{
    const QString config = m_work.path() + QStringLiteral("/cli.conf");
    const QStringList global{QStringLiteral("--config"),   config,
                             QStringLiteral("--repo"),     m_repo,
                             QStringLiteral("--conninfo"), m_cluster->conninfo()};
    CliRun dump = runCli(global
                         + QStringList{QStringLiteral("dump"), QStringLiteral("--db"),
                                       QStringLiteral("src"), QStringLiteral("--globals")});
    QVERIFY2(dump.exitCode == 0, qPrintable(dump.describe()));
    const QString id = dump.lastLine();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{8}T\\d{6}Z-dump(-\\d+)?$"))
                     .match(id)
                     .hasMatch(),
             qPrintable(dump.describe()));
    QVERIFY(QFileInfo::exists(backupDir(id) + QStringLiteral("/globals.sql.zst")));

    CliRun json = runCli(QStringList{QStringLiteral("--json")} + global
                         + QStringList{QStringLiteral("dump"), QStringLiteral("--db"),
                                       QStringLiteral("src"), QStringLiteral("--jobs"),
                                       QStringLiteral("2")});
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    const QJsonObject result = QJsonDocument::fromJson(json.lastLine().toUtf8()).object();
    const QString jsonId = result.value(u"data").toObject().value(u"backupId").toString().isEmpty()
                                   ? result.value(u"backupId").toString()
                                   : result.value(u"data").toObject().value(u"backupId").toString();
    QVERIFY2(jsonId.endsWith(QLatin1String("-dump")) || jsonId.contains(QLatin1String("-dump-")),
             qPrintable(json.describe()));

    const QStringList restore{QStringLiteral("restore-dump"), id, QStringLiteral("--db"),
                              QStringLiteral("cli_copy"), QStringLiteral("--create")};
    CliRun restored = runCli(global + restore);
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.describe()));
    compareDatabases(QStringLiteral("src"), QStringLiteral("cli_copy"));
    CliRun again = runCli(global + restore);
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("already exists"), qPrintable(again.describe()));
    CliRun usage = runCli(global + QStringList{QStringLiteral("restore-dump"), id});
    QCOMPARE(usage.exitCode, 2);
    CliRun unknown = runCli(global
                            + QStringList{QStringLiteral("restore-dump"),
                                          QStringLiteral("20000101T000000Z-dump"),
                                          QStringLiteral("--db"), QStringLiteral("x")});
    QVERIFY2(unknown.exitCode == 1 || unknown.exitCode == 2, qPrintable(unknown.describe()));
    CliRun badFormat = runCli(global
                              + QStringList{QStringLiteral("dump"), QStringLiteral("--format"),
                                            QStringLiteral("zip")});
    QCOMPARE(badFormat.exitCode, 2);
}

void TestDump::diskFull()
{
    // A small file system of our own needs an unprivileged mount namespace; CI must have one.
    REQUIRE_OR_FAIL(QProcess::execute(QStringLiteral("unshare"),
                                      {QStringLiteral("-rm"), QStringLiteral("true")})
                            == 0,
                    QStringLiteral("unprivileged user namespaces are not available"));
    const QString repo = m_work.path() + QStringLiteral("/small repo");
    QVERIFY(QDir().mkpath(repo));
    const QString script
            = QStringLiteral("mount -t tmpfs -o size=2m none %1 || exit 99; "
                             "%2 --config %3 --repo %1 --conninfo %4 dump --db bigdb; rc=$?; "
                             "echo LEFT:; find %1/servers -mindepth 2 -maxdepth 3; exit $rc")
                      .arg(shellQuote(repo), shellQuote(qEnvironmentVariable("PGVAULT_CLI")),
                           shellQuote(m_work.path() + QStringLiteral("/cli.conf")),
                           shellQuote(m_cluster->conninfo(QStringLiteral("postgres"), {}, true)));
    const CliRun run
            = runProgram(QStringLiteral("unshare"), {QStringLiteral("-rm"), QStringLiteral("sh"),
                                                     QStringLiteral("-c"), script});
    qInfo("disk full: %s", run.err.trimmed().constData());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.toLower().contains("no space left"), qPrintable(run.describe()));
    // Only the server folder's skeleton is left: no backup folder.
    const QString left = QString::fromUtf8(run.out.mid(run.out.indexOf("LEFT:")));
    QVERIFY2(!left.contains(QLatin1String("-dump")), qPrintable(run.describe()));
}

void TestDump::killedServerLeavesNoBackup()
{
    const QStringList before = backupFolders();
    bool killed = false;
    const JobOutcome outcome = runJob(new DumpJob(dumpOptions({QStringLiteral("bigdb")})),
                                      [&](Job &, const JobProgress &progress) {
                                          if (!killed && progress.phase == QLatin1String("dumping")
                                              && progress.bytesDone > 1000000) {
                                              killed = true;
                                              m_cluster->kill9();
                                          }
                                      });
    QVERIFY(killed);
    QCOMPARE(outcome.state, Job::State::Failed);
    QVERIFY2(outcome.error->code() == ErrorCode::ConnectionFailed, qPrintable(outcome.describe()));
    QCOMPARE(backupFolders(), before);
    QVERIFY_OK(m_cluster->start());
}

QTEST_GUILESS_MAIN(TestDump)
#include "tst_dump.moc"
