// wal-push and wal-get against a real server: archive_command and restore_command run the real
// pgvault-cli ($PGVAULT_CLI) as the server's own user, like in production.

#include "FakeWal.h"
#include "PgCluster.h"
#include "Processes.h"
#include "TestUtil.h"
#include "repo/AtomicFile.h"
#include "repo/FileSystem.h"
#include "repo/Repository.h"
#include "repo/ZstdReader.h"
#include "wal/WalFileName.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace PgVault;
using namespace PgVault::Test;

namespace {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray sha(const QString &path)
{
    return QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256).toHex();
}

template<typename Predicate>
bool waitFor(Predicate predicate, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!predicate()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QThread::msleep(100);
    }
    return true;
}

QString shellQuote(const QString &s)
{
    return QLatin1Char('\'') + QString(s).replace(QLatin1String("'"), QLatin1String("'\\''"))
           + QLatin1Char('\'');
}

} // namespace

class TestWalArchive : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<PgCluster> m_cluster;
    QString m_cli;
    QString m_repoPath;
    std::optional<Repository> m_repo;
    quint64 m_systemId = 0;
    QString m_scratch;

    bool isRoot() const { return ::geteuid() == 0; }

    // Runs pgvault-cli as the server's user (root runs it through runuser), so files it creates
    // belong to the same user as the archiver's and permissions bite as they would in real life.
    QProcess *startCli(const QStringList &args, const QString &workDir = {})
    {
        auto *p = new QProcess(this);
        QStringList all{QStringLiteral("--repo"), m_repoPath};
        all += args;
        p->setWorkingDirectory(workDir.isEmpty() ? m_scratch : workDir);
        if (isRoot()) {
            p->start(QStringLiteral("runuser"),
                     QStringList{QStringLiteral("-u"), PgCluster::serverUser(),
                                 QStringLiteral("--"), m_cli}
                             + all);
        } else {
            p->start(m_cli, all);
        }
        return p;
    }

    CliRun runCli(const QStringList &args, const QString &workDir = {})
    {
        std::unique_ptr<QProcess> p(startCli(args, workDir));
        CliRun run;
        if (!p->waitForFinished(60000) || p->exitStatus() != QProcess::NormalExit)
            return run;
        run.exitCode = p->exitCode();
        run.out = p->readAllStandardOutput();
        run.err = p->readAllStandardError();
        return run;
    }

    // A scratch folder the server user owns.
    QString scratchFolder(const QString &name)
    {
        const QString path = m_scratch + QLatin1Char('/') + name;
        QDir().mkpath(path);
        PgCluster::grantToServerUser(path).ok();
        return path;
    }

    QString storedPath(const QString &name) const
    {
        const auto w = WalFileName::parse(name);
        return m_repo->walPath(m_systemId) + QLatin1Char('/') + w->storedRelativePath();
    }

    QString currentSegment()
    {
        return m_cluster->scalar(QStringLiteral("SELECT pg_walfile_name(pg_current_wal_lsn())"))
                .value();
    }

    // Writes something, switches to the next segment, returns the name of the switched one.
    QString writeAndSwitch()
    {
        m_cluster
                ->execute(QStringLiteral("INSERT INTO t SELECT g, md5(g::text) FROM "
                                         "generate_series(1, 5000) g"))
                .ok();
        const QString name = currentSegment();
        m_cluster->execute(QStringLiteral("SELECT pg_switch_wal()")).ok();
        return name;
    }

    bool archived(const QString &name)
    {
        const Result<QString> last = m_cluster->scalar(
                QStringLiteral("SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver"));
        return last.ok() && *last >= name && QFile::exists(storedPath(name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_PG_MAJOR(PgCluster::defaultMajor());
        m_cli = qEnvironmentVariable("PGVAULT_CLI");
        QVERIFY2(QFileInfo(m_cli).isExecutable(), "PGVAULT_CLI must name the built pgvault-cli");

        PgClusterOptions options;
        options.settings = {{QStringLiteral("wal_level"), QStringLiteral("replica")},
                            {QStringLiteral("archive_mode"), QStringLiteral("on")},
                            {QStringLiteral("wal_keep_size"), QStringLiteral("1GB")}};
        m_cluster = std::make_unique<PgCluster>(options);
        m_scratch = m_cluster->scratchDir();
        QVERIFY(!m_scratch.isEmpty());
        m_repoPath = m_scratch + QStringLiteral("/repository");
        Result<Repository> repo = Repository::create(m_repoPath);
        QVERIFY_OK(repo);
        m_repo = *repo;
        QVERIFY_OK(PgCluster::grantToServerUser(m_repoPath));
        QVERIFY_OK(m_cluster->setSetting(QStringLiteral("archive_command"),
                                         shellQuote(m_cli) + QStringLiteral(" --repo ")
                                                 + shellQuote(m_repoPath)
                                                 + QStringLiteral(" wal-push %p")));
        QVERIFY_OK(m_cluster->start());
        Result<QString> id = m_cluster->scalar(
                QStringLiteral("SELECT system_identifier FROM pg_control_system()"));
        QVERIFY_OK(id);
        m_systemId = id->toULongLong();
        QVERIFY(m_systemId != 0);
        QVERIFY_OK(m_cluster->execute(QStringLiteral("CREATE TABLE t (id int, v text)")));
    }

    void cleanupTestCase()
    {
        if (m_cluster && QTest::currentTestFailed())
            qInfo().noquote() << m_cluster->serverLog().right(4000);
        m_cluster.reset();
    }

    void archivesSwitchedSegments()
    {
        QStringList names;
        for (int i = 0; i < 2; ++i)
            names.append(writeAndSwitch());
        for (const QString &name : std::as_const(names)) {
            QVERIFY2(waitFor([&] { return archived(name); }, 60000),
                     qPrintable(name + QStringLiteral(" was not archived\n")
                                + m_cluster->serverLog().right(3000)));
            const QByteArray original
                    = readFile(m_cluster->dataDir() + QStringLiteral("/pg_wal/") + name);
            QCOMPARE(original.size(), 16 * 1024 * 1024);
            const QString stored = storedPath(name);
            QVERIFY2(QFileInfo(stored).size() < original.size() / 4,
                     qPrintable(QString::number(QFileInfo(stored).size())));

            const QString dest = scratchFolder(QStringLiteral("get")) + QLatin1Char('/') + name;
            const CliRun got = runCli({QStringLiteral("wal-get"), name, dest});
            QCOMPARE(got.exitCode, 0);
            QCOMPARE(got.err, QByteArray());
            QVERIFY(readFile(dest) == original);
        }
        Result<QByteArray> serverJson = ZstdReader::readAll(storedPath(names.first()));
        QVERIFY_OK(serverJson); // the stored frame verifies in-process too
        QVERIFY(QFile::exists(m_repo->serverPath(m_systemId) + QStringLiteral("/server.json")));
        QVERIFY(readFile(m_repo->serverPath(m_systemId) + QStringLiteral("/server.json"))
                        .contains(QStringLiteral("\"majorVersion\": %1")
                                          .arg(m_cluster->major())
                                          .toUtf8()));
    }

    void repeatedPushSucceeds()
    {
        const QString name = writeAndSwitch();
        QVERIFY(waitFor([&] { return archived(name); }, 60000));
        const QByteArray before = sha(storedPath(name));
        const QString copy = scratchFolder(QStringLiteral("again")) + QLatin1Char('/') + name;
        QVERIFY(writeFile(copy,
                          readFile(m_cluster->dataDir() + QStringLiteral("/pg_wal/") + name)));
        PgCluster::grantToServerUser(copy).ok();
        const CliRun pushed = runCli({QStringLiteral("--json"), QStringLiteral("wal-push"), copy});
        QCOMPARE(pushed.exitCode, 0);
        QVERIFY2(pushed.out.contains("\"alreadyStored\":true"), pushed.out.constData());
        QCOMPARE(sha(storedPath(name)), before);
    }

    void differentContentIsRefused()
    {
        const QString name = writeAndSwitch();
        QVERIFY(waitFor([&] { return archived(name); }, 60000));
        const QByteArray before = sha(storedPath(name));
        QByteArray changed = readFile(m_cluster->dataDir() + QStringLiteral("/pg_wal/") + name);
        changed[100000] = char(changed[100000] ^ 0x01);
        const QString copy = scratchFolder(QStringLiteral("changed")) + QLatin1Char('/') + name;
        QVERIFY(writeFile(copy, changed));
        PgCluster::grantToServerUser(copy).ok();
        const CliRun pushed = runCli({QStringLiteral("wal-push"), copy});
        QCOMPARE(pushed.exitCode, 1);
        QVERIFY2(pushed.err.contains("refusing to overwrite"), pushed.err.constData());
        QCOMPARE(sha(storedPath(name)), before);
    }

    void walGetOfMissingNameIsSilent()
    {
        const QString dest
                = scratchFolder(QStringLiteral("missing")) + QStringLiteral("/RECOVERYXLOG");
        for (const char *name : {"0000000100000000000000FE", "00000009.history"}) {
            const CliRun got = runCli({QStringLiteral("wal-get"), QLatin1String(name), dest});
            QCOMPARE(got.exitCode, 1);
            QCOMPARE(got.err, QByteArray());
            QCOMPARE(got.out, QByteArray());
            QVERIFY(!QFile::exists(dest));
        }
        // A name that is no WAL file at all is a loud error, not "missing".
        const CliRun bad
                = runCli({QStringLiteral("wal-get"), QStringLiteral("../pg_control"), dest});
        QVERIFY(bad.exitCode != 0);
        QVERIFY(!bad.err.isEmpty());
    }

    // pg_backup_stop() makes the server archive a .backup file; it has no WAL header, so
    // wal-push finds the server from global/pg_control in its working directory.
    void backupHistoryFileIsArchived()
    {
        const bool pg15 = m_cluster->major() >= 15;
        QVERIFY_OK(m_cluster->execute(
                pg15 ? QStringLiteral("SELECT pg_backup_start('t', true); SELECT pg_backup_stop()")
                     : QStringLiteral("SELECT pg_start_backup('t', true, false); "
                                      "SELECT pg_stop_backup(false, true)")));
        QString backupName;
        QVERIFY(waitFor(
                [&] {
                    const QStringList files = QDir(m_cluster->dataDir() + QStringLiteral("/pg_wal"))
                                                      .entryList({QStringLiteral("*.backup")});
                    backupName = files.value(0);
                    return !backupName.isEmpty() && QFile::exists(storedPath(backupName));
                },
                60000));
        const QString dest
                = scratchFolder(QStringLiteral("backup")) + QLatin1Char('/') + backupName;
        const CliRun got = runCli({QStringLiteral("wal-get"), backupName, dest});
        QCOMPARE(got.exitCode, 0);
        QCOMPARE(readFile(dest),
                 readFile(m_cluster->dataDir() + QStringLiteral("/pg_wal/") + backupName));
        QVERIFY(readFile(dest).contains("START WAL LOCATION"));
    }

    // The repository becomes unwritable for the server's user: archiving fails loudly (with
    // our reason in the server log), PostgreSQL keeps the segment and retries, and after the
    // fix everything arrives. As root the archiver runs as "pgvault-test", so chmod bites.
    void unwritableRepositoryFailsThenRecovers()
    {
        const QString walDir = m_repo->walPath(m_systemId);
        const QString logDir = walDir + QStringLiteral("/0000000100000000");
        QVERIFY(QFileInfo(logDir).isDir());
        const auto setMode = [&](mode_t mode) {
            return ::chmod(QFile::encodeName(walDir).constData(), mode) == 0
                   && ::chmod(QFile::encodeName(logDir).constData(), mode) == 0;
        };
        const auto failedCount = [&] {
            return m_cluster->scalar(QStringLiteral("SELECT failed_count FROM pg_stat_archiver"))
                    .value()
                    .toInt();
        };
        const int failedBefore = failedCount();
        QVERIFY(setMode(0555));
        const QString name = writeAndSwitch();
        const bool failed = waitFor([&] { return failedCount() > failedBefore; }, 60000);
        const QString log = m_cluster->serverLog();

        // The same as a direct call.
        const QString copy = scratchFolder(QStringLiteral("perm")) + QLatin1Char('/') + name;
        QVERIFY(writeFile(copy,
                          readFile(m_cluster->dataDir() + QStringLiteral("/pg_wal/") + name)));
        PgCluster::grantToServerUser(copy).ok();
        const CliRun direct = runCli({QStringLiteral("wal-push"), copy});
        QVERIFY(setMode(0755));

        QVERIFY2(failed, qPrintable(log.right(3000)));
        QVERIFY(!QFile::exists(storedPath(name)));
        QVERIFY2(log.contains(QStringLiteral("permission denied on %1").arg(logDir)),
                 qPrintable(log.right(3000)));
        QCOMPARE(direct.exitCode, 1);
        QVERIFY2(direct.err.contains("permission denied on"), direct.err.constData());

        // Fixed: a new segment wakes the archiver, which retries the old one first.
        const QString next = writeAndSwitch();
        for (const QString &n : {name, next}) {
            QVERIFY2(waitFor([&] { return archived(n); }, 90000),
                     qPrintable(n + QLatin1Char('\n') + m_cluster->serverLog().right(3000)));
            const QString dest = scratchFolder(QStringLiteral("perm-get")) + QLatin1Char('/') + n;
            QCOMPARE(runCli({QStringLiteral("wal-get"), n, dest}).exitCode, 0);
            QVERIFY(readFile(dest)
                    == readFile(m_cluster->dataDir() + QStringLiteral("/pg_wal/") + n));
        }
    }

    // A pusher killed mid-write (SIGKILL: no clean-up code runs) leaves no file under the final
    // name, only a recognisable temporary file. The input is a FIFO, so the test decides exactly
    // when the pusher is stuck in the middle of the file.
    void killedPushLeavesOnlyDebris()
    {
        FakeSegment fake;
        fake.systemId = m_systemId;
        fake.segNo = 0xF0;
        const QString name = WalFileName::segment(1, fake.segNo).name();
        const QString in = scratchFolder(QStringLiteral("fifo"));
        const QString fifo = in + QLatin1Char('/') + name;
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        PgCluster::grantToServerUser(fifo).ok();

        std::unique_ptr<QProcess> pusher(startCli({QStringLiteral("wal-push"), fifo}));
        QVERIFY(pusher->waitForStarted(10000));
        QFile writer(fifo);
        QVERIFY(writer.open(QIODevice::WriteOnly | QIODevice::Unbuffered)); // waits for the reader
        const QByteArray data = fake.bytes();
        QCOMPARE(writer.write(data.left(4 * 1024 * 1024)), qint64(4 * 1024 * 1024));

        const QString logDir = FileSystem::parentOf(storedPath(name));
        const auto debris = [&] {
            QStringList out;
            const QStringList names = QDir(logDir).entryList(QDir::Files | QDir::Hidden);
            for (const QString &n : names) {
                if (n.startsWith(QLatin1Char('.') + name))
                    out.append(n);
            }
            return out;
        };
        QVERIFY(waitFor([&] { return !debris().isEmpty(); }, 20000));
        // As root the pusher is runuser's child; kill the pusher itself.
        qint64 pid = pusher->processId();
        if (isRoot()) {
            const QList<qint64> children = childProcesses(pid);
            QCOMPARE(children.size(), 1);
            pid = children.first();
        }
        QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
        QVERIFY(pusher->waitForFinished(10000));
        writer.close();

        QVERIFY(!QFile::exists(storedPath(name)));
        const QStringList left = debris();
        QCOMPARE(left.size(), 1);
        QVERIFY2(AtomicFile::isTempName(left.first()), qPrintable(left.first()));

        // The next attempt (PostgreSQL retries) stores the whole file; the debris stays for
        // verify/expire to report and remove.
        QVERIFY(QFile::remove(fifo));
        QVERIFY(writeFile(fifo, data));
        PgCluster::grantToServerUser(fifo).ok();
        QCOMPARE(runCli({QStringLiteral("wal-push"), fifo}).exitCode, 0);
        const QString dest = scratchFolder(QStringLiteral("fifo-get")) + QLatin1Char('/') + name;
        QCOMPARE(runCli({QStringLiteral("wal-get"), name, dest}).exitCode, 0);
        QVERIFY(readFile(dest) == data);
        QVERIFY(QFile::remove(storedPath(name))); // not real WAL: keep it away from recovery
    }

    // A timeline switch: the server restarts as a standby whose restore_command is wal-get,
    // is promoted, and archives 00000002.history (and the old timeline's .partial) itself.
    void promotionArchivesHistory()
    {
        QVERIFY_OK(m_cluster->stop());
        const QString signal = m_cluster->dataDir() + QStringLiteral("/standby.signal");
        QVERIFY(writeFile(signal, {}));
        PgCluster::grantToServerUser(signal).ok();
        QVERIFY_OK(m_cluster->setSetting(QStringLiteral("restore_command"),
                                         shellQuote(m_cli) + QStringLiteral(" --repo ")
                                                 + shellQuote(m_repoPath)
                                                 + QStringLiteral(" wal-get %f %p")));
        const qsizetype logStart = m_cluster->serverLog().size();
        QVERIFY_OK(m_cluster->start());
        QCOMPARE(m_cluster->scalar(QStringLiteral("SELECT pg_is_in_recovery()")).value(),
                 QStringLiteral("t"));
        QCOMPARE(m_cluster->scalar(QStringLiteral("SELECT pg_promote(true, 60)")).value(),
                 QStringLiteral("t"));
        QVERIFY(currentSegment().startsWith(QStringLiteral("00000002")));

        const QString history = QStringLiteral("00000002.history");
        QVERIFY2(waitFor([&] { return QFile::exists(storedPath(history)); }, 60000),
                 qPrintable(m_cluster->serverLog().right(3000)));
        const QByteArray original
                = readFile(m_cluster->dataDir() + QStringLiteral("/pg_wal/") + history);
        QVERIFY(original.startsWith("1\t"));
        QCOMPARE(readFile(storedPath(history)), original); // stored uncompressed
        const QString dest = scratchFolder(QStringLiteral("history")) + QLatin1Char('/') + history;
        const CliRun got = runCli({QStringLiteral("wal-get"), history, dest});
        QCOMPARE(got.exitCode, 0);
        QCOMPARE(readFile(dest), original);

        // The old timeline's last segment arrives as .partial.
        QVERIFY2(waitFor(
                         [&] {
                             return !QDir(m_repo->walPath(m_systemId)
                                          + QStringLiteral("/0000000100000000"))
                                             .entryList({QStringLiteral("*.partial.zst")})
                                             .isEmpty();
                         },
                         60000),
                 qPrintable(m_cluster->serverLog().right(3000)));

        // restore_command probed names the repository does not hold (00000002.history before
        // the promotion, the next segment): wal-get said nothing about them.
        const QString log = m_cluster->serverLog().mid(logStart);
        QVERIFY2(!log.contains(QStringLiteral("wal-get"))
                         && !log.contains(QStringLiteral("repository")),
                 qPrintable(log));
    }
};

QTEST_GUILESS_MAIN(TestWalArchive)
#include "tst_walarchive.moc"
