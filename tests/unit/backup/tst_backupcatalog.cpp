// BackupCatalog: complete, in-progress, debris and damaged folders; order; find().

#include "BackupTestUtil.h"
#include "TestUtil.h"
#include "backup/BackupCatalog.h"
#include "backup/BackupId.h"
#include "repo/RepositoryLock.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace PgVault;
using namespace PgVault::Test;

namespace {
constexpr quint64 SystemId = 7300000000000000001ULL;

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// Child mode: a backup writer in another process, alive until stdin closes.
int holdWriter(const QString &repoPath)
{
    Result<Repository> repo = Repository::open(repoPath);
    if (!repo)
        return 1;
    auto writer = BackupWriter::begin(*repo, SystemId, BackupKind::Base, QStringLiteral("base"));
    if (!writer) {
        std::printf("failed %s\n", qPrintable(writer.error().toString()));
        return 1;
    }
    std::printf("writing %s\n", qPrintable((*writer)->id()));
    std::fflush(stdout);
    char c;
    while (std::fread(&c, 1, 1, stdin) == 1) {
    }
    return 0;
}
} // namespace

class TestBackupCatalog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Repository> m_repo;
    const Repository &repo() const { return *m_repo; }
    QString backups(quint64 id = SystemId) const { return repo().backupsPath(id); }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        Result<Repository> r = Repository::create(m_dir.filePath(QStringLiteral("repo")));
        QVERIFY_OK(r);
        m_repo = *r;
    }

    void emptyRepository()
    {
        const auto all = BackupCatalog::scan(repo());
        QVERIFY_OK(all);
        QVERIFY(all->isEmpty());
        // A server known only from its WAL has no backups folder content.
        QVERIFY_OK(repo().ensureServer(SystemId));
        QVERIFY_OK(BackupCatalog::scan(repo(), SystemId));
        QVERIFY(BackupCatalog::scan(repo(), SystemId)->isEmpty());
        QVERIFY(BackupCatalog::scan(repo(), 42)->isEmpty()); // no such server folder at all
    }

    void statesAndOrder()
    {
        const auto complete = makeBackup(repo(), SystemId, BackupKind::Dump,
                                         {{QStringLiteral("a.zst"), sampleData(5000, 1)}},
                                         {QStringLiteral("shop")});
        QVERIFY_OK(complete);

        // Debris: a folder without manifest, nobody writing (older and newer than `complete`).
        const QString oldDebris = QStringLiteral("20200101T000000Z-base");
        QVERIFY(QDir().mkpath(backups() + QLatin1Char('/') + oldDebris + QStringLiteral("/x")));
        const QString oddDebris = QStringLiteral("not-a-backup");
        QVERIFY(QDir().mkpath(backups() + QLatin1Char('/') + oddDebris));

        // Damaged: a manifest that does not parse.
        const QString damaged = QStringLiteral("20210101T000000Z-dump");
        QVERIFY(QDir().mkpath(backups() + QLatin1Char('/') + damaged));
        QVERIFY(writeFile(backups() + QLatin1Char('/') + damaged + QStringLiteral("/manifest.json"),
                          "{\"formatVersion\": 1}"));

        // A manifest copied into the wrong folder is damaged too.
        const QString misplaced = QStringLiteral("20220101T000000Z-dump");
        QVERIFY(QDir().mkpath(backups() + QLatin1Char('/') + misplaced));
        QVERIFY(QFile::copy(
                backups() + QLatin1Char('/') + complete->id + QStringLiteral("/manifest.json"),
                backups() + QLatin1Char('/') + misplaced + QStringLiteral("/manifest.json")));

        const auto entries = BackupCatalog::scan(repo());
        QVERIFY_OK(entries);
        QStringList ids;
        for (const BackupEntry &e : *entries)
            ids.append(e.id);
        QCOMPARE(ids, (QStringList{oldDebris, damaged, misplaced, complete->id, oddDebris}));

        const BackupEntry &d0 = entries->at(0);
        QCOMPARE(d0.state, BackupEntry::State::Debris);
        QVERIFY(!d0.manifest);
        QVERIFY(!d0.isRestorable());
        QCOMPARE(d0.systemId, SystemId);
        QCOMPARE(d0.path, backups() + QLatin1Char('/') + oldDebris);
        QCOMPARE(d0.relativePath,
                 QStringLiteral("servers/%1/backups/%2").arg(SystemId).arg(oldDebris));

        const BackupEntry &dm = entries->at(1);
        QCOMPARE(dm.state, BackupEntry::State::Damaged);
        QVERIFY(dm.problem);
        QCOMPARE(dm.problem->code(), ErrorCode::Corrupt);
        QVERIFY2(dm.problem->message().contains(damaged), qPrintable(dm.problem->message()));
        QCOMPARE(entries->at(2).state, BackupEntry::State::Damaged);
        QVERIFY(entries->at(2).problem->message().contains(complete->id));

        const BackupEntry &c = entries->at(3);
        QCOMPARE(c.state, BackupEntry::State::Complete);
        QVERIFY(c.isRestorable());
        QVERIFY(c.manifest);
        QCOMPARE(c.manifest->databases, QStringList{QStringLiteral("shop")});
        QCOMPARE(c.manifest->files.size(), 1);
        QVERIFY(!c.problem);

        QCOMPARE(entries->at(4).state, BackupEntry::State::Debris);
        QCOMPARE(BackupEntry::stateName(BackupEntry::State::InProgress),
                 QStringLiteral("in-progress"));
    }

    void inProgressWhileAWriterIsAlive()
    {
        const QString oldDebris = QStringLiteral("20200101T000000Z-dump");
        QVERIFY_OK(repo().ensureServer(SystemId));
        QVERIFY(QDir().mkpath(backups() + QLatin1Char('/') + oldDebris));

        QString id;
        {
            auto writer
                    = BackupWriter::begin(repo(), SystemId, BackupKind::Dump, QStringLiteral("x"));
            QVERIFY_OK(writer);
            id = (*writer)->id();
            QVERIFY_OK((*writer)->storeSmallFile(QStringLiteral("a.zst"), "data"));
            QVERIFY(BackupCatalog::isWriterActive(repo(), SystemId));

            const auto entries = BackupCatalog::scan(repo(), SystemId);
            QVERIFY_OK(entries);
            QCOMPARE(entries->size(), 2);
            // Older debris stays debris while a new backup is written.
            QCOMPARE(entries->at(0).id, oldDebris);
            QCOMPARE(entries->at(0).state, BackupEntry::State::Debris);
            QCOMPARE(entries->at(1).id, id);
            QCOMPARE(entries->at(1).state, BackupEntry::State::InProgress);
            QVERIFY(!entries->at(1).isRestorable());

            // The catalog only probed: the writer still holds its lock.
            auto lock = RepositoryLock::acquire(repo().serverPath(SystemId), QStringLiteral("y"));
            QVERIFY(!lock);
            QCOMPARE(lock.error().code(), ErrorCode::Locked);

            const auto found = BackupCatalog::find(repo(), id);
            QVERIFY_OK(found);
            QCOMPARE(found->state, BackupEntry::State::InProgress);
            QVERIFY_OK((*writer)->commit({}));
            QVERIFY(!BackupCatalog::isWriterActive(repo(), SystemId));
        }
        const auto found = BackupCatalog::find(repo(), id);
        QVERIFY_OK(found);
        QCOMPARE(found->state, BackupEntry::State::Complete);
    }

    void inProgressInAnotherProcess()
    {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--hold-writer"), repo().path()});
        QVERIFY(child.waitForStarted(10000));
        QVERIFY(child.waitForReadyRead(30000));
        const QByteArray line = child.readLine().trimmed();
        QVERIFY2(line.startsWith("writing "), line.constData());
        const QString id = QString::fromUtf8(line.mid(8));

        auto entries = BackupCatalog::scan(repo());
        QVERIFY_OK(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->at(0).id, id);
        QCOMPARE(entries->at(0).state, BackupEntry::State::InProgress);

        // A writer killed without any clean-up leaves debris, and its lock goes with it.
        child.kill();
        QVERIFY(child.waitForFinished(10000));
        entries = BackupCatalog::scan(repo());
        QVERIFY_OK(entries);
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->at(0).state, BackupEntry::State::Debris);
        QVERIFY(!BackupCatalog::isWriterActive(repo(), SystemId));
    }

    void severalServersAndFind()
    {
        const auto b1 = makeBackup(repo(), SystemId + 1, BackupKind::Base, {});
        QVERIFY_OK(b1);
        const auto b0 = makeBackup(repo(), SystemId, BackupKind::Dump, {});
        QVERIFY_OK(b0);
        const auto all = BackupCatalog::scan(repo());
        QVERIFY_OK(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).systemId, SystemId); // by server first
        QCOMPARE(all->at(1).systemId, SystemId + 1);

        const auto found = BackupCatalog::find(repo(), b1->id);
        QVERIFY_OK(found);
        QCOMPARE(found->systemId, SystemId + 1);
        QCOMPARE(found->state, BackupEntry::State::Complete);

        for (const QString &missing :
             {QStringLiteral("20990101T000000Z-dump"), QStringLiteral(".."),
              QStringLiteral("../backups"), QString()}) {
            const auto none = BackupCatalog::find(repo(), missing);
            QVERIFY(!none);
            QCOMPARE(none.error().code(), ErrorCode::NotFound);
            QVERIFY(none.error().message().contains(missing));
        }
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--hold-writer") == 0)
        return holdWriter(QString::fromLocal8Bit(argv[2]));
    TestBackupCatalog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_backupcatalog.moc"
