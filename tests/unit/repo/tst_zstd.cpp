#include "TestUtil.h"
#include "repo/Checksum.h"
#include "repo/ZstdReader.h"
#include "repo/ZstdWriter.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault;

namespace {

// Half random, half repetitive: something zstd can compress but not trivially.
QByteArray sampleData(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = (i / 4096) % 2 ? char(rng.generate() & 0xFF) : char('a' + i % 7);
    return data;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestZstd : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString store(const QString &name, const QByteArray &compressed)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, compressed);
        return path;
    }

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<qsizetype>("size");
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("level");
        QTest::newRow("empty") << qsizetype(0) << 0 << 3;
        QTest::newRow("one byte") << qsizetype(1) << 0 << 3;
        QTest::newRow("1 MB") << qsizetype(1 << 20) << 0 << 1;
        QTest::newRow("5 MB, 2 workers") << qsizetype(5 << 20) << 2 << 3;
        QTest::newRow("3 MB, level 19") << qsizetype(3 << 20) << 0 << 19;
    }

    void roundTrip()
    {
        QFETCH(qsizetype, size);
        QFETCH(int, workers);
        QFETCH(int, level);
        const QByteArray raw = sampleData(size, 42);
        QByteArray compressed;
        ZstdWriter::Options options;
        options.level = level;
        options.workers = workers;
        ZstdWriter writer(
                [&compressed](QByteArrayView chunk) {
                    compressed.append(chunk);
                    return Status();
                },
                options);
        // Uneven pieces, like a reader loop would hand over.
        for (qsizetype pos = 0; pos < raw.size();) {
            const qsizetype n = qMin<qsizetype>(raw.size() - pos, 100000 + pos % 7777);
            QVERIFY_OK(writer.write(QByteArrayView(raw).sliced(pos, n)));
            pos += n;
        }
        QVERIFY_OK(writer.finish());
        QCOMPARE(writer.rawBytes(), qint64(raw.size()));
        QCOMPARE(writer.storedBytes(), qint64(compressed.size()));
        QVERIFY(compressed.size() >= 9);
        QVERIFY2(compressed[4] & 0x04, "frame header must announce a content checksum");

        const QString path = store(QStringLiteral("rt.zst"), compressed);
        ZstdReader reader(path);
        QVERIFY_OK(reader.open());
        QByteArray back;
        char buffer[3000]; // smaller than a block: exercises partial output
        for (;;) {
            Result<qint64> n = reader.read(buffer, sizeof buffer);
            QVERIFY_OK(n);
            if (*n == 0)
                break;
            back.append(buffer, qsizetype(*n));
        }
        QCOMPARE(back.size(), raw.size());
        QVERIFY(back == raw);
        QCOMPARE(reader.compressedOffset(), qint64(compressed.size()));
    }

    void sinkErrorStopsTheWriter()
    {
        ZstdWriter writer([](QByteArrayView) {
            return Status(Error(ErrorCode::DiskFull, QStringLiteral("no space left on /x")));
        });
        Status s = writer.write(sampleData(1 << 20, 1));
        if (s)
            s = writer.finish();
        QVERIFY(!s);
        QCOMPARE(s.error().code(), ErrorCode::DiskFull);
    }

    void truncatedFrameIsCorruptWithOffset_data()
    {
        QTest::addColumn<int>("keep");
        QTest::newRow("nothing") << 0;
        QTest::newRow("3 bytes") << 3;
        QTest::newRow("header only") << 12;
        QTest::newRow("half") << -2;
        QTest::newRow("all but checksum") << -4;
        QTest::newRow("all but 1") << -1;
    }

    void truncatedFrameIsCorruptWithOffset()
    {
        QFETCH(int, keep);
        Result<QByteArray> full = ZstdWriter::compress(sampleData(600000, 7));
        QVERIFY_OK(full);
        qsizetype size = keep >= 0 ? keep : full->size() + keep;
        if (keep == -2)
            size = full->size() / 2;
        const QString path = store(QStringLiteral("truncated.zst"), full->left(size));
        Result<QByteArray> back = ZstdReader::readAll(path);
        QVERIFY(!back);
        QCOMPARE(back.error().code(), ErrorCode::Corrupt);
        QVERIFY2(back.error().message().contains(path), qPrintable(back.error().message()));
        QVERIFY2(back.error().message().contains(QStringLiteral("at byte %1").arg(size)),
                 qPrintable(back.error().message()));
    }

    void damagedFrameIsCorrupt_data()
    {
        QTest::addColumn<int>("position"); // negative: from the end
        QTest::newRow("in the data") << 3000;
        QTest::newRow("in the checksum") << -2;
        QTest::newRow("magic") << 0;
    }

    void damagedFrameIsCorrupt()
    {
        QFETCH(int, position);
        Result<QByteArray> full = ZstdWriter::compress(sampleData(600000, 9));
        QVERIFY_OK(full);
        QByteArray damaged = *full;
        const qsizetype at = position >= 0 ? position : damaged.size() + position;
        damaged[at] = char(damaged[at] ^ 0x5A);
        const QString path = store(QStringLiteral("damaged.zst"), damaged);
        Result<QByteArray> back = ZstdReader::readAll(path);
        QVERIFY(!back);
        QCOMPARE(back.error().code(), ErrorCode::Corrupt);
        QVERIFY2(back.error().message().contains(path)
                         && back.error().message().contains(QStringLiteral("at byte")),
                 qPrintable(back.error().message()));
        if (position == -2)
            QVERIFY2(back.error().message().contains(QStringLiteral("checksum")),
                     qPrintable(back.error().message()));
    }

    void frameWithoutChecksumIsRefused()
    {
        Result<QByteArray> full = ZstdWriter::compress(QByteArray("hello"));
        QVERIFY_OK(full);
        QByteArray noChecksum = *full;
        noChecksum[4] = char(noChecksum[4] & ~0x04);
        const QString path = store(QStringLiteral("nock.zst"), noChecksum);
        Result<QByteArray> back = ZstdReader::readAll(path);
        QVERIFY(!back);
        QCOMPARE(back.error().code(), ErrorCode::Corrupt);
        QVERIFY(back.error().message().contains(QStringLiteral("no content checksum")));
    }

    void trailingGarbageIsCorrupt()
    {
        Result<QByteArray> full = ZstdWriter::compress(QByteArray("hello"));
        QVERIFY_OK(full);
        const QString path = store(QStringLiteral("trailing.zst"), *full + "garbage!");
        Result<QByteArray> back = ZstdReader::readAll(path);
        QVERIFY(!back);
        QCOMPARE(back.error().code(), ErrorCode::Corrupt);
        QVERIFY(back.error().message().contains(QStringLiteral("at byte %1").arg(full->size())));
    }

    void concatenatedFramesAreOneStream()
    {
        Result<QByteArray> a = ZstdWriter::compress(QByteArray("hello "));
        Result<QByteArray> b = ZstdWriter::compress(QByteArray("world"));
        QVERIFY_OK(a);
        QVERIFY_OK(b);
        const QString path = store(QStringLiteral("two.zst"), *a + *b);
        Result<QByteArray> back = ZstdReader::readAll(path);
        QVERIFY_OK(back);
        QCOMPARE(*back, QByteArray("hello world"));
    }

    void missingFileIsNotFound()
    {
        ZstdReader reader(m_dir.filePath(QStringLiteral("none.zst")));
        const Status s = reader.open();
        QVERIFY(!s);
        QCOMPARE(s.error().code(), ErrorCode::NotFound);
    }

    void checksumStrings()
    {
        QCOMPARE(Checksum::of("abc"),
                 QStringLiteral(
                         "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f2001"
                         "5ad"));
        Checksum streamed;
        streamed.add("a");
        streamed.add("bc");
        QCOMPARE(streamed.result(), Checksum::of("abc"));
        QVERIFY(Checksum::isWellFormed(Checksum::of("")));
        QVERIFY(!Checksum::isWellFormed(QStringLiteral("md5:abc")));
    }
};

QTEST_GUILESS_MAIN(TestZstd)
#include "tst_zstd.moc"
