// DeleteBackupJob: deletes one backup and leaves the others verifiable; refused while a writer
// holds the lock and for unknown ids; debris and leftovers of an interrupted delete are listed
// as debris and can be removed.

#include "BackupTestUtil.h"
#include "TestUtil.h"
#include "backup/BackupCatalog.h"
#include "backup/DeleteBackupJob.h"
#include "backup/VerifyJob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault;
using namespace PgVault::Test;

namespace {
constexpr quint64 SystemId = 7300000000000000001ULL;

// Runs a job to its end; false when it did not finish in time.
bool run(ThreadedJob &job)
{
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    return job.isFinished() || finished.wait(60000);
}

QString describe(const Job &job)
{
    return Job::stateName(job.state())
           + (job.error() ? QStringLiteral(": ") + job.error()->toString() : QString());
}
} // namespace

class TestDeleteBackup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Repository> m_repo;
    const Repository &repo() const { return *m_repo; }
    QString backups() const { return repo().backupsPath(SystemId); }

    QStringList listedIds() const
    {
        QStringList ids;
        const Result<QList<BackupEntry>> entries = BackupCatalog::scan(repo(), SystemId);
        if (entries) {
            for (const BackupEntry &entry : *entries)
                ids.append(entry.id);
        }
        return ids;
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        Result<Repository> r = Repository::create(m_dir.filePath(QStringLiteral("repo")));
        QVERIFY_OK(r);
        m_repo = *r;
    }

    void deletesACompleteBackup()
    {
        const auto keep1 = makeBackup(repo(), SystemId, BackupKind::Dump,
                                      {{QStringLiteral("db-1.zst"), sampleData(200000, 1)}});
        QVERIFY_OK(keep1);
        const auto victim = makeBackup(repo(), SystemId, BackupKind::Dump,
                                       {{QStringLiteral("db-1.zst"), sampleData(700000, 2)},
                                        {QStringLiteral("sub/db-2.zst"), sampleData(90000, 3)},
                                        {QStringLiteral("empty.zst"), QByteArray()}});
        QVERIFY_OK(victim);
        const auto keep2 = makeBackup(repo(), SystemId + 1, BackupKind::Base,
                                      {{QStringLiteral("base.zst"), sampleData(100000, 4)}});
        QVERIFY_OK(keep2);

        DeleteBackupJob job(repo(), victim->id);
        QCOMPARE(job.kind(), QStringLiteral("delete-backup"));
        QVERIFY(run(job));
        QVERIFY2(job.state() == Job::State::Succeeded, qPrintable(describe(job)));
        // Every file counted, with its stored size.
        QCOMPARE(job.resultData().value(QStringLiteral("files")).toInteger(),
                 victim->files.size() + 1); // + manifest.json
        QVERIFY(job.resultData().value(QStringLiteral("bytes")).toInteger() > victim->storedSize());
        QCOMPARE(job.progress().itemsDone, job.progress().itemsTotal);
        QCOMPARE(job.progress().bytesDone, job.progress().bytesTotal);

        // Gone from disk (no hidden leftover either) and from the list; the others stay.
        QCOMPARE(QDir(backups()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{keep1->id});
        QCOMPARE(listedIds(), QStringList{keep1->id});
        const auto found = BackupCatalog::find(repo(), victim->id);
        QVERIFY(!found);
        QCOMPARE(found.error().code(), ErrorCode::NotFound);

        VerifyJob verify(repo());
        QVERIFY(run(verify));
        QVERIFY2(verify.state() == Job::State::Succeeded, qPrintable(describe(verify)));
        QCOMPARE(verify.report().value(QStringLiteral("verified")).toInt(), 2);
    }

    void refusedWhileAWriterHoldsTheLock()
    {
        const auto complete = makeBackup(repo(), SystemId, BackupKind::Dump,
                                         {{QStringLiteral("a.zst"), sampleData(5000, 1)}});
        QVERIFY_OK(complete);
        auto writer = BackupWriter::begin(repo(), SystemId, BackupKind::Dump,
                                          QStringLiteral("a test dump"));
        QVERIFY_OK(writer);

        // Neither a complete backup nor the one being written may go while it writes.
        for (const QString &id : {complete->id, (*writer)->id()}) {
            DeleteBackupJob job(repo(), id);
            QVERIFY(run(job));
            QCOMPARE(job.state(), Job::State::Failed);
            QCOMPARE(job.error()->code(), ErrorCode::Locked);
            QVERIFY2(job.error()->message().contains(QStringLiteral("locked by pid")),
                     qPrintable(job.error()->message()));
            QVERIFY(job.error()->message().contains(QStringLiteral("a test dump")));
        }
        QVERIFY(QFileInfo::exists(backups() + QLatin1Char('/') + complete->id
                                  + QStringLiteral("/manifest.json")));
        QVERIFY(QFileInfo(backups() + QLatin1Char('/') + (*writer)->id()).isDir());
        QVERIFY_OK((*writer)->commit({}));
        QCOMPARE(listedIds().size(), 2);
    }

    void unknownId()
    {
        QVERIFY_OK(makeBackup(repo(), SystemId, BackupKind::Dump, {}));
        for (const QString &id : {QStringLiteral("20990101T000000Z-dump"), QStringLiteral(".."),
                                  QStringLiteral("../backups"), QString()}) {
            DeleteBackupJob job(repo(), id);
            QVERIFY(run(job));
            QCOMPARE(job.state(), Job::State::Failed);
            QCOMPARE(job.error()->code(), ErrorCode::NotFound);
        }
        QCOMPARE(listedIds().size(), 1);
    }

    void debrisAndLeftoversOfAnInterruptedDelete()
    {
        const auto complete = makeBackup(repo(), SystemId, BackupKind::Dump,
                                         {{QStringLiteral("a.zst"), sampleData(5000, 1)}});
        QVERIFY_OK(complete);
        // A delete that crashed after its rename: the manifest is still inside, intact.
        const auto interrupted = makeBackup(repo(), SystemId, BackupKind::Dump,
                                            {{QStringLiteral("b.zst"), sampleData(5000, 2)}});
        QVERIFY_OK(interrupted);
        const QString leftover = QStringLiteral(".deleting-") + interrupted->id;
        QVERIFY(QDir(backups()).rename(interrupted->id, leftover));
        // A crashed backup: no manifest.
        const QString debris = QStringLiteral("20200101T000000Z-base");
        QVERIFY(QDir().mkpath(backups() + QLatin1Char('/') + debris + QStringLiteral("/sub")));
        QFile file(backups() + QLatin1Char('/') + debris + QStringLiteral("/sub/x"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("partial") == 7);
        file.close();
        // A link out of the repository is removed, never followed.
        const QString outside = m_dir.filePath(QStringLiteral("outside.txt"));
        QVERIFY(QFile(outside).open(QIODevice::WriteOnly));
        QVERIFY(QFile::link(outside,
                            backups() + QLatin1Char('/') + debris + QStringLiteral("/sub/link")));
        QVERIFY(QFile::link(m_dir.path(),
                            backups() + QLatin1Char('/') + debris + QStringLiteral("/dirlink")));

        // Both are debris, never a backup; verify reports them.
        const auto entries = BackupCatalog::scan(repo(), SystemId);
        QVERIFY_OK(entries);
        QCOMPARE(entries->size(), 3);
        for (const BackupEntry &entry : *entries) {
            if (entry.id == complete->id)
                continue;
            QVERIFY2(entry.state == BackupEntry::State::Debris, qPrintable(entry.id));
            QVERIFY(!entry.manifest);
            QVERIFY(!entry.isRestorable());
        }
        QVERIFY(BackupCatalog::isDeletionLeftover(leftover));
        QVERIFY(!BackupCatalog::isDeletionLeftover(debris));
        VerifyJob verify(repo());
        QVERIFY(run(verify));
        QCOMPARE(verify.state(), Job::State::Failed);
        QCOMPARE(verify.report().value(QStringLiteral("problemCount")).toInt(), 2);
        QVERIFY2(verify.error()->detail().contains(QStringLiteral("deletion was interrupted")),
                 qPrintable(verify.error()->detail()));

        // The same job removes both.
        for (const QString &id : {leftover, debris}) {
            DeleteBackupJob job(repo(), id);
            QVERIFY(run(job));
            QVERIFY2(job.state() == Job::State::Succeeded, qPrintable(describe(job)));
        }
        QCOMPARE(QDir(backups()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{complete->id});
        QVERIFY(QFileInfo::exists(outside));
        VerifyJob again(repo());
        QVERIFY(run(again));
        QVERIFY2(again.state() == Job::State::Succeeded, qPrintable(describe(again)));
    }
};

QTEST_GUILESS_MAIN(TestDeleteBackup)
#include "tst_deletebackup.moc"
