#include "wal/WalFileName.h"

#include <QTest>

using namespace PgVault;
using Kind = WalFileName::Kind;

class TestWalFileName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesArchiveNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::addColumn<quint32>("timeline");
        QTest::addColumn<quint32>("log");
        QTest::addColumn<quint32>("seg");
        QTest::addColumn<QString>("stored");
        QTest::newRow("segment") << QStringLiteral("000000010000000000000006") << int(Kind::Segment)
                                 << 1u << 0u << 6u
                                 << QStringLiteral("0000000100000000/000000010000000000000006.zst");
        QTest::newRow("high fields")
                << QStringLiteral("0000000A0000ABCD000000FF") << int(Kind::Segment) << 10u
                << 0xABCDu << 0xFFu
                << QStringLiteral("0000000A0000ABCD/0000000A0000ABCD000000FF.zst");
        QTest::newRow("partial")
                << QStringLiteral("000000010000000000000007.partial") << int(Kind::Partial) << 1u
                << 0u << 7u
                << QStringLiteral("0000000100000000/000000010000000000000007.partial.zst");
        QTest::newRow("backup") << QStringLiteral("000000010000000000000005.00000028.backup")
                                << int(Kind::Backup) << 1u << 0u << 5u
                                << QStringLiteral("0000000100000000/"
                                                  "000000010000000000000005.00000028.backup.zst");
        QTest::newRow("history") << QStringLiteral("00000002.history") << int(Kind::History) << 2u
                                 << 0u << 0u << QStringLiteral("00000002.history");
    }

    void parsesArchiveNames()
    {
        QFETCH(QString, name);
        QFETCH(int, kind);
        QFETCH(quint32, timeline);
        QFETCH(quint32, log);
        QFETCH(quint32, seg);
        QFETCH(QString, stored);
        const auto w = WalFileName::parse(name);
        QVERIFY(w);
        QCOMPARE(int(w->kind()), kind);
        QCOMPARE(w->timeline(), timeline);
        QCOMPARE(w->log(), log);
        QCOMPARE(w->seg(), seg);
        QCOMPARE(w->name(), name);
        QCOMPARE(w->storedRelativePath(), stored);
        QCOMPARE(w->isStoredCompressed(), w->kind() != Kind::History);
    }

    void backupOffset()
    {
        const auto w = WalFileName::parse(u"000000010000000000000005.00000028.backup");
        QVERIFY(w);
        QCOMPARE(w->backupOffset(), 0x28u);
        QCOMPARE(w->segmentName(), QStringLiteral("000000010000000000000005"));
    }

    void rejectsEverythingElse_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *bad : {"",
                                "0",
                                "00000001000000000000000",
                                "0000000100000000000000011",
                                "000000010000000000000001.zst",
                                "000000010000000000000001.PARTIAL",
                                "000000010000000000000001.partial.zst",
                                "00000001000000000000000a",
                                "0000000g0000000000000001",
                                "../../../../etc/passwd",
                                "000000010000000000000001/",
                                "/000000010000000000000001",
                                "../00000001.history",
                                "00000001.HISTORY",
                                "0000001.history",
                                "000000001.history",
                                "00000000.history",
                                "000000000000000000000001",
                                " 00000001000000000000001",
                                "+0000001000000000000000001",
                                "000000010000000000000005.0000028.backup",
                                "000000010000000000000005.00000028.backupx",
                                "000000010000000000000005.0000002G.backup",
                                "000000010000000000000005_00000028.backup",
                                "RECOVERYXLOG",
                                "xlogtemp.123",
                                "00000001.history.",
                                "archive_status"}) {
            QTest::newRow(bad) << QString::fromLatin1(bad);
        }
        QTest::newRow("fullwidth digit") << QStringLiteral("00000001000000000000000１");
    }

    void rejectsEverythingElse()
    {
        QFETCH(QString, name);
        QVERIFY(!WalFileName::parse(name));
    }

    void segmentArithmetic_data()
    {
        QTest::addColumn<quint64>("segmentSize");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("next");
        QTest::addColumn<quint64>("segNo");
        const quint64 mb = 1024 * 1024;
        QTest::newRow("16 MB") << 16 * mb << QStringLiteral("000000010000000000000006")
                               << QStringLiteral("000000010000000000000007") << quint64(6);
        QTest::newRow("16 MB wraps the log")
                << 16 * mb << QStringLiteral("0000000100000003000000FF")
                << QStringLiteral("000000010000000400000000") << quint64(3 * 256 + 255);
        QTest::newRow("1 MB") << mb << QStringLiteral("000000010000000000000FFF")
                              << QStringLiteral("000000010000000100000000") << quint64(4095);
        QTest::newRow("1 GB") << 1024 * mb << QStringLiteral("000000020000000500000003")
                              << QStringLiteral("000000020000000600000000") << quint64(5 * 4 + 3);
    }

    void segmentArithmetic()
    {
        QFETCH(quint64, segmentSize);
        QFETCH(QString, name);
        QFETCH(QString, next);
        QFETCH(quint64, segNo);
        const auto w = WalFileName::parse(name);
        QVERIFY(w);
        QVERIFY(w->fitsSegmentSize(segmentSize));
        QCOMPARE(w->segmentNumber(segmentSize), segNo);
        QCOMPARE(w->startLsn(segmentSize), segNo * segmentSize);
        QCOMPARE(w->next(segmentSize).name(), next);
        QCOMPARE(w->next(segmentSize).previous(segmentSize)->name(), name);
        QCOMPARE(WalFileName::segment(w->timeline(), segNo, segmentSize), *w);
    }

    void firstSegmentHasNoPrevious()
    {
        const auto w = WalFileName::parse(u"000000010000000000000000");
        QVERIFY(w);
        QVERIFY(!w->previous());
    }

    void segmentSizes()
    {
        QVERIFY(WalFileName::isValidSegmentSize(16 * 1024 * 1024));
        QVERIFY(WalFileName::isValidSegmentSize(1024 * 1024));
        QVERIFY(WalFileName::isValidSegmentSize(1024 * 1024 * 1024));
        QVERIFY(!WalFileName::isValidSegmentSize(512 * 1024));
        QVERIFY(!WalFileName::isValidSegmentSize(2048ULL * 1024 * 1024));
        QVERIFY(!WalFileName::isValidSegmentSize(3 * 1024 * 1024));
        // seg field 0x100 does not exist with 16 MB segments (it runs to 0xFF).
        QVERIFY(!WalFileName::parse(u"000000010000000000000100")->fitsSegmentSize(16 << 20));
        QVERIFY(WalFileName::parse(u"000000010000000000000100")->fitsSegmentSize(1 << 20));
    }

    void historyConstructor()
    {
        QCOMPARE(WalFileName::history(0x1A).name(), QStringLiteral("0000001A.history"));
    }
};

QTEST_GUILESS_MAIN(TestWalFileName)
#include "tst_walfilename.moc"
