// The pure parts of a base backup: LSN text and WAL segment names, the typed CopyData messages
// of PostgreSQL 15+, and the tar walk that counts files while archives stream past.

#include "physical/CopyMessage.h"
#include "physical/Lsn.h"
#include "physical/TarMemberCounter.h"

#include <QTest>

using namespace PgVault;

namespace {

// A ustar header as PostgreSQL writes one (octal fields, checksum over the block).
QByteArray tarHeader(const QByteArray &name, qint64 size, char type = '0')
{
    QByteArray block(512, '\0');
    block.replace(0, name.size(), name);
    const QByteArray sizeField = QByteArray::number(size, 8).rightJustified(11, '0');
    block.replace(124, 11, sizeField);
    block[156] = type;
    block.replace(257, 6, QByteArray("ustar\0", 6));
    block.replace(148, 8, QByteArray(8, ' '));
    int sum = 0;
    for (char c : std::as_const(block))
        sum += static_cast<unsigned char>(c);
    const QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
    block.replace(148, 7, QByteArray(checksum).append('\0'));
    return block;
}

QByteArray member(const QByteArray &name, const QByteArray &content)
{
    QByteArray out = tarHeader(name, content.size()) + content;
    out.append(QByteArray((512 - content.size() % 512) % 512, '\0'));
    return out;
}

} // namespace

class TestBaseBackupStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lsnRoundTrip();
    void segmentNames();
    void segmentSizes();
    void copyMessages();
    void malformedCopyMessages();
    void tarCountsFilesInAnyChunking();
    void tarDetectsDamage();
};

void TestBaseBackupStream::lsnRoundTrip()
{
    QCOMPARE(Lsn::parse(u"0/602B800"), std::optional<quint64>(0x602B800));
    QCOMPARE(Lsn::parse(u"1/0000A0"), std::optional<quint64>((quint64(1) << 32) | 0xA0));
    QCOMPARE(Lsn::format(0x602B800), QStringLiteral("0/602B800"));
    QCOMPARE(Lsn::format((quint64(0x1F) << 32) | 0xABC), QStringLiteral("1F/ABC"));
    QVERIFY(!Lsn::parse(u"602B800"));
    QVERIFY(!Lsn::parse(u"0/"));
    QVERIFY(!Lsn::parse(u"0/XYZ"));
}

void TestBaseBackupStream::segmentNames()
{
    const quint64 mb16 = 16 * 1024 * 1024;
    QCOMPARE(Lsn::segmentContaining(0x602B800, 1, mb16),
             QStringLiteral("000000010000000000000006"));
    // The stop LSN is the first byte after the backup: at a boundary, the segment before.
    QCOMPARE(Lsn::segmentBefore(0x7000000, 1, mb16), QStringLiteral("000000010000000000000006"));
    QCOMPARE(Lsn::segmentBefore(0x7000001, 2, mb16), QStringLiteral("000000020000000000000007"));
    QCOMPARE(Lsn::segmentContaining(quint64(1) << 32, 1, mb16),
             QStringLiteral("000000010000000100000000"));
    QCOMPARE(Lsn::segmentContaining((quint64(1) << 32) + 0x3000000, 1, 1024 * 1024 * 1024),
             QStringLiteral("000000010000000100000000"));
}

void TestBaseBackupStream::segmentSizes()
{
    QCOMPARE(Lsn::parseSegmentSize(u"16MB"), std::optional<quint64>(16 * 1024 * 1024));
    QCOMPARE(Lsn::parseSegmentSize(u"1GB"), std::optional<quint64>(quint64(1) << 30));
    QVERIFY(!Lsn::parseSegmentSize(u"15MB"));
    QVERIFY(!Lsn::parseSegmentSize(u"sixteen"));
}

void TestBaseBackupStream::copyMessages()
{
    Result<CopyMessage> archive = CopyMessage::decode(QByteArrayView("n16385.tar\0/srv/ts\0", 19));
    QVERIFY(archive);
    QCOMPARE(archive->type, CopyMessage::Type::NewArchive);
    QCOMPARE(archive->archiveName, QStringLiteral("16385.tar"));
    QCOMPARE(archive->tablespaceLocation, QStringLiteral("/srv/ts"));

    Result<CopyMessage> data = CopyMessage::decode(QByteArrayView("dabc", 4));
    QVERIFY(data);
    QCOMPARE(data->type, CopyMessage::Type::Data);
    QCOMPARE(data->data, QByteArrayView("abc"));

    Result<CopyMessage> progress = CopyMessage::decode(QByteArrayView("p\0\0\0\0\0\1\0\2", 9));
    QVERIFY(progress);
    QCOMPARE(progress->progressBytes, quint64(0x10002));

    Result<CopyMessage> manifest = CopyMessage::decode(QByteArrayView("m", 1));
    QVERIFY(manifest);
    QCOMPARE(manifest->type, CopyMessage::Type::Manifest);
}

void TestBaseBackupStream::malformedCopyMessages()
{
    for (const QByteArray &bad :
         {QByteArray(), QByteArray("x"), QByteArray("nbase.tar", 9), QByteArray("p\0\0", 3),
          QByteArray("m!", 2), QByteArray("nbase.tar\0\0extra", 16)}) {
        const Result<CopyMessage> decoded = CopyMessage::decode(bad);
        QVERIFY2(!decoded, bad.toHex().constData());
        QCOMPARE(decoded.error().code(), ErrorCode::Corrupt);
    }
}

void TestBaseBackupStream::tarCountsFilesInAnyChunking()
{
    QByteArray tar = member("PG_VERSION", "15\n") + tarHeader("global", 0, '5')
                     + member("global/pg_control", QByteArray(8192, 'c'))
                     + tarHeader("pg_tblspc/16385", 0, '2')
                     + member("base/1/1259", QByteArray(700, 'x'));
    tar.append(QByteArray(1024, '\0'));
    for (int chunk : {1, 7, 511, 512, 513, 100000}) {
        TarMemberCounter counter({QStringLiteral("PG_VERSION"), QStringLiteral("global/pg_control"),
                                  QStringLiteral("backup_label")});
        for (qsizetype at = 0; at < tar.size(); at += chunk)
            QVERIFY(counter.feed(
                    QByteArrayView(tar).sliced(at, std::min<qsizetype>(chunk, tar.size() - at))));
        QCOMPARE(counter.regularFiles(), 3);
        QCOMPARE(counter.members(), 5);
        QVERIFY(counter.isTerminated());
        QVERIFY(counter.atMemberBoundary());
        QCOMPARE(counter.found(), (QSet<QString>{QStringLiteral("PG_VERSION"),
                                                 QStringLiteral("global/pg_control")}));
    }
    // Without the end blocks (what PostgreSQL 14 sends) the walk ends at a boundary, open.
    TarMemberCounter open;
    QVERIFY(open.feed(member("PG_VERSION", "14\n")));
    QVERIFY(open.atMemberBoundary());
    QVERIFY(!open.isTerminated());
}

void TestBaseBackupStream::tarDetectsDamage()
{
    QByteArray damaged = member("PG_VERSION", "15\n");
    damaged[3] = 'X'; // the name changes, the checksum does not
    TarMemberCounter counter;
    const Status fed = counter.feed(damaged);
    QVERIFY(!fed);
    QCOMPARE(fed.error().code(), ErrorCode::Corrupt);

    TarMemberCounter after;
    QVERIFY(after.feed(QByteArray(1024, '\0')));
    QVERIFY(!after.feed(member("late", "x")));
}

QTEST_GUILESS_MAIN(TestBaseBackupStream)
#include "tst_basebackupstream.moc"
