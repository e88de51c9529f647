// BackupWriter on a real file system: the manifest comes last, abort and the destructor leave
// the repository as it was, files are written in parallel, one writer per server.

#include "BackupTestUtil.h"
#include "TestUtil.h"
#include "backup/BackupId.h"
#include "backup/BackupWriter.h"
#include "repo/Checksum.h"
#include "repo/RepositoryLock.h"
#include "repo/ZstdReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <unistd.h>
#include <vector>

using namespace PgVault;
using namespace PgVault::Test;

namespace {
constexpr quint64 SystemId = 7300000000000000001ULL;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Everything under `dir`, hidden files included, relative, sorted.
QStringList tree(const QString &dir)
{
    QStringList names;
    const QDir root(dir);
    const QFileInfoList entries
            = root.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo &info : entries) {
        names.append(info.fileName());
        if (info.isDir()) {
            const QStringList below = tree(info.filePath());
            for (const QString &name : below)
                names.append(info.fileName() + QLatin1Char('/') + name);
        }
    }
    names.sort();
    return names;
}
} // namespace

class TestBackupWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Repository> m_repo;

    const Repository &repo() const { return *m_repo; }
    QString backups() const { return repo().backupsPath(SystemId); }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        Result<Repository> r = Repository::create(m_dir.filePath(QStringLiteral("repo")));
        QVERIFY_OK(r);
        m_repo = *r;
    }

    void writeCommitAndReadBack()
    {
        const QByteArray big = sampleData(3 * 1024 * 1024 + 17, 1);
        const QByteArray small("{\"roles\": []}");
        auto writer
                = BackupWriter::begin(repo(), SystemId, BackupKind::Dump, QStringLiteral("dump"));
        QVERIFY_OK(writer);
        BackupWriter &w = **writer;
        QVERIFY(BackupId::isValid(w.id()));
        QCOMPARE(*BackupId::kind(w.id()), BackupKind::Dump);
        QCOMPARE(w.path(), backups() + QLatin1Char('/') + w.id());
        QVERIFY(QFileInfo(w.path()).isDir());
        QVERIFY(w.startedAt().isValid());

        auto file = w.createFile(QStringLiteral("db-1/archive.zst"), {});
        QVERIFY_OK(file);
        for (qsizetype pos = 0; pos < big.size(); pos += 65536)
            QVERIFY_OK((*file)->write(chunkOf(big, pos, 65536)));
        QCOMPARE((*file)->rawBytes(), big.size());
        // Invisible under its name until finished.
        QVERIFY(!QFile::exists(w.path() + QStringLiteral("/db-1/archive.zst")));
        const Result<StoredFile> stored = (*file)->finish();
        QVERIFY_OK(stored);
        QCOMPARE(stored->name, QStringLiteral("db-1/archive.zst"));
        QCOMPARE(stored->rawSize, big.size());
        QCOMPARE(stored->storedSize, (*file)->storedBytes());
        QVERIFY(stored->storedSize < stored->rawSize);

        const Result<StoredFile> meta = w.storeSmallFile(QStringLiteral("globals.json.zst"), small);
        QVERIFY_OK(meta);
        QCOMPARE(w.finishedFiles().size(), 2);

        // The manifest comes last: not there before commit().
        QVERIFY(!QFile::exists(w.path() + QStringLiteral("/manifest.json")));

        BackupManifest m;
        m.serverVersion = QStringLiteral("15.18");
        m.databases = {QStringLiteral("shop")};
        m.id = QStringLiteral("ignored"); // the writer's id wins
        const Result<BackupManifest> committed = w.commit(m);
        QVERIFY_OK(committed);
        QVERIFY(w.isCommitted());
        QCOMPARE(committed->id, w.id());
        QCOMPARE(committed->kind, BackupKind::Dump);
        QCOMPARE(committed->systemId, SystemId);
        QCOMPARE(committed->status, QStringLiteral("complete"));
        QCOMPARE(committed->startedAt, w.startedAt());
        QVERIFY(committed->finishedAt >= committed->startedAt);
        QCOMPARE(committed->pgvaultVersion, QStringLiteral(PGVAULT_VERSION_STRING));
        QCOMPARE(committed->files.size(), 2);
        QCOMPARE(committed->files.at(0).name, QStringLiteral("db-1/archive.zst")); // sorted

        const Result<BackupManifest> loaded = BackupManifest::load(w.path());
        QVERIFY_OK(loaded);
        QCOMPARE(loaded->files, committed->files);
        QCOMPARE(loaded->startedAt, committed->startedAt);
        QCOMPARE(loaded->databases, m.databases);

        // Files read back: content, stored size and checksum of the stored bytes.
        const QMap<QString, QByteArray> expected{{QStringLiteral("db-1/archive.zst"), big},
                                                 {QStringLiteral("globals.json.zst"), small}};
        for (const StoredFile &f : loaded->files) {
            const QString path = w.path() + QLatin1Char('/') + f.name;
            const QByteArray storedBytes = readFile(path);
            QCOMPARE(storedBytes.size(), f.storedSize);
            QCOMPARE(Checksum::of(storedBytes), f.checksum);
            const Result<QByteArray> raw = ZstdReader::readAll(path);
            QVERIFY_OK(raw);
            QCOMPARE(*raw, expected.value(f.name));
            QCOMPARE(raw->size(), f.rawSize);
        }
        // Nothing else in the folder: no temporary files.
        QCOMPARE(
                tree(w.path()),
                (QStringList{QStringLiteral("db-1"), QStringLiteral("db-1/archive.zst"),
                             QStringLiteral("globals.json.zst"), QStringLiteral("manifest.json")}));

        // The lock is released by commit(), before the writer goes away.
        QVERIFY_OK(RepositoryLock::acquire(repo().serverPath(SystemId), QStringLiteral("next")));
        // A committed backup survives its writer.
        const QString path = w.path();
        writer->reset();
        QVERIFY(QFile::exists(path + QStringLiteral("/manifest.json")));
    }

    void abortRemovesTheBackupOnly()
    {
        const Result<BackupManifest> earlier
                = makeBackup(repo(), SystemId, BackupKind::Dump,
                             {{QStringLiteral("a.zst"), sampleData(1000, 2)}});
        QVERIFY_OK(earlier);
        const QStringList before = tree(repo().path());

        auto writer = BackupWriter::begin(repo(), SystemId, BackupKind::Base, QStringLiteral("x"));
        QVERIFY_OK(writer);
        const QString path = (*writer)->path();
        QVERIFY_OK((*writer)->storeSmallFile(QStringLiteral("done.zst"), "finished"));
        auto open = (*writer)->createFile(QStringLiteral("sub/open.zst"), {});
        QVERIFY_OK(open);
        QVERIFY_OK((*open)->write(sampleData(200000, 3)));
        open->reset(); // an unfinished file: its temporary file goes
        auto open2 = (*writer)->createFile(QStringLiteral("sub/open2.zst"), {});
        QVERIFY_OK(open2);
        QVERIFY_OK((*open2)->write(sampleData(1000, 4)));
        (*open2)->abort();

        (*writer)->abort();
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(tree(repo().path()), before);
        // abort() again and the destructor are harmless; the lock is free.
        (*writer)->abort();
        QVERIFY_OK(RepositoryLock::acquire(repo().serverPath(SystemId), QStringLiteral("next")));
        writer->reset();
        QCOMPARE(tree(repo().path()), before);
        QVERIFY_OK(BackupManifest::load(backups() + QLatin1Char('/') + earlier->id));
    }

    void destructorRemovesTheBackup()
    {
        QString path;
        {
            auto writer
                    = BackupWriter::begin(repo(), SystemId, BackupKind::Dump, QStringLiteral("x"));
            QVERIFY_OK(writer);
            path = (*writer)->path();
            auto file = (*writer)->createFile(QStringLiteral("deep/er/file.zst"), {});
            QVERIFY_OK(file);
            QVERIFY_OK((*file)->write(sampleData(100000, 5)));
            QVERIFY_OK((*file)->finish());
            auto unfinished = (*writer)->createFile(QStringLiteral("other.zst"), {});
            QVERIFY_OK(unfinished);
            QVERIFY_OK((*unfinished)->write("x"));
            // The file writer outlives the backup writer here: destroyed after it.
            QVERIFY(QFileInfo::exists(path));
            writer->reset();
            QVERIFY(!QFileInfo::exists(path));
            const Result<StoredFile> late = (*unfinished)->finish();
            QVERIFY(!late);
        }
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(QDir(backups()).isEmpty());
    }

    void failedCommitLeavesNoBackup()
    {
        auto writer = BackupWriter::begin(repo(), SystemId, BackupKind::Dump, QStringLiteral("x"));
        QVERIFY_OK(writer);
        const QString path = (*writer)->path();
        auto open = (*writer)->createFile(QStringLiteral("a.zst"), {});
        QVERIFY_OK(open);
        // A file still being written: commit refuses.
        const Result<BackupManifest> early = (*writer)->commit({});
        QVERIFY(!early);
        QCOMPARE(early.error().code(), ErrorCode::Internal);
        QVERIFY(!QFile::exists(path + QStringLiteral("/manifest.json")));
        writer->reset();
        QVERIFY(!QFileInfo::exists(path));
    }

    void parallelFiles()
    {
        auto writer = BackupWriter::begin(repo(), SystemId, BackupKind::Dump, QStringLiteral("x"));
        QVERIFY_OK(writer);
        BackupWriter *w = writer->get();
        constexpr int Threads = 4;
        QList<QByteArray> data;
        for (int i = 0; i < Threads; ++i)
            data.append(sampleData(1024 * 1024 + i * 4097, quint32(10 + i)));
        std::vector<QString> errors(Threads);
        QList<QThread *> threads;
        for (int i = 0; i < Threads; ++i) {
            threads.append(QThread::create([w, i, &data, &errors] {
                // Half the threads share a sub-folder, which they create concurrently.
                const QString name = i % 2 ? QStringLiteral("dir/%1.dat.zst").arg(i)
                                           : QStringLiteral("%1.dat.zst").arg(i);
                auto file = w->createFile(name, {});
                if (!file) {
                    errors[i] = file.error().toString();
                    return;
                }
                const QByteArray &bytes = data.at(i);
                for (qsizetype pos = 0; pos < bytes.size(); pos += 32768) {
                    if (Status s = (*file)->write(chunkOf(bytes, pos, 32768)); !s) {
                        errors[i] = s.error().toString();
                        return;
                    }
                }
                if (Result<StoredFile> done = (*file)->finish(); !done)
                    errors[i] = done.error().toString();
            }));
        }
        for (QThread *t : std::as_const(threads))
            t->start();
        for (QThread *t : std::as_const(threads)) {
            QVERIFY(t->wait(120000));
            delete t;
        }
        for (const QString &e : std::as_const(errors))
            QVERIFY2(e.isEmpty(), qPrintable(e));

        const Result<BackupManifest> m = w->commit({});
        QVERIFY_OK(m);
        QCOMPARE(m->files.size(), Threads);
        for (int i = 0; i < Threads; ++i) {
            const QString name = i % 2 ? QStringLiteral("dir/%1.dat.zst").arg(i)
                                       : QStringLiteral("%1.dat.zst").arg(i);
            const StoredFile *f = m->file(name);
            QVERIFY2(f, qPrintable(name));
            const QString path = w->path() + QLatin1Char('/') + name;
            QCOMPARE(Checksum::of(readFile(path)), f->checksum);
            const Result<QByteArray> raw = ZstdReader::readAll(path);
            QVERIFY_OK(raw);
            QCOMPARE(*raw, data.at(i));
        }
    }

    void secondWriterIsLocked()
    {
        auto first = BackupWriter::begin(repo(), SystemId, BackupKind::Dump,
                                         QStringLiteral("dump of shop"));
        QVERIFY_OK(first);
        auto second = BackupWriter::begin(repo(), SystemId, BackupKind::Base,
                                          QStringLiteral("base backup"));
        QVERIFY(!second);
        QCOMPARE(second.error().code(), ErrorCode::Locked);
        const QString message = second.error().message();
        QVERIFY2(message.contains(QStringLiteral("locked by pid %1 on %2 since")
                                          .arg(::getpid())
                                          .arg(QSysInfo::machineHostName())),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("dump of shop")), qPrintable(message));
        // The refused writer created nothing.
        QCOMPARE(QDir(backups()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);

        // Another server's folder has its own lock.
        auto other
                = BackupWriter::begin(repo(), SystemId + 1, BackupKind::Base, QStringLiteral("x"));
        QVERIFY_OK(other);

        QVERIFY_OK((*first)->commit({}));
        QVERIFY_OK(BackupWriter::begin(repo(), SystemId, BackupKind::Base, QStringLiteral("x")));
    }

    void sameSecondGetsSequence()
    {
        // Folders for this second and the next ones already exist (debris or earlier backups),
        // so the writer must pick the next sequence number instead of reusing one.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY_OK(repo().ensureServer(SystemId));
        for (int s = 0; s < 5; ++s) {
            const QString id = BackupId::make(now.addSecs(s), BackupKind::Dump);
            QVERIFY(QDir().mkpath(backups() + QLatin1Char('/') + id));
        }
        auto writer = BackupWriter::begin(repo(), SystemId, BackupKind::Dump, QStringLiteral("x"));
        QVERIFY_OK(writer);
        const QString id = (*writer)->id();
        QVERIFY2(id.endsWith(QStringLiteral("-dump-2")), qPrintable(id));
        QVERIFY(BackupId::isValid(id));
        QCOMPARE(*BackupId::sequence(id), 2);
        // The existing folder was not touched and is not the writer's.
        QVERIFY(QDir(backups() + QLatin1Char('/')
                     + BackupId::make(*BackupId::startTime(id), BackupKind::Dump))
                        .isEmpty());
        writer->reset();
        QVERIFY(!QFileInfo::exists(backups() + QLatin1Char('/') + id));
    }

    void fileNamesAreChecked()
    {
        auto writer = BackupWriter::begin(repo(), SystemId, BackupKind::Dump, QStringLiteral("x"));
        QVERIFY_OK(writer);
        for (const char *bad : {"../escape.zst", "/abs.zst", "manifest.json", "a//b", ""}) {
            auto file = (*writer)->createFile(QString::fromLatin1(bad), {});
            QVERIFY2(!file, bad);
            QCOMPARE(file.error().code(), ErrorCode::InvalidInput);
        }
        QVERIFY_OK((*writer)->storeSmallFile(QStringLiteral("once.zst"), "1"));
        const Result<StoredFile> again = (*writer)->storeSmallFile(QStringLiteral("once.zst"), "2");
        QVERIFY(!again);
        QCOMPARE(again.error().code(), ErrorCode::AlreadyExists);
        // An aborted file frees its name for another attempt.
        auto first = (*writer)->createFile(QStringLiteral("retry.zst"), {});
        QVERIFY_OK(first);
        (*first)->abort();
        QVERIFY_OK((*writer)->storeSmallFile(QStringLiteral("retry.zst"), "ok"));
        const Result<BackupManifest> m = (*writer)->commit({});
        QVERIFY_OK(m);
        QCOMPARE(m->files.size(), 2);
        // After commit: no more files.
        QVERIFY(!(*writer)->createFile(QStringLiteral("late.zst"), {}));
    }

    void emptyFileIsAValidFrame()
    {
        auto writer = BackupWriter::begin(repo(), SystemId, BackupKind::Dump, QStringLiteral("x"));
        QVERIFY_OK(writer);
        const Result<StoredFile> f = (*writer)->storeSmallFile(QStringLiteral("empty.zst"), {});
        QVERIFY_OK(f);
        QCOMPARE(f->rawSize, 0);
        QVERIFY(f->storedSize > 0);
        const Result<QByteArray> raw
                = ZstdReader::readAll((*writer)->path() + QStringLiteral("/empty.zst"));
        QVERIFY_OK(raw);
        QVERIFY(raw->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBackupWriter)
#include "tst_backupwriter.moc"
