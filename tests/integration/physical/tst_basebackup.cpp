// backup (native base backups) end to end against real servers of every supported major: the
// stored archives are valid tars that match PostgreSQL's own manifest, the WAL range in our
// manifest is what the server archived, and the backup really restores (extracted into a new
// data directory with its tablespace moved, recovered from the archive, rows checked). Also the
// refusals (no REPLICATION, wal_level/max_wal_senders) and failures that must leave nothing
// that looks like a backup (cancel, a second writer, a killed server).

#include "DumpTestSupport.h"
#include "PgCluster.h"
#include "RepositoryProbe.h"
#include "ServerAccount.h"
#include "TestUtil.h"
#include "backup/BackupCatalog.h"
#include "backup/BackupManifest.h"
#include "backup/StoredFileCheck.h"
#include "backup/VerifyJob.h"
#include "connection/PgConnection.h"
#include "jobs/JobContext.h"
#include "physical/BaseBackupDetails.h"
#include "physical/BaseBackupJob.h"
#include "physical/BaseBackupVerification.h"
#include "physical/Lsn.h"
#include "repo/Checksum.h"
#include "repo/JsonFile.h"
#include "repo/Repository.h"
#include "repo/ZstdReader.h"
#include "repo/ZstdWriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault;
using namespace PgVault::Test;

namespace {

// Decompresses a stored .zst into a plain file (the archives are too big for readAll).
Status decompress(const QString &source, const QString &target)
{
    ZstdReader reader(source);
    if (Status opened = reader.open(); !opened)
        return opened;
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return Error(ErrorCode::IoError, out.errorString());
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        Result<qint64> got = reader.read(buffer.data(), buffer.size());
        if (!got)
            return got.error();
        if (*got == 0)
            break;
        if (out.write(buffer.constData(), *got) != *got)
            return Error(ErrorCode::IoError, out.errorString());
    }
    return {};
}

CliRun run(const QString &program, const QStringList &arguments)
{
    return runProgram(program, arguments);
}

// Compresses a plain file into a stored .zst (replacing it) and returns its StoredFile record,
// as BackupWriter would have written it.
Result<StoredFile> compressInto(const QString &source, const QString &target, const QString &name)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return Error(ErrorCode::IoError, in.errorString());
    (void)QFile::remove(target);
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return Error(ErrorCode::IoError, out.errorString());
    StoredFile stored;
    stored.name = name;
    Checksum checksum;
    ZstdWriter writer([&](QByteArrayView data) -> Status {
        checksum.add(data);
        stored.storedSize += data.size();
        if (out.write(data.data(), data.size()) != data.size())
            return Error(ErrorCode::IoError, out.errorString());
        return {};
    });
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        stored.rawSize += chunk.size();
        if (Status s = writer.write(chunk); !s)
            return s.error();
    }
    if (Status s = writer.finish(); !s)
        return s.error();
    stored.checksum = checksum.result();
    return stored;
}

// The report's problem messages of the one verified backup.
QStringList problemMessages(const QJsonObject &report)
{
    QStringList messages;
    for (const QJsonValue &backup : report.value(u"backups").toArray()) {
        for (const QJsonValue &problem : backup.toObject().value(u"problems").toArray())
            messages.append(problem.toObject().value(u"message").toString());
    }
    return messages;
}

JobOutcome verifyBackup(const Repository &repository, const QString &id, QJsonObject *report)
{
    auto *job = new VerifyJob(repository, id);
    job->setKindCheck(BackupKind::Base, BaseBackupVerification::kindCheck());
    // runJob deletes the job when it finished; the report is taken before that.
    QObject::connect(job, &Job::finished, job, [job, report] { *report = job->report(); });
    return runJob(job);
}

} // namespace

class TestBaseBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void backupRestores();
    void cliBackup();
    void verifyChecksTarContents();
    void noReplicationPrivilege();
    void walSettingsAreNamed();
    void secondWriterIsLocked();
    void cancelLeavesNothing();
    void killedServerLeavesNoBackup();

private:
    BaseBackupOptions options() const;
    QStringList backupFolders() const { return backupFolderNames(m_repo); }
    QString backupDir(const QString &id) const { return backupFolderPath(m_repo, id); }

    std::unique_ptr<PgCluster> m_cluster;
    QTemporaryDir m_work;
    QString m_repo;
    QString m_archive;
    QString m_tablespace;
};

void TestBaseBackup::initTestCase()
{
    REQUIRE_PG_MAJOR(PgCluster::defaultMajor());
    QVERIFY(m_work.isValid());
    m_repo = m_work.path() + QStringLiteral("/repo");
    m_cluster = std::make_unique<PgCluster>();
    // Archiving on: the backup must only end once its WAL is archived (BASE_BACKUP's WAIT),
    // and the restore below recovers from this archive.
    m_archive = m_cluster->scratchDir() + QStringLiteral("/archive");
    m_tablespace = m_cluster->scratchDir() + QStringLiteral("/ts1");
    QVERIFY(QDir().mkpath(m_archive));
    QVERIFY(QDir().mkpath(m_tablespace));
    QVERIFY_OK(PgCluster::grantToServerUser(m_archive));
    QVERIFY_OK(PgCluster::grantToServerUser(m_tablespace));
    QVERIFY_OK(m_cluster->setSetting(QStringLiteral("archive_mode"), QStringLiteral("on")));
    QVERIFY_OK(
            m_cluster->setSetting(QStringLiteral("archive_command"),
                                  QStringLiteral("test ! -f %1/%f && cp %p %1/%f").arg(m_archive)));
    QVERIFY_OK(m_cluster->start());

    QVERIFY_OK(m_cluster->execute(QStringLiteral("CREATE DATABASE src")));
    QVERIFY_OK(
            m_cluster->execute(QStringLiteral("CREATE TABLE t AS SELECT g AS id, md5(g::text) AS v "
                                              "FROM generate_series(1, 100000) g"),
                               QStringLiteral("src")));
    QVERIFY_OK(m_cluster->execute(
            QStringLiteral("CREATE TABLESPACE ts1 LOCATION '%1'").arg(m_tablespace)));
    QVERIFY_OK(m_cluster->execute(
            QStringLiteral(
                    "CREATE TABLE in_ts TABLESPACE ts1 AS "
                    "SELECT g AS id, repeat('x', g % 100) AS v FROM generate_series(1, 5000) g"),
            QStringLiteral("src")));
    // Big enough that a cancel or a kill lands while the archives are still streaming; random
    // hex compresses only about 2:1.
    QVERIFY_OK(m_cluster->execute(
            QStringLiteral("CREATE TABLE big AS SELECT g AS id, md5(random()::text) || "
                           "md5(random()::text) AS payload FROM generate_series(1, 600000) g")));
    QVERIFY_OK(m_cluster->execute(QStringLiteral("CHECKPOINT")));
}

void TestBaseBackup::cleanupTestCase()
{
    m_cluster.reset();
}

BaseBackupOptions TestBaseBackup::options() const
{
    BaseBackupOptions options;
    options.server = *ConnInfo::parse(m_cluster->conninfo());
    options.repositoryPath = m_repo;
    options.fastCheckpoint = true;
    options.compressThreads = 2;
    return options;
}

void TestBaseBackup::backupRestores()
{
    QElapsedTimer clock;
    clock.start();
    const JobOutcome outcome = runJob(new BaseBackupJob(options()));
    QVERIFY2(outcome.state == Job::State::Succeeded, qPrintable(outcome.describe()));
    qInfo("base backup took %lld ms, stored %.0f of %.0f bytes", clock.elapsed(),
          outcome.data.value(u"storedBytes").toDouble(),
          outcome.data.value(u"rawBytes").toDouble());
    const QString id = outcome.data.value(u"backupId").toString();
    QVERIFY(id.endsWith(QLatin1String("-base")));
    // Progress went through the promised phases.
    QStringList phases;
    for (const JobProgress &progress : outcome.progress) {
        if (phases.isEmpty() || phases.last() != progress.phase)
            phases.append(progress.phase);
    }
    QVERIFY2(phases.contains(QLatin1String("copying"))
                     && phases.contains(QLatin1String("verifying")),
             qPrintable(phases.join(QLatin1Char(','))));

    Result<Repository> repository = Repository::open(m_repo);
    QVERIFY_OK(repository);
    Result<BackupEntry> entry = BackupCatalog::find(*repository, id);
    QVERIFY_OK(entry);
    QCOMPARE(entry->state, BackupEntry::State::Complete);
    const BackupManifest &manifest = *entry->manifest;
    QCOMPARE(manifest.kind, BackupKind::Base);
    Result<QString> sysid = m_cluster->scalar(
            QStringLiteral("SELECT system_identifier FROM pg_control_system()"));
    QVERIFY_OK(sysid);
    QCOMPARE(manifest.systemId, sysid->toULongLong());
    QCOMPARE(manifest.serverVersionNum / 10000, m_cluster->major());
    for (const StoredFile &file : manifest.files)
        QVERIFY_OK(checkStoredFile(entry->path, file, nullptr));

    Result<BaseBackupDetails> details
            = BaseBackupDetails::fromJson(manifest.details, QStringLiteral("manifest.json"));
    QVERIFY_OK(details);
    QCOMPARE(details->timeline, 1u);
    QCOMPARE(details->stopTimeline, 1u);
    QCOMPARE(details->label, QStringLiteral("pgvault ") + id);
    QCOMPARE(details->checkpoint, QStringLiteral("fast"));
    QCOMPARE(details->walSegmentSize, quint64(16 * 1024 * 1024));
    QCOMPARE(details->systemIdentifier, manifest.systemId);
    const std::optional<quint64> start = Lsn::parse(details->startLsn);
    const std::optional<quint64> stop = Lsn::parse(details->stopLsn);
    QVERIFY(start && stop);
    QVERIFY2(*start < *stop, qPrintable(details->startLsn + QLatin1Char(' ') + details->stopLsn));
    QVERIFY(details->startTime.isValid() && details->stopTime >= details->startTime);
    // The server names the same segments (its pg_walfile_name uses the current timeline, 1).
    Result<QString> first = m_cluster->scalar(
            QStringLiteral("SELECT pg_walfile_name('%1'::pg_lsn)").arg(details->startLsn));
    Result<QString> last = m_cluster->scalar(
            QStringLiteral("SELECT pg_walfile_name('%1'::pg_lsn - 1)").arg(details->stopLsn));
    QVERIFY_OK(first);
    QVERIFY_OK(last);
    QCOMPARE(details->firstWalSegment, *first);
    QCOMPARE(details->lastWalSegment, *last);
    // WAIT: the server said "done" only after archiving everything the backup needs.
    QVERIFY2(QFileInfo::exists(m_archive + QLatin1Char('/') + details->firstWalSegment),
             qPrintable(details->firstWalSegment));
    QVERIFY2(QFileInfo::exists(m_archive + QLatin1Char('/') + details->lastWalSegment),
             qPrintable(details->lastWalSegment));

    // Two archives: the data directory and the tablespace.
    Result<QString> tsOid = m_cluster->scalar(
            QStringLiteral("SELECT oid FROM pg_tablespace WHERE spcname = 'ts1'"));
    QVERIFY_OK(tsOid);
    QCOMPARE(details->archives.size(), 2);
    QStringList archiveNames;
    for (const BaseBackupArchive &archive : details->archives)
        archiveNames.append(archive.name);
    archiveNames.sort();
    QCOMPARE(archiveNames,
             (QStringList{*tsOid + QStringLiteral(".tar"), QStringLiteral("base.tar")}));
    QVERIFY(manifest.file(QStringLiteral("base.tar.zst")));
    QVERIFY(manifest.file(*tsOid + QStringLiteral(".tar.zst")));
    QVERIFY(manifest.file(QStringLiteral("backup_manifest.zst")));

    // base.tar is a tar that tar(1) reads, holding what a data directory needs.
    const QString scratch = m_cluster->scratchDir() + QStringLiteral("/restore-") + id;
    QVERIFY(QDir().mkpath(scratch + QStringLiteral("/data")));
    QVERIFY(QDir().mkpath(scratch + QStringLiteral("/ts")));
    const QString baseTar = scratch + QStringLiteral("/base.tar");
    const QString tsTar = scratch + QStringLiteral("/ts.tar");
    QVERIFY_OK(decompress(entry->path + QStringLiteral("/base.tar.zst"), baseTar));
    QVERIFY_OK(decompress(entry->path + QLatin1Char('/') + *tsOid + QStringLiteral(".tar.zst"),
                          tsTar));
    const CliRun list = run(QStringLiteral("tar"), {QStringLiteral("-tf"), baseTar});
    QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
    const QStringList members = QString::fromUtf8(list.out).split(QLatin1Char('\n'));
    for (const char *required :
         {"PG_VERSION", "global/pg_control", "backup_label", "tablespace_map"})
        QVERIFY2(members.contains(QLatin1String(required)), required);

    // PostgreSQL's manifest lists those files, and as many as our tar walk counted.
    Result<QByteArray> pgManifest
            = ZstdReader::readAll(entry->path + QStringLiteral("/backup_manifest.zst"));
    QVERIFY_OK(pgManifest);
    const QJsonArray files
            = QJsonDocument::fromJson(*pgManifest).object().value(u"Files").toArray();
    QStringList paths;
    for (const QJsonValue &file : files)
        paths.append(file.toObject().value(u"Path").toString());
    QVERIFY(paths.contains(QStringLiteral("PG_VERSION")));
    QVERIFY(paths.contains(QStringLiteral("global/pg_control")));
    QCOMPARE(qint64(files.size()), details->manifestFiles);
    qint64 counted = 0;
    for (const BaseBackupArchive &archive : details->archives)
        counted += archive.regularFiles;
    QCOMPARE(counted, details->manifestFiles);

    // The proof: restore into a new data directory, with the tablespace somewhere else, recover
    // from the archive with that major's binaries, and find the rows.
    const QString data = scratch + QStringLiteral("/data");
    const QString ts = scratch + QStringLiteral("/ts");
    const QString sock = scratch + QStringLiteral("/s");
    QVERIFY(QDir().mkpath(sock));
    CliRun extracted
            = run(QStringLiteral("tar"), {QStringLiteral("-xf"), baseTar, QStringLiteral("-C"),
                                          data, QStringLiteral("--no-same-owner")});
    QVERIFY2(extracted.exitCode == 0, qPrintable(extracted.describe()));
    extracted = run(QStringLiteral("tar"), {QStringLiteral("-xf"), tsTar, QStringLiteral("-C"), ts,
                                            QStringLiteral("--no-same-owner")});
    QVERIFY2(extracted.exitCode == 0, qPrintable(extracted.describe()));
    {
        QFile map(data + QStringLiteral("/tablespace_map"));
        QVERIFY(map.open(QIODevice::WriteOnly | QIODevice::Truncate));
        map.write(QStringLiteral("%1 %2\n").arg(*tsOid, ts).toUtf8());
        QFile signal(data + QStringLiteral("/recovery.signal"));
        QVERIFY(signal.open(QIODevice::WriteOnly));
        QFile autoConf(data + QStringLiteral("/postgresql.auto.conf"));
        QVERIFY(autoConf.open(QIODevice::Append));
        autoConf.write(QStringLiteral("restore_command = 'cp %1/%f %p'\n"
                                      "recovery_target = 'immediate'\n"
                                      "recovery_target_action = 'promote'\n")
                               .arg(m_archive)
                               .toUtf8());
    }
    QVERIFY(QFile::setPermissions(data, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY_OK(PgCluster::grantToServerUser(scratch));
    Result<ServerAccount> account = ServerAccount::get();
    QVERIFY_OK(account);
    const QString pgCtl = PgCluster::binDir(m_cluster->major()) + QStringLiteral("/pg_ctl");
    auto stopRestored = qScopeGuard([&] {
        (void)account->run(pgCtl,
                           {QStringLiteral("-D"), data, QStringLiteral("-m"),
                            QStringLiteral("immediate"), QStringLiteral("-w"),
                            QStringLiteral("stop")},
                           scratch, 60000);
    });
    // A private socket folder and no TCP, so the port number cannot clash; no archiving, so
    // the copy leaves the source's archive alone.
    Result<QString> started = account->run(
            pgCtl,
            {QStringLiteral("-D"), data, QStringLiteral("-l"), scratch + QStringLiteral("/log"),
             QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("120"),
             QStringLiteral("-o"),
             QStringLiteral("-c port=5432 -c listen_addresses='' -c archive_mode=off "
                            "-c unix_socket_directories=%1")
                     .arg(sock),
             QStringLiteral("start")},
            scratch, 180000);
    if (!started) {
        QFile log(scratch + QStringLiteral("/log"));
        (void)log.open(QIODevice::ReadOnly);
        QFAIL(qPrintable(started.error().toString() + QStringLiteral("\nserver log:\n")
                         + QString::fromUtf8(log.readAll())));
    }
    Result<ConnInfo> restoredInfo
            = ConnInfo::parse(QStringLiteral("host=%1 port=5432 user=%2 dbname=src")
                                      .arg(sock, m_cluster->superuser()));
    QVERIFY_OK(restoredInfo);
    Result<PgConnection> restored = PgConnection::connect(*restoredInfo);
    QVERIFY_OK(restored);
    // Recovery ends with a promotion; wait until it is writable so the check is about data.
    for (int i = 0; i < 100; ++i) {
        Result<QString> inRecovery = restored->scalar(QStringLiteral("SELECT pg_is_in_recovery()"));
        QVERIFY_OK(inRecovery);
        if (*inRecovery == QLatin1String("f"))
            break;
        QTest::qWait(100);
    }
    Result<QString> rows = restored->scalar(QStringLiteral(
            "SELECT (SELECT count(*) FROM t) || ',' || (SELECT sum(id) FROM t) || ','"
            " || (SELECT count(*) FROM in_ts) || ',' || (SELECT sum(length(v)) FROM in_ts)"));
    QVERIFY_OK(rows);
    Result<QString> expected = m_cluster->scalar(
            QStringLiteral(
                    "SELECT (SELECT count(*) FROM t) || ',' || (SELECT sum(id) FROM t) || ','"
                    " || (SELECT count(*) FROM in_ts) || ',' || (SELECT sum(length(v)) FROM "
                    "in_ts)"),
            QStringLiteral("src"));
    QVERIFY_OK(expected);
    QCOMPARE(*rows, *expected);
    Result<QString> location = restored->scalar(QStringLiteral(
            "SELECT pg_tablespace_location(oid) FROM pg_tablespace WHERE spcname = 'ts1'"));
    QVERIFY_OK(location);
    QCOMPARE(*location, ts);
}

void TestBaseBackup::cliBackup()
{
    const QString config = m_work.path() + QStringLiteral("/cli.conf");
    const QStringList global{QStringLiteral("--config"),   config,
                             QStringLiteral("--repo"),     m_repo,
                             QStringLiteral("--conninfo"), m_cluster->conninfo()};
    const CliRun backup
            = runCli(global
                     + QStringList{QStringLiteral("backup"), QStringLiteral("--fast-checkpoint"),
                                   QStringLiteral("--compress-level"), QStringLiteral("5")});
    QVERIFY2(backup.exitCode == 0, qPrintable(backup.describe()));
    const QString id = backup.lastLine();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{8}T\\d{6}Z-base(-\\d+)?$"))
                     .match(id)
                     .hasMatch(),
             qPrintable(backup.describe()));
    Result<BackupManifest> manifest = BackupManifest::load(backupDir(id));
    QVERIFY_OK(manifest);
    QCOMPARE(manifest->options.value(u"compressLevel").toInt(), 5);

    const CliRun usage
            = runCli(global
                     + QStringList{QStringLiteral("backup"), QStringLiteral("--compress-level"),
                                   QStringLiteral("99")});
    QVERIFY2(usage.exitCode == 2, qPrintable(usage.describe()));
}

void TestBaseBackup::verifyChecksTarContents()
{
    const JobOutcome backup = runJob(new BaseBackupJob(options()));
    QVERIFY2(backup.state == Job::State::Succeeded, qPrintable(backup.describe()));
    const QString id = backup.data.value(u"backupId").toString();
    Result<Repository> repository = Repository::open(m_repo);
    QVERIFY_OK(repository);
    Result<BackupEntry> entry = BackupCatalog::find(*repository, id);
    QVERIFY_OK(entry);

    // A fresh backup: every file of both tars (the tablespace's under pg_tblspc/<oid>/ in
    // PostgreSQL's manifest) matches, through VerifyJob with the kind check.
    JobContext context;
    QVERIFY_OK(BaseBackupVerification::check(*entry, context));
    QJsonObject report;
    JobOutcome verified = verifyBackup(*repository, id, &report);
    QVERIFY2(verified.state == Job::State::Succeeded, qPrintable(verified.describe()));
    QCOMPARE(report.value(u"problemCount").toInt(), 0);
    bool checked = false;
    for (const JobProgress &progress : verified.progress)
        checked = checked || progress.phase == QLatin1String("checking");
    QVERIFY(checked);

    // One byte of table t's data file changed inside base.tar, recompressed, and our manifest
    // updated to the new stored file: only the tar walk against backup_manifest can see it.
    Result<QString> relation = m_cluster->scalar(QStringLiteral("SELECT pg_relation_filepath('t')"),
                                                 QStringLiteral("src"));
    QVERIFY_OK(relation);
    const QString scratch = m_cluster->scratchDir() + QStringLiteral("/tamper-") + id;
    QVERIFY(QDir().mkpath(scratch));
    const QString tarPath = scratch + QStringLiteral("/base.tar");
    const QString stored = entry->path + QStringLiteral("/base.tar.zst");
    QVERIFY_OK(decompress(stored, tarPath));
    // GNU tar's --block-number names the 512-byte block of each member's header.
    const CliRun blocks = run(QStringLiteral("tar"),
                              {QStringLiteral("--block-number"), QStringLiteral("-tf"), tarPath});
    QVERIFY2(blocks.exitCode == 0, qPrintable(blocks.describe()));
    const QRegularExpressionMatch match
            = QRegularExpression(QStringLiteral("^block (\\d+): %1$")
                                         .arg(QRegularExpression::escape(*relation)),
                                 QRegularExpression::MultilineOption)
                      .match(QString::fromUtf8(blocks.out));
    QVERIFY2(match.hasMatch(), qPrintable(*relation));
    {
        QFile tar(tarPath);
        QVERIFY(tar.open(QIODevice::ReadWrite));
        // Inside the first page's data, past its header: the member's data follows its header.
        const qint64 offset = (match.captured(1).toLongLong() + 1) * 512 + 4000;
        QVERIFY(tar.seek(offset));
        const QByteArray original = tar.read(1);
        QCOMPARE(original.size(), 1);
        QVERIFY(tar.seek(offset));
        QCOMPARE(tar.write(QByteArray(1, char(original.at(0) ^ 0x5A))), qint64(1));
    }
    Result<StoredFile> rewritten = compressInto(tarPath, stored, QStringLiteral("base.tar.zst"));
    QVERIFY_OK(rewritten);
    Result<BackupManifest> manifest = BackupManifest::load(entry->path);
    QVERIFY_OK(manifest);
    bool replaced = false;
    for (StoredFile &file : manifest->files) {
        if (file.name == rewritten->name) {
            file = *rewritten;
            replaced = true;
        }
    }
    QVERIFY(replaced);
    QVERIFY_OK(JsonFile::write(entry->path + QLatin1Char('/')
                                       + QLatin1String(BackupManifest::FileName),
                               manifest->toJson()));

    verified = verifyBackup(*repository, id, &report);
    QCOMPARE(verified.state, Job::State::Failed);
    QVERIFY2(verified.error->code() == ErrorCode::Corrupt, qPrintable(verified.describe()));
    const QStringList problems = problemMessages(report);
    QCOMPARE(problems.size(), 1);
    // Names the stored archive and the path inside it, and nothing else is reported.
    QVERIFY2(problems.first().contains(*relation + QStringLiteral(" in "))
                     && problems.first().contains(QLatin1String("base.tar.zst"))
                     && problems.first().contains(QLatin1String("checksum")),
             qPrintable(problems.first()));
    QVERIFY2(!problems.first().contains(QLatin1String(";")), qPrintable(problems.first()));
}

void TestBaseBackup::noReplicationPrivilege()
{
    QVERIFY_OK(m_cluster->execute(QStringLiteral("CREATE ROLE norep LOGIN")));
    const QStringList before = backupFolders();
    BaseBackupOptions opts = options();
    opts.server = *ConnInfo::parse(
            m_cluster->conninfo(QStringLiteral("postgres"), QStringLiteral("norep")));
    const JobOutcome outcome = runJob(new BaseBackupJob(opts));
    QCOMPARE(outcome.state, Job::State::Failed);
    QVERIFY2(outcome.error->code() == ErrorCode::PermissionDenied, qPrintable(outcome.describe()));
    QVERIFY2(outcome.error->message().contains(QLatin1String("norep"))
                     && outcome.error->message().contains(QLatin1String("REPLICATION")),
             qPrintable(outcome.describe()));
    QCOMPARE(backupFolders(), before);
}

void TestBaseBackup::walSettingsAreNamed()
{
    PgClusterOptions clusterOptions;
    clusterOptions.settings = {{QStringLiteral("wal_level"), QStringLiteral("minimal")},
                               {QStringLiteral("max_wal_senders"), QStringLiteral("0")}};
    PgCluster cluster(clusterOptions);
    QVERIFY_OK(cluster.start());
    const QStringList before = backupFolders();
    BaseBackupOptions opts = options();
    opts.server = *ConnInfo::parse(cluster.conninfo());
    JobOutcome outcome = runJob(new BaseBackupJob(opts));
    QCOMPARE(outcome.state, Job::State::Failed);
    QVERIFY2(outcome.error->message().contains(QLatin1String("wal_level")),
             qPrintable(outcome.describe()));

    QVERIFY_OK(cluster.setSetting(QStringLiteral("wal_level"), QStringLiteral("replica")));
    QVERIFY_OK(cluster.restart());
    outcome = runJob(new BaseBackupJob(opts));
    QCOMPARE(outcome.state, Job::State::Failed);
    QVERIFY2(outcome.error->message().contains(QLatin1String("max_wal_senders")),
             qPrintable(outcome.describe()));
    QCOMPARE(backupFolders(), before);
}

void TestBaseBackup::secondWriterIsLocked()
{
    const QStringList before = backupFolders();
    bool triggered = false;
    std::optional<JobOutcome> second;
    const JobOutcome first
            = runJob(new BaseBackupJob(options()), [&](Job &job, const JobProgress &p) {
                  if (!triggered && p.phase == QLatin1String("copying")) {
                      triggered = true;
                      second = runJob(new BaseBackupJob(options()));
                      job.cancel();
                  }
              });
    QVERIFY(second);
    QCOMPARE(second->state, Job::State::Failed);
    QVERIFY2(second->error->code() == ErrorCode::Locked, qPrintable(second->describe()));
    QVERIFY2(second->error->message().contains(QLatin1String("locked by pid")),
             qPrintable(second->error->message()));
    QCOMPARE(first.state, Job::State::Cancelled);
    QCOMPARE(backupFolders(), before);
}

void TestBaseBackup::cancelLeavesNothing()
{
    const QStringList before = backupFolders();
    bool cancelled = false;
    const JobOutcome outcome
            = runJob(new BaseBackupJob(options()), [&](Job &job, const JobProgress &p) {
                  if (!cancelled && p.phase == QLatin1String("copying")) {
                      cancelled = true;
                      job.cancel();
                  }
              });
    QVERIFY(cancelled);
    QCOMPARE(outcome.state, Job::State::Cancelled);
    QCOMPARE(backupFolders(), before);
    // The server ended its side too: the next backup starts at once and succeeds.
    const JobOutcome next = runJob(new BaseBackupJob(options()));
    QVERIFY2(next.state == Job::State::Succeeded, qPrintable(next.describe()));
}

void TestBaseBackup::killedServerLeavesNoBackup()
{
    const QStringList before = backupFolders();
    bool killed = false;
    const JobOutcome outcome
            = runJob(new BaseBackupJob(options()), [&](Job &, const JobProgress &p) {
                  if (!killed && p.phase == QLatin1String("copying")) {
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

QTEST_GUILESS_MAIN(TestBaseBackup)
#include "tst_basebackup.moc"
