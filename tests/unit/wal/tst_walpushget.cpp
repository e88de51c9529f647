#include "FakeWal.h"
#include "TestUtil.h"
#include "repo/AtomicFile.h"
#include "repo/FileSystem.h"
#include "repo/ServerRecord.h"
#include "repo/ZstdReader.h"
#include "wal/WalGet.h"
#include "wal/WalPush.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace PgVault;
using PgVault::Test::FakeSegment;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A directory that looks like a data directory to wal-push/wal-get: global/pg_control starting
// with the system identifier, and PG_VERSION.
QString makeDataDir(const QString &root, quint64 systemId, int major = 15)
{
    QDir().mkpath(root + QStringLiteral("/global"));
    QDir().mkpath(root + QStringLiteral("/pg_wal"));
    QByteArray control(8192, '\0');
    qToUnaligned<quint64>(systemId, control.data());
    writeFile(root + QStringLiteral("/global/pg_control"), control);
    writeFile(root + QStringLiteral("/PG_VERSION"), QByteArray::number(major) + '\n');
    return root;
}

QStringList filesBelow(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(QDir(dir).relativeFilePath(it.next()));
    out.sort();
    return out;
}

} // namespace

class TestWalPushGet : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::optional<Repository> m_repo;
    QString m_in;
    int m_run = 0;

    QString input(const QString &name, const QByteArray &data)
    {
        const QString path = m_in + QLatin1Char('/') + name;
        writeFile(path, data);
        return path;
    }

private Q_SLOTS:
    void init()
    {
        const QString root = m_tmp.filePath(QString::fromLatin1(QTest::currentTestFunction())
                                            + QLatin1Char('-') + QString::number(++m_run));
        Result<Repository> repo = Repository::create(root + QStringLiteral("/repo"));
        QVERIFY_OK(repo);
        m_repo = *repo;
        m_in = root + QStringLiteral("/in");
        QVERIFY(QDir().mkpath(m_in));
    }

    void segmentRoundTrip()
    {
        FakeSegment fake;
        fake.segNo = 0x1FF; // log 1, seg FF
        const QByteArray raw = fake.bytes();
        const QString path = input(QStringLiteral("0000000100000001000000FF"), raw);

        Result<WalPushResult> pushed = WalPush(*m_repo).push(path);
        QVERIFY_OK(pushed);
        QVERIFY(!pushed->alreadyStored);
        QCOMPARE(pushed->systemId, fake.systemId);
        QCOMPARE(pushed->rawBytes, qint64(raw.size()));
        QVERIFY(pushed->storedBytes < raw.size() / 2);
        QCOMPARE(pushed->storedPath,
                 m_repo->walPath(fake.systemId)
                         + QStringLiteral("/0000000100000001/0000000100000001000000FF.zst"));
        QCOMPARE(QFileInfo(pushed->storedPath).size(), pushed->storedBytes);
        Result<QByteArray> stored = ZstdReader::readAll(pushed->storedPath);
        QVERIFY_OK(stored);
        QVERIFY(*stored == raw);

        Result<ServerRecord> server = ServerRecord::load(m_repo->serverPath(fake.systemId)
                                                         + QStringLiteral("/server.json"));
        QVERIFY_OK(server);
        QCOMPARE(server->majorVersion, 15);

        const QString dest = m_in + QStringLiteral("/RECOVERYXLOG");
        Result<WalGetResult> got
                = WalGet(*m_repo).get(QStringLiteral("0000000100000001000000FF"), dest);
        QVERIFY_OK(got);
        QVERIFY(got->found);
        QCOMPARE(got->systemId, fake.systemId);
        QVERIFY(readFile(dest) == raw);
        QCOMPARE(QDir(m_in).entryList(QDir::Files | QDir::Hidden).size(), 2); // no debris
    }

    void repeatedPushIsIdempotent()
    {
        FakeSegment fake;
        const QString path = input(QStringLiteral("000000010000000000000001"), fake.bytes());
        QVERIFY_OK(WalPush(*m_repo).push(path));
        const QString stored = m_repo->walPath(fake.systemId)
                               + QStringLiteral("/0000000100000000/000000010000000000000001.zst");
        const QDateTime mtime = QFileInfo(stored).lastModified();
        Result<WalPushResult> again = WalPush(*m_repo).push(path);
        QVERIFY_OK(again);
        QVERIFY(again->alreadyStored);
        QCOMPARE(again->rawBytes, qint64(fake.segmentSize));
        QCOMPARE(QFileInfo(stored).lastModified(), mtime);
    }

    void differentContentIsRefused()
    {
        FakeSegment fake;
        const QString path = input(QStringLiteral("000000010000000000000001"), fake.bytes());
        Result<WalPushResult> first = WalPush(*m_repo).push(path);
        QVERIFY_OK(first);
        const QByteArray storedBefore = readFile(first->storedPath);

        FakeSegment other = fake;
        other.seed = 2;
        const QString otherPath = input(QStringLiteral("other/000000010000000000000001"), {});
        QDir().mkpath(FileSystem::parentOf(otherPath));
        QVERIFY(writeFile(otherPath, other.bytes()));
        Result<WalPushResult> second = WalPush(*m_repo).push(otherPath);
        QVERIFY(!second);
        QCOMPARE(second.error().code(), ErrorCode::AlreadyExists);
        QVERIFY2(second.error().message().startsWith(QStringLiteral("refusing to overwrite")),
                 qPrintable(second.error().message()));
        QVERIFY(readFile(first->storedPath) == storedBefore);
        QCOMPARE(filesBelow(FileSystem::parentOf(first->storedPath)),
                 QStringList{QStringLiteral("000000010000000000000001.zst")});
    }

    void damagedStoredCopyIsReportedNotReplaced()
    {
        FakeSegment fake;
        const QString path = input(QStringLiteral("000000010000000000000001"), fake.bytes());
        Result<WalPushResult> first = WalPush(*m_repo).push(path);
        QVERIFY_OK(first);
        QByteArray damaged = readFile(first->storedPath);
        damaged.truncate(damaged.size() / 2);
        QVERIFY(writeFile(first->storedPath, damaged));
        Result<WalPushResult> again = WalPush(*m_repo).push(path);
        QVERIFY(!again);
        QCOMPARE(again.error().code(), ErrorCode::Corrupt);
        QVERIFY(again.error().message().contains(QStringLiteral("is damaged")));
        QCOMPARE(readFile(first->storedPath), damaged);

        const QString dest = m_in + QStringLiteral("/RECOVERYXLOG");
        Result<WalGetResult> got
                = WalGet(*m_repo).get(QStringLiteral("000000010000000000000001"), dest);
        QVERIFY(!got);
        QCOMPARE(got.error().code(), ErrorCode::Corrupt);
        QVERIFY(!QFile::exists(dest));
        QCOMPARE(QDir(m_in).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("000000010000000000000001")});
    }

    void badInputsStoreNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("code");
        FakeSegment fake;
        const QByteArray good = fake.bytes();
        QTest::newRow("bad name") << QStringLiteral("000000010000000000000001.gz") << good
                                  << int(ErrorCode::InvalidInput);
        QTest::newRow("truncated") << QStringLiteral("000000010000000000000001")
                                   << good.left(good.size() - 100) << int(ErrorCode::Corrupt);
        QTest::newRow("too long") << QStringLiteral("000000010000000000000001") << good + "x"
                                  << int(ErrorCode::Corrupt);
        QTest::newRow("name does not match header")
                << QStringLiteral("000000010000000000000002") << good << int(ErrorCode::Corrupt);
        QTest::newRow("not WAL") << QStringLiteral("000000010000000000000001")
                                 << QByteArray(1 << 20, 'x') << int(ErrorCode::Corrupt);
        QTest::newRow("empty") << QStringLiteral("000000010000000000000001") << QByteArray()
                               << int(ErrorCode::Corrupt);
        FakeSegment future = fake;
        future.magic = 0xD120;
        QTest::newRow("unknown major") << QStringLiteral("000000010000000000000001")
                                       << future.bytes() << int(ErrorCode::Unsupported);
    }

    void badInputsStoreNothing()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, data);
        QFETCH(int, code);
        Result<WalPushResult> pushed = WalPush(*m_repo).push(input(name, data));
        QVERIFY(!pushed);
        QCOMPARE(int(pushed.error().code()), code);
        // No stored file and no temporary debris anywhere in the repository.
        for (const QString &f : filesBelow(m_repo->path()))
            QVERIFY2(f == QLatin1String("pgvault-repository.json") || f.endsWith(u"server.json"),
                     qPrintable(f));
    }

    void otherMajorsAndSegmentSizes_data()
    {
        QTest::addColumn<quint16>("magic");
        QTest::addColumn<quint32>("segmentSize");
        QTest::addColumn<int>("major");
        QTest::newRow("14") << quint16(0xD10D) << quint32(16 << 20) << 14;
        QTest::newRow("16, 1 MB") << quint16(0xD113) << quint32(1 << 20) << 16;
        QTest::newRow("17, 2 MB") << quint16(0xD116) << quint32(2 << 20) << 17;
        QTest::newRow("18") << quint16(0xD118) << quint32(16 << 20) << 18;
    }

    void otherMajorsAndSegmentSizes()
    {
        QFETCH(quint16, magic);
        QFETCH(quint32, segmentSize);
        QFETCH(int, major);
        FakeSegment fake;
        fake.magic = magic;
        fake.segmentSize = segmentSize;
        fake.segNo = (quint64(4) << 32) / segmentSize - 1; // the last seg of log 3
        const QString name = WalFileName::segment(1, fake.segNo, segmentSize).name();
        Result<WalPushResult> pushed = WalPush(*m_repo).push(input(name, fake.bytes()));
        QVERIFY_OK(pushed);
        Result<ServerRecord> server = ServerRecord::load(m_repo->serverPath(fake.systemId)
                                                         + QStringLiteral("/server.json"));
        QVERIFY_OK(server);
        QCOMPARE(server->majorVersion, major);
    }

    void historyAndBackupFilesUseTheDataDirectory()
    {
        const quint64 id = 6000000000000000001ULL;
        const QString dataDir = makeDataDir(m_in + QStringLiteral("/data"), id, 15);
        const QByteArray history = "1\t0/602BA08\tbefore 2026-11-24 19:12:05.524002+00\n\n";
        const QByteArray backup = "START WAL LOCATION: 0/5000028 (file 000000010000000000000005)\n";
        WalPushOptions options;
        options.dataDir = dataDir;
        Result<WalPushResult> h = WalPush(*m_repo, options)
                                          .push(input(QStringLiteral("00000002.history"), history));
        QVERIFY_OK(h);
        QCOMPARE(h->storedPath, m_repo->walPath(id) + QStringLiteral("/00000002.history"));
        QCOMPARE(readFile(h->storedPath), history); // kept uncompressed
        Result<WalPushResult> b
                = WalPush(*m_repo, options)
                          .push(input(QStringLiteral("000000010000000000000005.00000028.backup"),
                                      backup));
        QVERIFY_OK(b);
        QVERIFY(b->storedPath.endsWith(
                u"/0000000100000000/000000010000000000000005.00000028.backup.zst"));
        QVERIFY(*ZstdReader::readAll(b->storedPath) == backup);
        QVERIFY(WalPush(*m_repo, options)
                        .push(input(QStringLiteral("00000002.history"), history))
                        ->alreadyStored);

        // restore_command writes to pg_wal/RECOVERYHISTORY inside the data directory.
        const QString dest = dataDir + QStringLiteral("/pg_wal/RECOVERYHISTORY");
        Result<WalGetResult> got = WalGet(*m_repo).get(QStringLiteral("00000002.history"), dest);
        QVERIFY_OK(got);
        QVERIFY(got->found);
        QCOMPARE(readFile(dest), history);
        got = WalGet(*m_repo).get(QStringLiteral("00000003.history"), dest);
        QVERIFY_OK(got);
        QVERIFY(!got->found);
    }

    void historyWithoutDataDirectoryIsRefused()
    {
        WalPushOptions options;
        options.dataDir = m_in; // no global/pg_control there
        Result<WalPushResult> h
                = WalPush(*m_repo, options)
                          .push(input(QStringLiteral("00000002.history"), "1\t0/1\tx\n"));
        QVERIFY(!h);
        QCOMPARE(h.error().code(), ErrorCode::NotFound);
        QVERIFY(h.error().message().contains(QStringLiteral("cannot tell which server")));
    }

    void getChoosesTheServerOfTheDataDirectory()
    {
        FakeSegment a;
        a.systemId = 1111111111111111111ULL;
        FakeSegment b = a;
        b.systemId = 2222222222222222222ULL;
        b.seed = 5;
        const QString name = QStringLiteral("000000010000000000000001");
        QVERIFY_OK(WalPush(*m_repo).push(input(name, a.bytes())));
        QDir().mkpath(m_in + QStringLiteral("/b"));
        QVERIFY_OK(WalPush(*m_repo).push(input(QStringLiteral("b/") + name, b.bytes())));

        // Outside any data directory, two holders are ambiguous: a clear error.
        Result<WalGetResult> ambiguous = WalGet(*m_repo).get(name, m_in + QStringLiteral("/x"));
        QVERIFY(!ambiguous);
        QCOMPARE(ambiguous.error().code(), ErrorCode::InvalidInput);
        QVERIFY(ambiguous.error().message().contains(QStringLiteral("several servers")));
        QVERIFY(!QFile::exists(m_in + QStringLiteral("/x")));

        const QString dataB = makeDataDir(m_in + QStringLiteral("/dataB"), b.systemId);
        Result<WalGetResult> got = WalGet(*m_repo).get(name, dataB + QStringLiteral("/pg_wal/X"));
        QVERIFY_OK(got);
        QCOMPARE(got->systemId, b.systemId);
        QVERIFY(readFile(dataB + QStringLiteral("/pg_wal/X")) == b.bytes());

        // A data directory of a third server never receives another server's WAL.
        const QString dataC = makeDataDir(m_in + QStringLiteral("/dataC"), 333ULL);
        got = WalGet(*m_repo).get(name, dataC + QStringLiteral("/pg_wal/X"));
        QVERIFY_OK(got);
        QVERIFY(!got->found);
        QVERIFY(!QFile::exists(dataC + QStringLiteral("/pg_wal/X")));
    }

    void getOfMissingOrInvalidNames()
    {
        Result<WalGetResult> got = WalGet(*m_repo).get(QStringLiteral("000000010000000000000009"),
                                                       m_in + QStringLiteral("/x"));
        QVERIFY_OK(got);
        QVERIFY(!got->found);
        got = WalGet(*m_repo).get(QStringLiteral("../../etc/passwd"), m_in + QStringLiteral("/x"));
        QVERIFY(!got);
        QCOMPARE(got.error().code(), ErrorCode::InvalidInput);
    }

    void concurrentPushersOfOneSegment()
    {
        FakeSegment fake;
        fake.segNo = 3;
        const QString path = input(QStringLiteral("000000010000000000000003"), fake.bytes());
        const Repository repo = *m_repo;
        QList<QFuture<Result<WalPushResult>>> runs;
        for (int i = 0; i < 4; ++i)
            runs.append(QtConcurrent::run([repo, path] { return WalPush(repo).push(path); }));
        int written = 0;
        for (auto &run : runs) {
            const Result<WalPushResult> r = run.result();
            QVERIFY_OK(r);
            written += r->alreadyStored ? 0 : 1;
        }
        QCOMPARE(written, 1);
        const QString dir = m_repo->walPath(fake.systemId) + QStringLiteral("/0000000100000000");
        QCOMPARE(filesBelow(dir), QStringList{QStringLiteral("000000010000000000000003.zst")});
    }
};

QTEST_GUILESS_MAIN(TestWalPushGet)
#include "tst_walpushget.moc"
