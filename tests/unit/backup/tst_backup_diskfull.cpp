// A backup that fills the disk: DiskFull naming the place, the half-written backup removed,
// the earlier backup in the same repository untouched and still verifying.
//
// The full disk is a 1 MiB tmpfs mounted in a private user + mount namespace
// (`unshare -rm`), so no privileges are needed and nothing is left mounted. The test re-runs
// this binary inside the namespace (--in-namespace DIR), because the tmpfs exists only there;
// the child prints one line per failed check and exits 1 when there was any.

#include "BackupTestUtil.h"
#include "TestUtil.h"
#include "backup/VerifyJob.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace PgVault;
using namespace PgVault::Test;

namespace {

constexpr quint64 SystemId = 7300000000000000001ULL;

// The shell step that mounts the tmpfs on $1 and then runs "$2" "$3" "$1".
const QString MountScript
        = QStringLiteral("mount -t tmpfs -o size=1m none \"$1\" && exec \"$2\" \"$3\" \"$1\"");

QStringList unshareArguments(const QString &mountPoint, const QString &program,
                             const QString &option)
{
    return {QStringLiteral("-rm"),
            QStringLiteral("sh"),
            QStringLiteral("-c"),
            MountScript,
            QStringLiteral("sh"),
            mountPoint,
            program,
            option};
}

int failures = 0;

void check(bool ok, const QString &what)
{
    if (ok)
        return;
    ++failures;
    std::printf("FAIL: %s\n", qPrintable(what));
    std::fflush(stdout);
}

// Runs inside the namespace, on the 1 MiB tmpfs mounted at `mountPoint`.
int runInNamespace(const QString &mountPoint)
{
    Result<Repository> repo = Repository::create(mountPoint + QStringLiteral("/repo"));
    if (!repo) {
        std::printf("FAIL: create repository: %s\n", qPrintable(repo.error().toString()));
        return 1;
    }
    const Result<BackupManifest> earlier
            = makeBackup(*repo, SystemId, BackupKind::Dump,
                         {{QStringLiteral("small.zst"), sampleData(20000, 1)}});
    if (!earlier) {
        std::printf("FAIL: earlier backup: %s\n", qPrintable(earlier.error().toString()));
        return 1;
    }

    auto writer = BackupWriter::begin(*repo, SystemId, BackupKind::Dump, QStringLiteral("dump"));
    if (!writer) {
        std::printf("FAIL: begin: %s\n", qPrintable(writer.error().toString()));
        return 1;
    }
    const QString path = (*writer)->path();
    auto file = (*writer)->createFile(QStringLiteral("big.zst"), {});
    check(file.ok(), QStringLiteral("createFile"));
    if (!file)
        return 1;
    // 2 MiB that zstd cannot shrink, into 1 MiB of space.
    const QByteArray data = randomData(2 * 1024 * 1024, 7);
    std::optional<Error> failure;
    for (qsizetype pos = 0; pos < data.size() && !failure; pos += 65536) {
        if (Status s = (*file)->write(chunkOf(data, pos, 65536)); !s)
            failure = s.error();
    }
    if (!failure) {
        if (Result<StoredFile> done = (*file)->finish(); !done)
            failure = done.error();
    }
    check(failure.has_value(), QStringLiteral("writing 2 MiB into 1 MiB did not fail"));
    if (failure) {
        check(failure->code() == ErrorCode::DiskFull,
              QStringLiteral("error code %1, not disk-full: %2")
                      .arg(Error::codeName(failure->code()), failure->toString()));
        check(failure->message().contains(QStringLiteral("no space left on %1").arg(path)),
              QStringLiteral("message does not name the backup folder: %1")
                      .arg(failure->message()));
        std::printf("error: %s\n", qPrintable(failure->message()));
    }
    // A failed file stays failed.
    check(!(*file)->write("more"), QStringLiteral("a failed file accepted more data"));

    // What a dump does on failure: abandon the backup.
    file->reset();
    writer->reset();
    check(!QFileInfo::exists(path), QStringLiteral("%1 still exists").arg(path));
    const QStringList left
            = QDir(repo->backupsPath(SystemId))
                      .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    check(left == QStringList{earlier->id},
          QStringLiteral("backups/ holds %1").arg(left.join(QStringLiteral(", "))));

    // The earlier backup verifies, and the freed space takes a new small backup.
    VerifyJob job(*repo);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    check(job.isFinished() || finished.wait(60000), QStringLiteral("verify did not finish"));
    check(job.state() == Job::State::Succeeded,
          QStringLiteral("verify: %1").arg(job.error() ? job.error()->toString() : QString()));
    check(job.resultData().value(QStringLiteral("verified")).toInt() == 1,
          QStringLiteral("verify did not verify the earlier backup"));
    const Result<BackupManifest> after = makeBackup(
            *repo, SystemId, BackupKind::Dump, {{QStringLiteral("a.zst"), sampleData(1000, 2)}});
    check(after.ok(), QStringLiteral("a small backup after the failure: %1")
                              .arg(after ? QString() : after.error().toString()));

    if (failures == 0)
        std::printf("diskfull-ok\n");
    return failures == 0 ? 0 : 1;
}

} // namespace

class TestBackupDiskFull : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDiskRemovesTheBackup()
    {
        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        QTemporaryDir mountPoint;
        QVERIFY(mountPoint.isValid());

        // Can this machine give us a private tmpfs? (Needs unprivileged user namespaces.)
        QString reason;
        if (unshare.isEmpty()) {
            reason = QStringLiteral("unshare (util-linux) is not installed");
        } else {
            QProcess probe;
            probe.start(unshare, unshareArguments(mountPoint.path(), QStringLiteral("/bin/true"),
                                                  QStringLiteral("--probe")));
            if (!probe.waitForFinished(30000) || probe.exitStatus() != QProcess::NormalExit
                || probe.exitCode() != 0)
                reason = QStringLiteral("cannot mount a tmpfs in a private user namespace "
                                        "(unshare -rm): %1")
                                 .arg(QString::fromLocal8Bit(probe.readAllStandardError())
                                              .trimmed());
        }
        REQUIRE_OR_FAIL(reason.isEmpty(), reason);

        QProcess child;
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(unshare,
                    unshareArguments(mountPoint.path(), QCoreApplication::applicationFilePath(),
                                     QStringLiteral("--in-namespace")));
        QVERIFY(child.waitForFinished(240000));
        const QString output = QString::fromLocal8Bit(child.readAll());
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("diskfull-ok")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("no space left on")), qPrintable(output));
        // The tmpfs was private to the child: nothing is mounted here.
        QVERIFY(QDir(mountPoint.path()).isEmpty());
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--in-namespace") == 0)
        return runInNamespace(QString::fromLocal8Bit(argv[2]));
    TestBackupDiskFull test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_backup_diskfull.moc"
