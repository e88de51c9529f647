// `list` and `verify` in-process, over repositories whose backups the test writes directly
// with BackupWriter (no server needed).

#include "CliHarness.h"
#include "TestUtil.h"

#include "backup/BackupId.h"
#include "backup/BackupWriter.h"
#include "physical/BaseBackupDetails.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault;
using namespace PgVault::Test;

namespace {
constexpr quint64 SystemId = 7311111111111111111ULL;

QByteArray sample(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char((i * 7919) % 251);
    return data;
}

// The smallest base backup the base kind check accepts: one empty tar (just tar's end marker)
// and a PostgreSQL backup_manifest listing no files, with its own checksum as the server
// writes it (SHA-256 of every line before the last).
Status storeEmptyBaseBackup(BackupWriter &writer, BackupManifest &m)
{
    const QByteArray head = "{ \"PostgreSQL-Backup-Manifest-Version\": 1,\n\"Files\": [\n],\n"
                            "\"WAL-Ranges\": [\n{ \"Timeline\": 1, \"Start-LSN\": "
                            "\"0/2000028\", \"End-LSN\": \"0/2000100\" }\n],\n";
    const QByteArray pgManifest
            = head + "\"Manifest-Checksum\": \""
              + QCryptographicHash::hash(head, QCryptographicHash::Sha256).toHex() + "\"}\n";
    const Result<StoredFile> tar
            = writer.storeSmallFile(QStringLiteral("base.tar.zst"), QByteArray(1024, '\0'));
    if (!tar)
        return tar.error();
    const Result<StoredFile> manifest
            = writer.storeSmallFile(QStringLiteral("backup_manifest.zst"), pgManifest);
    if (!manifest)
        return manifest.error();
    BaseBackupDetails details;
    details.startLsn = QStringLiteral("0/2000028");
    details.stopLsn = QStringLiteral("0/2000100");
    details.firstWalSegment = QStringLiteral("000000010000000000000002");
    details.lastWalSegment = details.firstWalSegment;
    details.systemIdentifier = SystemId;
    details.archives.append(BaseBackupArchive{
            QStringLiteral("base.tar"), QStringLiteral("base.tar.zst"), 0, {}, -1, 1024, 0});
    details.backupManifestFile = QStringLiteral("backup_manifest.zst");
    m.details = details.toJson();
    return {};
}

// A backup of synthetic files: fine for checksums and listing, but its "archives" are no
// pg_dump archives, so a dump's kind check (pg_restore --list) refuses them. A base backup
// without databases is a valid (empty) one.
Result<BackupManifest> makeBackup(const Repository &repo, const QStringList &databases,
                                  BackupKind kind = BackupKind::Dump)
{
    auto writer = BackupWriter::begin(repo, SystemId, kind, QStringLiteral("test"));
    if (!writer)
        return writer.error();
    for (qsizetype i = 0; i < databases.size(); ++i) {
        const Result<StoredFile> f = (*writer)->storeSmallFile(
                QStringLiteral("db-%1.dump.zst").arg(i + 1), sample(200000 + i));
        if (!f)
            return f.error();
    }
    BackupManifest m;
    if (kind == BackupKind::Base && databases.isEmpty()) {
        if (Status s = storeEmptyBaseBackup(**writer, m); !s)
            return s.error();
    }
    m.serverVersion = QStringLiteral("15.18");
    m.serverVersionNum = 150018;
    m.toolVersion = QStringLiteral("pg_dump (PostgreSQL) 15.18");
    m.databases = databases;
    return (*writer)->commit(m);
}
} // namespace

class TestCliBackups : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Repository> m_repo;

    QString repoPath() const { return m_repo->path(); }
    QString config() const { return m_dir.filePath(QStringLiteral("pgvault.conf")); }
    CliResult run(QStringList arguments)
    {
        arguments << QStringLiteral("--config") << config();
        return runInProcess(arguments);
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.filePath(QStringLiteral("repo"))).removeRecursively();
        Result<Repository> r = Repository::create(m_dir.filePath(QStringLiteral("repo")));
        QVERIFY_OK(r);
        m_repo = *r;
    }

    void listEmptyRepository()
    {
        CliResult r = run({QStringLiteral("list"), QStringLiteral("--repo"), repoPath()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("There are no backups in %1.").arg(repoPath())),
                 qPrintable(r.describe()));

        r = run({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("--repo"),
                 repoPath()});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject result = r.result();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QVERIFY(result.value(QStringLiteral("backups")).isArray());
        QVERIFY(result.value(QStringLiteral("backups")).toArray().isEmpty());
    }

    void absentRepository()
    {
        const QString missing = m_dir.filePath(QStringLiteral("nothing-here"));
        for (const QString &command : {QStringLiteral("list"), QStringLiteral("verify")}) {
            const CliResult r = run({command, QStringLiteral("--repo"), missing});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("there is no repository at %1").arg(missing)),
                     qPrintable(r.describe()));
            QVERIFY(!QFileInfo::exists(missing)); // never created by a reader
        }
    }

    void listCompleteAndDebris()
    {
        const Result<BackupManifest> dump
                = makeBackup(*m_repo, {QStringLiteral("shop"), QStringLiteral("crm")});
        QVERIFY_OK(dump);
        const QString debris = QStringLiteral("20200101T000000Z-base");
        QVERIFY(QDir().mkpath(m_repo->backupsPath(SystemId) + QLatin1Char('/') + debris));

        CliResult r = run({QStringLiteral("list"), QStringLiteral("--repo"), repoPath()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("ID")), qPrintable(r.out));
        for (const char *header :
             {"KIND", "DATABASES", "VERSION", "STARTED", "DURATION", "RAW", "STORED", "STATE"})
            QVERIFY2(lines.at(0).contains(QLatin1String(header)), header);
        // Oldest first: the debris folder's id is from 2020.
        QVERIFY(lines.at(1).startsWith(debris));
        QVERIFY2(lines.at(1).contains(QStringLiteral("incomplete, not restorable")),
                 qPrintable(lines.at(1)));
        QVERIFY(lines.at(2).startsWith(dump->id));
        QVERIFY(lines.at(2).contains(QStringLiteral("shop, crm")));
        QVERIFY(lines.at(2).contains(QStringLiteral("15.18")));
        QVERIFY(lines.at(2).contains(QStringLiteral("KiB")));
        QVERIFY(lines.at(2).endsWith(QStringLiteral("complete")));
        // Aligned: every column starts at the same place in every line.
        const qsizetype kindColumn = lines.at(0).indexOf(QStringLiteral("KIND"));
        QCOMPARE(lines.at(1).indexOf(QStringLiteral("base"), debris.size()), kindColumn);
        QCOMPARE(lines.at(2).indexOf(QStringLiteral("dump"), dump->id.size()), kindColumn);

        r = run({QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--repo"),
                 repoPath()});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject result = r.result();
        QCOMPARE(result.value(QStringLiteral("repository")).toString(), repoPath());
        const QJsonArray backups = result.value(QStringLiteral("backups")).toArray();
        QCOMPARE(backups.size(), 2);

        const QJsonObject d = backups.at(0).toObject();
        QCOMPARE(d.value(QStringLiteral("id")).toString(), debris);
        QCOMPARE(d.value(QStringLiteral("state")).toString(), QStringLiteral("debris"));
        QCOMPARE(d.value(QStringLiteral("restorable")).toBool(), false);
        QCOMPARE(d.value(QStringLiteral("kind")).toString(), QStringLiteral("base"));
        QCOMPARE(d.value(QStringLiteral("startedAt")).toString(),
                 QStringLiteral("2020-01-01T00:00:00.000Z"));

        const QJsonObject c = backups.at(1).toObject();
        QCOMPARE(c.value(QStringLiteral("id")).toString(), dump->id);
        QCOMPARE(c.value(QStringLiteral("systemIdentifier")).toString(),
                 QStringLiteral("7311111111111111111"));
        QCOMPARE(c.value(QStringLiteral("kind")).toString(), QStringLiteral("dump"));
        QCOMPARE(c.value(QStringLiteral("state")).toString(), QStringLiteral("complete"));
        QCOMPARE(c.value(QStringLiteral("restorable")).toBool(), true);
        QCOMPARE(c.value(QStringLiteral("databases")).toArray(),
                 (QJsonArray{QStringLiteral("shop"), QStringLiteral("crm")}));
        QCOMPARE(c.value(QStringLiteral("serverVersion")).toString(), QStringLiteral("15.18"));
        QCOMPARE(c.value(QStringLiteral("serverVersionNum")).toInt(), 150018);
        QCOMPARE(c.value(QStringLiteral("toolVersion")).toString(),
                 QStringLiteral("pg_dump (PostgreSQL) 15.18"));
        QCOMPARE(c.value(QStringLiteral("rawSize")).toInteger(), dump->rawSize());
        QCOMPARE(c.value(QStringLiteral("storedSize")).toInteger(), dump->storedSize());
        QCOMPARE(c.value(QStringLiteral("fileCount")).toInt(), 2);
        QCOMPARE(c.value(QStringLiteral("startedAt")).toString(),
                 dump->startedAt.toString(Qt::ISODateWithMs));
        QCOMPARE(c.value(QStringLiteral("finishedAt")).toString(),
                 dump->finishedAt.toString(Qt::ISODateWithMs));
        QVERIFY(c.value(QStringLiteral("durationSeconds")).toDouble() >= 0.0);
        QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
        QVERIFY(c.value(QStringLiteral("options")).isObject());
    }

    void listDamagedManifest()
    {
        const Result<BackupManifest> dump = makeBackup(*m_repo, {QStringLiteral("shop")});
        QVERIFY_OK(dump);
        const QString manifest = m_repo->backupsPath(SystemId) + QLatin1Char('/') + dump->id
                                 + QStringLiteral("/manifest.json");
        QFile f(manifest);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("not json");
        f.close();
        const CliResult r = run({QStringLiteral("list"), QStringLiteral("--repo"), repoPath()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("damaged, not restorable")), qPrintable(r.out));
        QVERIFY2(r.out.contains(manifest), qPrintable(r.out)); // the note says which file
    }

    void verifyOk()
    {
        // Base kind: the checksums, the zstd frames and the base kind check (an empty tar).
        const Result<BackupManifest> dump = makeBackup(*m_repo, {}, BackupKind::Base);
        QVERIFY_OK(dump);
        for (const QStringList &args :
             {QStringList{QStringLiteral("verify")},
              QStringList{QStringLiteral("verify"), QStringLiteral("--all")},
              QStringList{QStringLiteral("verify"), dump->id}}) {
            const CliResult r = run(args + QStringList{QStringLiteral("--repo"), repoPath()});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            QVERIFY2(r.out.contains(QStringLiteral("%1: OK").arg(dump->id)), qPrintable(r.out));
            QVERIFY2(r.out.contains(QStringLiteral("1 backup(s) verified, no problems found.")),
                     qPrintable(r.out));
        }
        const CliResult json = run({QStringLiteral("--json"), QStringLiteral("verify"),
                                    QStringLiteral("--repo"), repoPath()});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject result = json.result();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(result.value(QStringLiteral("verified")).toInt(), 1);
        QCOMPARE(result.value(QStringLiteral("backups"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("ok")),
                 QJsonValue(true));
    }

    void verifyRefusesADumpPgRestoreCannotRead()
    {
        // Checksums are right, but nothing describes the archives (the manifest lacks a dump's
        // details): the dump kind check must refuse it.
        const Result<BackupManifest> dump = makeBackup(*m_repo, {QStringLiteral("shop")});
        QVERIFY_OK(dump);
        const CliResult r
                = run({QStringLiteral("verify"), dump->id, QStringLiteral("--repo"), repoPath()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(dump->id), qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("manifest.json is damaged")),
                 qPrintable(r.describe()));
    }

    void verifyDamagedNamesTheFile()
    {
        const Result<BackupManifest> dump = makeBackup(*m_repo, {QStringLiteral("shop")});
        QVERIFY_OK(dump);
        const QString name = QStringLiteral("db-1.dump.zst");
        QFile f(m_repo->backupsPath(SystemId) + QLatin1Char('/') + dump->id + QLatin1Char('/')
                + name);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(200));
        QVERIFY(f.write("XYZ") == 3);
        f.close();

        const QString relative
                = QStringLiteral("servers/%1/backups/%2/%3").arg(SystemId).arg(dump->id, name);
        CliResult r
                = run({QStringLiteral("verify"), dump->id, QStringLiteral("--repo"), repoPath()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(relative), qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("checksum")), qPrintable(r.describe()));

        r = run({QStringLiteral("--json"), QStringLiteral("verify"), QStringLiteral("--repo"),
                 repoPath()});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject result = r.result();
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        const QJsonObject error = result.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("corrupt"));
        QVERIFY(error.value(QStringLiteral("message")).toString().contains(relative));
    }

    void verifyDebris()
    {
        QVERIFY_OK(makeBackup(*m_repo, {QStringLiteral("shop")}));
        const QString debris = QStringLiteral("20200101T000000Z-dump");
        QVERIFY(QDir().mkpath(m_repo->backupsPath(SystemId) + QLatin1Char('/') + debris));
        const CliResult r = run({QStringLiteral("verify"), QStringLiteral("--repo"), repoPath()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("servers/%1/backups/%2").arg(SystemId).arg(debris)),
                 qPrintable(r.describe()));
    }

    void verifyUnknownId()
    {
        const CliResult r = run({QStringLiteral("verify"), QStringLiteral("20990101T000000Z-dump"),
                                 QStringLiteral("--repo"), repoPath()});
        QVERIFY2(r.exitCode == 1 || r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("there is no backup 20990101T000000Z-dump")),
                 qPrintable(r.describe()));
    }

    void verifyIdAndAllIsAUsageError()
    {
        const CliResult r = run({QStringLiteral("verify"), QStringLiteral("x"),
                                 QStringLiteral("--all"), QStringLiteral("--repo"), repoPath()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("not both")), qPrintable(r.describe()));
    }

    void helpListsTheCommands()
    {
        CliResult r = runInProcess({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("\n  list ")));
        QVERIFY(r.out.contains(QStringLiteral("\n  verify ")));
        r = runInProcess({QStringLiteral("verify"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: pgvault-cli verify [ID | --all]\n")),
                 qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCliBackups)
#include "tst_cli_backups.moc"
