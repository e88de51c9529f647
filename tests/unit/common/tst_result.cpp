#include "common/Result.h"

#include <QTest>

using namespace PgVault;

class TestResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueAndError()
    {
        Result<int> good(42);
        QVERIFY(good.ok());
        QCOMPARE(*good, 42);

        Result<int> bad(Error(ErrorCode::NotFound, QStringLiteral("no such backup"),
                              QStringLiteral("ENOENT")));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code(), ErrorCode::NotFound);

        Status done;
        QVERIFY(done.ok());
        Status failed(Error(ErrorCode::Locked, QStringLiteral("locked")));
        QVERIFY(!failed);
    }

    void contextAndDetailAccumulate()
    {
        const Error base(ErrorCode::DiskFull, QStringLiteral("no space left on /repo"),
                         QStringLiteral("ENOSPC"));
        const Error wrapped = base.withContext(QStringLiteral("Dumping shop"))
                                      .withDetail(QStringLiteral("write()"));
        QCOMPARE(wrapped.message(), QStringLiteral("Dumping shop: no space left on /repo"));
        QCOMPARE(wrapped.detail(), QStringLiteral("ENOSPC\nwrite()"));
        QCOMPARE(wrapped.code(), ErrorCode::DiskFull);
        QCOMPARE(wrapped.toString(),
                 QStringLiteral("Dumping shop: no space left on /repo\nENOSPC\nwrite()"));
        QCOMPARE(Error::codeName(ErrorCode::DiskFull), QStringLiteral("disk-full"));
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
