// VerifyJob against real damage: flipped bytes, truncation, missing files, lost and damaged
// manifests; kind checks; cancel.

#include "BackupTestUtil.h"
#include "TestUtil.h"
#include "backup/VerifyJob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace PgVault;
using namespace PgVault::Test;

namespace {
constexpr quint64 SystemId = 7300000000000000001ULL;

QString problemsText(const QJsonObject &report)
{
    QStringList lines;
    const QJsonArray backups = report.value(QStringLiteral("backups")).toArray();
    for (const QJsonValue &b : backups) {
        const QJsonArray problems = b.toObject().value(QStringLiteral("problems")).toArray();
        for (const QJsonValue &p : problems)
            lines.append(p.toObject().value(QStringLiteral("file")).toString()
                         + QStringLiteral(": ")
                         + p.toObject().value(QStringLiteral("message")).toString());
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

class TestVerifyJob : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Repository> m_repo;
    BackupManifest m_backup;

    const Repository &repo() const { return *m_repo; }
    QString storedPath(const QString &name) const
    {
        return repo().backupsPath(SystemId) + QLatin1Char('/') + m_backup.id + QLatin1Char('/')
               + name;
    }
    QString relative(const QString &name) const
    {
        return QStringLiteral("servers/%1/backups/%2/%3").arg(SystemId).arg(m_backup.id, name);
    }

    // Runs the job to its end; false when it did not finish in time.
    static bool run(VerifyJob &job)
    {
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        return job.isFinished() || finished.wait(120000);
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        Result<Repository> r = Repository::create(m_dir.filePath(QStringLiteral("repo")));
        QVERIFY_OK(r);
        m_repo = *r;
        const Result<BackupManifest> b
                = makeBackup(repo(), SystemId, BackupKind::Dump,
                             {{QStringLiteral("db-1.zst"), sampleData(2 * 1024 * 1024, 1)},
                              {QStringLiteral("sub/db-2.zst"), sampleData(300000, 2)},
                              {QStringLiteral("empty.zst"), QByteArray()}});
        QVERIFY_OK(b);
        m_backup = *b;
    }

    void cleanBackupPasses()
    {
        VerifyJob job(repo(), m_backup.id);
        QVERIFY(run(job));
        QVERIFY2(job.state() == Job::State::Succeeded,
                 job.error() ? qPrintable(job.error()->toString()) : "");
        const QJsonObject result = job.resultData();
        QCOMPARE(result, job.report());
        QCOMPARE(result.value(QStringLiteral("verified")).toInt(), 1);
        QCOMPARE(result.value(QStringLiteral("problemCount")).toInt(), 0);
        QCOMPARE(result.value(QStringLiteral("bytes")).toInteger(), m_backup.storedSize());
        const QJsonObject b = result.value(QStringLiteral("backups")).toArray().at(0).toObject();
        QCOMPARE(b.value(QStringLiteral("id")).toString(), m_backup.id);
        QCOMPARE(b.value(QStringLiteral("kind")).toString(), QStringLiteral("dump"));
        QCOMPARE(b.value(QStringLiteral("state")).toString(), QStringLiteral("complete"));
        QCOMPARE(b.value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(b.value(QStringLiteral("problems")).toArray().isEmpty());

        // Progress in stored bytes and files, complete at the end.
        QCOMPARE(job.progress().bytesTotal, m_backup.storedSize());
        QCOMPARE(job.progress().bytesDone, m_backup.storedSize());
        QCOMPARE(job.progress().itemsTotal, 3);
        QCOMPARE(job.progress().itemsDone, 3);
        QCOMPARE(job.progress().phase, QStringLiteral("verifying"));
    }

    void allBackupsOfAllServers()
    {
        QVERIFY_OK(makeBackup(repo(), SystemId + 1, BackupKind::Base,
                              {{QStringLiteral("base.tar.zst"), sampleData(10000, 3)}}));
        VerifyJob job(repo());
        QVERIFY(run(job));
        QCOMPARE(job.state(), Job::State::Succeeded);
        QCOMPARE(job.resultData().value(QStringLiteral("verified")).toInt(), 2);
    }

    void flippedByteIsAChecksumMismatch()
    {
        QVERIFY(flipByte(storedPath(QStringLiteral("sub/db-2.zst")), 1000));
        VerifyJob job(repo(), m_backup.id);
        QVERIFY(run(job));
        QCOMPARE(job.state(), Job::State::Failed);
        QCOMPARE(job.error()->code(), ErrorCode::Corrupt);
        const QString message = job.error()->message();
        QVERIFY2(message.contains(relative(QStringLiteral("sub/db-2.zst"))), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("checksum")), qPrintable(message));

        const QJsonObject report = job.report();
        QVERIFY(job.resultData().isEmpty());
        const QJsonObject b = report.value(QStringLiteral("backups")).toArray().at(0).toObject();
        QCOMPARE(b.value(QStringLiteral("ok")).toBool(), false);
        const QJsonArray problems = b.value(QStringLiteral("problems")).toArray();
        QVERIFY(!problems.isEmpty());
        for (const QJsonValue &p : problems)
            QCOMPARE(p.toObject().value(QStringLiteral("file")).toString(),
                     relative(QStringLiteral("sub/db-2.zst")));
        QVERIFY2(problemsText(report).contains(QStringLiteral("does not match its checksum")),
                 qPrintable(problemsText(report)));
        // Every problem was also logged for the job panel / CLI.
        bool logged = false;
        for (const Job::Message &m : job.messages())
            logged |= m.level == Job::MessageLevel::Warning
                      && m.text.contains(relative(QStringLiteral("sub/db-2.zst")));
        QVERIFY(logged);
        QVERIFY(job.error()->detail().contains(QStringLiteral("does not match its checksum")));
    }

    void truncatedFile()
    {
        const QString path = storedPath(QStringLiteral("db-1.zst"));
        const qint64 size = QFileInfo(path).size();
        QVERIFY(QFile::resize(path, size / 2));
        VerifyJob job(repo(), m_backup.id);
        QVERIFY(run(job));
        QCOMPARE(job.state(), Job::State::Failed);
        QVERIFY2(job.error()->message().contains(relative(QStringLiteral("db-1.zst"))),
                 qPrintable(job.error()->message()));
        const QString problems = problemsText(job.report());
        QVERIFY2(problems.contains(QStringLiteral("has %1 bytes, but the manifest says %2")
                                           .arg(size / 2)
                                           .arg(size)),
                 qPrintable(problems));
        // The decoder says where the data ends.
        QVERIFY2(problems.contains(QStringLiteral("%1 is damaged at byte")
                                           .arg(relative(QStringLiteral("db-1.zst")))),
                 qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral("ends in the middle of a compressed frame")),
                 qPrintable(problems));
        QVERIFY(!problems.contains(m_dir.path())); // paths relative to the repository
    }

    void missingFile()
    {
        QVERIFY(QFile::remove(storedPath(QStringLiteral("empty.zst"))));
        VerifyJob job(repo(), m_backup.id);
        QVERIFY(run(job));
        QCOMPARE(job.state(), Job::State::Failed);
        QCOMPARE(job.error()->message().count(relative(QStringLiteral("empty.zst"))), 2);
        QVERIFY(job.error()->message().contains(QStringLiteral("is missing")));
        QCOMPARE(job.report().value(QStringLiteral("problemCount")).toInt(), 1);
    }

    void deletedManifestIsDebris()
    {
        QVERIFY(QFile::remove(storedPath(QStringLiteral("manifest.json"))));
        for (const QString &id : {m_backup.id, QString()}) {
            VerifyJob job(repo(), id);
            QVERIFY(run(job));
            QCOMPARE(job.state(), Job::State::Failed);
            QCOMPARE(job.error()->code(), ErrorCode::Corrupt);
            const QString message = job.error()->message();
            QVERIFY2(
                    message.contains(
                            QStringLiteral("servers/%1/backups/%2").arg(SystemId).arg(m_backup.id)),
                    qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("incomplete backup")), qPrintable(message));
            const QJsonObject b
                    = job.report().value(QStringLiteral("backups")).toArray().at(0).toObject();
            QCOMPARE(b.value(QStringLiteral("state")).toString(), QStringLiteral("debris"));
            QCOMPARE(b.value(QStringLiteral("kind")).toString(), QStringLiteral("dump"));
        }
    }

    void damagedManifest()
    {
        QFile manifest(storedPath(QStringLiteral("manifest.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
        manifest.write("{\"formatVersion\": 1, \"id\": 5}");
        manifest.close();
        VerifyJob job(repo());
        QVERIFY(run(job));
        QCOMPARE(job.state(), Job::State::Failed);
        const QString message = job.error()->message();
        QVERIFY2(message.contains(relative(QStringLiteral("manifest.json"))), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("“id”")), qPrintable(message));
        const QJsonObject b
                = job.report().value(QStringLiteral("backups")).toArray().at(0).toObject();
        QCOMPARE(b.value(QStringLiteral("state")).toString(), QStringLiteral("damaged"));
    }

    void unknownIdIsNotFound()
    {
        VerifyJob job(repo(), QStringLiteral("20990101T000000Z-dump"));
        QVERIFY(run(job));
        QCOMPARE(job.state(), Job::State::Failed);
        QCOMPARE(job.error()->code(), ErrorCode::NotFound);
        QVERIFY(job.error()->message().contains(QStringLiteral("20990101T000000Z-dump")));
    }

    void inProgressIsSkippedOrLocked()
    {
        auto writer = BackupWriter::begin(repo(), SystemId, BackupKind::Base, QStringLiteral("x"));
        QVERIFY_OK(writer);
        {
            VerifyJob job(repo());
            QVERIFY(run(job));
            QCOMPARE(job.state(), Job::State::Succeeded);
            const QJsonArray backups = job.resultData().value(QStringLiteral("backups")).toArray();
            QCOMPARE(backups.size(), 2);
            int skipped = 0;
            for (const QJsonValue &b : backups) {
                const bool inProgress
                        = b.toObject().value(QStringLiteral("id")).toString() == (*writer)->id();
                QCOMPARE(b.toObject().value(QStringLiteral("skipped")).toBool(), inProgress);
                QCOMPARE(b.toObject().value(QStringLiteral("state")).toString(),
                         inProgress ? QStringLiteral("in-progress") : QStringLiteral("complete"));
                skipped += inProgress;
            }
            QCOMPARE(skipped, 1);
            QCOMPARE(job.resultData().value(QStringLiteral("verified")).toInt(), 1);
        }
        VerifyJob one(repo(), (*writer)->id());
        QVERIFY(run(one));
        QCOMPARE(one.state(), Job::State::Failed);
        QCOMPARE(one.error()->code(), ErrorCode::Locked);
    }

    void kindCheckRunsAfterChecksums()
    {
        std::atomic_int calls = 0;
        auto check = [&calls](const BackupEntry &entry, JobContext &) -> Status {
            ++calls;
            return Error(ErrorCode::Corrupt,
                         QStringLiteral("%1/db-1.zst: pg_restore cannot read the archive")
                                 .arg(entry.path));
        };
        {
            VerifyJob job(repo(), m_backup.id);
            job.setKindCheck(BackupKind::Base, [](const BackupEntry &, JobContext &) -> Status {
                return Error(ErrorCode::Internal, QStringLiteral("wrong kind called"));
            });
            job.setKindCheck(BackupKind::Dump, check);
            QVERIFY(run(job));
            QCOMPARE(calls.load(), 1);
            QCOMPARE(job.state(), Job::State::Failed);
            const QString message = job.error()->message();
            QVERIFY2(message.contains(relative(QStringLiteral("db-1.zst"))
                                      + QStringLiteral(": pg_restore cannot read")),
                     qPrintable(message));
        }
        // Not called when the checksums already failed.
        QVERIFY(flipByte(storedPath(QStringLiteral("db-1.zst")), 100));
        VerifyJob job(repo(), m_backup.id);
        job.setKindCheck(BackupKind::Dump, check);
        QVERIFY(run(job));
        QCOMPARE(calls.load(), 1);
        QCOMPARE(job.state(), Job::State::Failed);
    }

    void cancelWhileReading()
    {
        const Result<BackupManifest> big
                = makeBackup(repo(), SystemId, BackupKind::Base,
                             {{QStringLiteral("big.zst"), randomData(48 * 1024 * 1024, 9)}});
        QVERIFY_OK(big);
        VerifyJob job(repo(), big->id);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        job.cancel(); // at once: the worker stops at its next chunk
        QVERIFY(job.isFinished() || finished.wait(120000));
        QCOMPARE(job.state(), Job::State::Cancelled);
        QVERIFY(job.progress().bytesDone < big->storedSize());
    }

    void cancelDuringKindCheck()
    {
        std::atomic_bool entered = false;
        VerifyJob job(repo(), m_backup.id);
        job.setKindCheck(BackupKind::Dump, [&entered](const BackupEntry &, JobContext &context) {
            entered = true;
            while (!context.isCancelled())
                QThread::msleep(5);
            return Status(JobContext::cancelledError());
        });
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(entered.load(), 60000);
        job.cancel();
        QVERIFY(job.isFinished() || finished.wait(60000));
        QCOMPARE(job.state(), Job::State::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestVerifyJob)
#include "tst_verifyjob.moc"
