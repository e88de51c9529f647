#include "TestUtil.h"
#include "repo/Repository.h"
#include "repo/ServerRecord.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault;
using namespace std::chrono_literals;

namespace {
bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}
} // namespace

class TestRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createWritesTheMarker()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("new/repo"));
        Result<Repository> repo = Repository::create(root);
        QVERIFY_OK(repo);
        QCOMPARE(repo->path(), root);
        QCOMPARE(repo->formatVersion(), 1);
        QVERIFY(repo->createdAt().isValid());
        QVERIFY(qAbs(repo->createdAt().secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QVERIFY(QFileInfo(root + QStringLiteral("/servers")).isDir());

        QFile marker(root + QStringLiteral("/pgvault-repository.json"));
        QVERIFY(marker.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(marker.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("format")).toString(),
                 QStringLiteral("pgvault-repository"));
        QCOMPARE(json.value(QStringLiteral("formatVersion")).toInt(), 1);
        // No temporary debris next to it.
        QCOMPARE(QDir(root).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{QStringLiteral("pgvault-repository.json"),
                              QStringLiteral("servers")}));

        Result<Repository> reopened = Repository::open(root);
        QVERIFY_OK(reopened);
        QCOMPARE(reopened->createdAt(), repo->createdAt());
        Result<Repository> again = Repository::create(root); // an existing repository is fine
        QVERIFY_OK(again);
        QCOMPARE(again->createdAt(), repo->createdAt());
    }

    void createAcceptsAnEmptyFolderOrLostAndFound()
    {
        QTemporaryDir dir;
        QVERIFY_OK(Repository::create(dir.path()));
        QTemporaryDir disk;
        QVERIFY(QDir(disk.path()).mkdir(QStringLiteral("lost+found")));
        QVERIFY_OK(Repository::create(disk.path()));
    }

    void createRefusesANonEmptyFolder()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("photo.jpg")), "x"));
        Result<Repository> repo = Repository::create(dir.path());
        QVERIFY(!repo);
        QCOMPARE(repo.error().code(), ErrorCode::AlreadyExists);
        QVERIFY(repo.error().message().contains(QStringLiteral("not empty")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("pgvault-repository.json"))));
    }

    void openMissingOrForeignFolderIsNotFound()
    {
        QTemporaryDir dir;
        Result<Repository> missing = Repository::open(dir.filePath(QStringLiteral("none")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code(), ErrorCode::NotFound);
        Result<Repository> foreign = Repository::open(dir.path());
        QVERIFY(!foreign);
        QCOMPARE(foreign.error().code(), ErrorCode::NotFound);
        QVERIFY(foreign.error().message().contains(QStringLiteral("not a PgVault repository")));
    }

    void newerFormatIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("pgvault-repository.json")),
                          R"({"format":"pgvault-repository","formatVersion":2})"));
        for (const auto &result : {Repository::open(dir.path()), Repository::create(dir.path())}) {
            QVERIFY(!result);
            QCOMPARE(result.error().code(), ErrorCode::Unsupported);
            QVERIFY2(result.error().message().contains(QStringLiteral("format version 2")),
                     qPrintable(result.error().message()));
        }
    }

    void damagedMarkerIsCorrupt()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("pgvault-repository.json")), "{nope"));
        Result<Repository> repo = Repository::open(dir.path());
        QVERIFY(!repo);
        QCOMPARE(repo.error().code(), ErrorCode::Corrupt);
    }

    void defaultPathHonoursTheEnvironment()
    {
        qputenv("PGVAULT_REPO", "/srv/backups/pg");
        QCOMPARE(Repository::defaultPath(), QStringLiteral("/srv/backups/pg"));
        qunsetenv("PGVAULT_REPO");
        QVERIFY(Repository::defaultPath().endsWith(QStringLiteral("/pgvault/repository")));
        QCOMPARE(Repository::defaultPath(),
                 QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                         + QStringLiteral("/pgvault/repository"));
    }

    void serverFoldersAndPaths()
    {
        QTemporaryDir dir;
        Result<Repository> repo = Repository::create(dir.path());
        QVERIFY_OK(repo);
        const quint64 id = 7311947662361722906ULL; // larger than a double holds exactly
        QVERIFY_OK(repo->ensureServer(id));
        QVERIFY_OK(repo->ensureServer(id));
        QCOMPARE(repo->serverPath(id), dir.path() + QStringLiteral("/servers/7311947662361722906"));
        QVERIFY(QFileInfo(repo->walPath(id)).isDir());
        QVERIFY(QFileInfo(repo->backupsPath(id)).isDir());
        QVERIFY(QFileInfo(repo->indexPath(id)).isDir());
        QVERIFY(QDir(repo->serversPath()).mkdir(QStringLiteral("not-a-server")));
        QVERIFY(QDir(repo->serversPath()).mkdir(QStringLiteral("0042")));
        QCOMPARE(repo->serverIds(), QList<quint64>{id});
    }

    void serverRecordIsCreatedAndRefreshedCheaply()
    {
        QTemporaryDir dir;
        const quint64 id = 18446744073709551557ULL;
        const QString path = dir.filePath(QStringLiteral("server.json"));
        QVERIFY_OK(ServerRecord::recordSeen(dir.path(), id, 15));
        Result<ServerRecord> first = ServerRecord::load(path);
        QVERIFY_OK(first);
        QCOMPARE(first->systemId, id);
        QCOMPARE(first->majorVersion, 15);
        QVERIFY(first->firstSeen.isValid());
        QCOMPARE(first->lastSeen, first->firstSeen);

        // Within the slack: not rewritten at all.
        const QDateTime mtime = QFileInfo(path).lastModified();
        QTest::qSleep(1100);
        QVERIFY_OK(ServerRecord::recordSeen(dir.path(), id, 15));
        QCOMPARE(QFileInfo(path).lastModified(), mtime);

        // Stale (slack 0) or a new major: lastSeen moves, firstSeen and the name stay.
        ServerRecord named = *first;
        named.displayName = QStringLiteral("shop primary");
        QVERIFY_OK(named.save(path));
        QVERIFY_OK(ServerRecord::recordSeen(dir.path(), id, 16, 0s));
        Result<ServerRecord> second = ServerRecord::load(path);
        QVERIFY_OK(second);
        QCOMPARE(second->firstSeen, first->firstSeen);
        QVERIFY(second->lastSeen > first->lastSeen);
        QCOMPARE(second->majorVersion, 16);
        QCOMPARE(second->displayName, QStringLiteral("shop primary"));
    }
};

QTEST_GUILESS_MAIN(TestRepository)
#include "tst_repository.moc"
