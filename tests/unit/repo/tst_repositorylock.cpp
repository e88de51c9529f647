#include "TestUtil.h"
#include "repo/RepositoryLock.h"

#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <unistd.h>

using namespace PgVault;

namespace {
// Child mode: take the lock, say so, and hold it until stdin closes (or we are killed).
int holdLock(const QString &dir)
{
    Result<std::unique_ptr<RepositoryLock>> lock
            = RepositoryLock::acquire(dir, QStringLiteral("base backup"));
    if (!lock) {
        std::printf("failed %s\n", qPrintable(lock.error().toString()));
        return 1;
    }
    std::printf("locked %lld\n", static_cast<long long>(::getpid()));
    std::fflush(stdout);
    char c;
    while (std::fread(&c, 1, 1, stdin) == 1) {
    }
    return 0;
}
} // namespace

class TestRepositoryLock : public QObject
{
    Q_OBJECT

private:
    // Starts a child process of this binary that holds the lock on dir.
    bool startHolder(QProcess &child, const QString &dir)
    {
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--hold"), dir});
        if (!child.waitForStarted(10000) || !child.waitForReadyRead(10000))
            return false;
        return child.readLine().startsWith("locked ");
    }

private Q_SLOTS:
    void secondWriterInThisProcessIsLocked()
    {
        QTemporaryDir dir;
        auto first = RepositoryLock::acquire(dir.path(), QStringLiteral("expire"));
        QVERIFY_OK(first);
        auto second = RepositoryLock::acquire(dir.path(), QStringLiteral("backup"));
        QVERIFY(!second);
        QCOMPARE(second.error().code(), ErrorCode::Locked);
        QVERIFY2(second.error().message().contains(QStringLiteral("locked by pid %1 on %2 since")
                                                           .arg(::getpid())
                                                           .arg(QSysInfo::machineHostName())),
                 qPrintable(second.error().message()));
        QVERIFY(second.error().message().endsWith(QStringLiteral("(expire)")));
        first->reset(); // released
        QVERIFY_OK(RepositoryLock::acquire(dir.path(), QStringLiteral("backup")));
    }

    void secondWriterInAnotherProcessIsLocked()
    {
        QTemporaryDir dir;
        QProcess holder;
        QVERIFY2(startHolder(holder, dir.path()), holder.readAllStandardError().constData());

        auto mine = RepositoryLock::acquire(dir.path(), QStringLiteral("backup"));
        QVERIFY(!mine);
        QCOMPARE(mine.error().code(), ErrorCode::Locked);
        QVERIFY2(mine.error().message().contains(QStringLiteral("locked by pid %1 on %2 since")
                                                         .arg(holder.processId())
                                                         .arg(QSysInfo::machineHostName())),
                 qPrintable(mine.error().message()));

        // A holder that dies (no clean-up at all) releases the lock with it.
        holder.kill();
        QVERIFY(holder.waitForFinished(10000));
        QVERIFY_OK(RepositoryLock::acquire(dir.path(), QStringLiteral("backup")));
    }

    void holderThatEndsNormallyReleases()
    {
        QTemporaryDir dir;
        QProcess holder;
        QVERIFY(startHolder(holder, dir.path()));
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        QCOMPARE(holder.exitCode(), 0);
        auto mine = RepositoryLock::acquire(dir.path(), QStringLiteral("backup"));
        QVERIFY_OK(mine);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("writer.lock"))));
    }

    void ownerTextRoundTrip()
    {
        RepositoryLock::Owner owner;
        owner.pid = 4242;
        owner.host = QStringLiteral("backup-host");
        owner.since = QDateTime(QDate(2026, 11, 24), QTime(19, 4, 5), Qt::UTC);
        owner.purpose = QStringLiteral("expire");
        const RepositoryLock::Owner back
                = RepositoryLock::decodeOwner(RepositoryLock::encodeOwner(owner));
        QCOMPARE(back.pid, owner.pid);
        QCOMPARE(back.host, owner.host);
        QCOMPARE(back.since, owner.since);
        QCOMPARE(back.purpose, owner.purpose);
        QCOMPARE(RepositoryLock::decodeOwner(QByteArray()).pid, 0);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--hold") == 0)
        return holdLock(QString::fromLocal8Bit(argv[2]));
    TestRepositoryLock test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_repositorylock.moc"
