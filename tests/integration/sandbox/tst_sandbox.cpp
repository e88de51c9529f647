// The sandbox end to end, against the real PostgreSQL and the real pgvault-cli: create (with
// leftovers of an interrupted create to clean up), the sample data, the profile, WAL archiving,
// create twice, stop/start, the CLI, remove, and cancelling a create at several phases.
//
// Isolation: HOME and every XDG_* directory point into a private temporary folder before
// anything is looked up, so a developer's real sandbox, settings and repository are never
// touched; initTestCase() verifies every path the sandbox would use lies in that folder. As
// root, PostgreSQL runs as "postgres" (like the product), so that folder is made traversable
// and the root-only overrides are set too: PGVAULT_SANDBOX_DIR, PGVAULT_SANDBOX_SOCKET_DIR and
// PGVAULT_REPO. Paths deliberately contain spaces, quotes and '%' to prove the quoting of
// archive_command, unix_socket_directories and the connection string.
//
// Needs: PGVAULT_CLI (set by pgvault_add_test) and an installed PostgreSQL server (initdb).

#include "SandboxHome.h"
#include "TestUtil.h"

#include "connection/PgConnection.h"
#include "jobs/Job.h"
#include "sandbox/PostmasterPid.h"
#include "sandbox/SampleDatabase.h"
#include "sandbox/Sandbox.h"
#include "sandbox/SandboxControlJob.h"
#include "sandbox/SandboxCreateJob.h"
#include "sandbox/SandboxLock.h"
#include "sandbox/SandboxRemoveJob.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <functional>
#include <memory>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace PgVault;
using PgVault::Test::SandboxHome;

namespace {

constexpr int JobTimeoutMs = 240 * 1000;

struct Outcome
{
    Job::State state = Job::State::Pending;
    std::optional<Error> error;
    QJsonObject data;
    QStringList messages;

    QString describe() const
    {
        QString text = Job::stateName(state);
        if (error)
            text += QStringLiteral(": [%1] %2")
                            .arg(Error::codeName(error->code()), error->toString());
        return text + QStringLiteral("\nlog:\n") + messages.join(QLatin1Char('\n'));
    }
};

// Runs a job to its end on this thread's event loop. `onProgress` may cancel it.
Outcome runJob(Job *rawJob, const std::function<void(Job &, const JobProgress &)> &onProgress = {})
{
    std::unique_ptr<Job> job(rawJob);
    Outcome outcome;
    QObject::connect(
            job.get(), &Job::message, job.get(),
            [&outcome](Job::MessageLevel, const QString &text) { outcome.messages << text; });
    if (onProgress) {
        QObject::connect(
                job.get(), &Job::progressChanged, job.get(),
                [&job, &onProgress](const JobProgress &progress) { onProgress(*job, progress); });
    }
    QSignalSpy finished(job.get(), &Job::finished);
    job->start();
    QElapsedTimer clock;
    clock.start();
    while (finished.isEmpty() && clock.elapsed() < JobTimeoutMs)
        finished.wait(1000);
    if (finished.isEmpty()) {
        job->cancel();
        finished.wait(60000);
    }
    outcome.state = job->state();
    outcome.error = job->error();
    outcome.data = job->resultData();
    return outcome;
}

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject result; // the last JSON line, with --json

    QString describe() const
    {
        return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")
                .arg(exitCode)
                .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};

CliRun runCli(const QStringList &arguments)
{
    CliRun run;
    QProcess process;
    process.start(qEnvironmentVariable("PGVAULT_CLI"), arguments);
    if (!process.waitForFinished(JobTimeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    if (!lines.isEmpty())
        run.result = QJsonDocument::fromJson(lines.last()).object();
    return run;
}

// Gone, or a zombie (an init that does not reap orphans keeps those around).
bool processGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype afterName = text.lastIndexOf(')');
    return afterName >= 0 && text.mid(afterName + 2, 1) == "Z";
}

} // namespace

class tst_Sandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createCleansLeftoversAndStartsTheServer();
    void sampleDatabaseIsThere();
    void serverIsConfigured();
    void profileIsAdded();
    void walIsArchived();
    void createTwiceFails();
    void stopAndStart();
    void cli();
    void operationsTakeTurns();
    void removeKeepsTheRepository();
    void cliInterruptCancelsCreate();
    void cancelLeavesNothing_data();
    void cancelLeavesNothing();

private:
    SandboxCreateOptions createOptions() const;
    std::optional<Profile> sandboxProfile() const;
    Result<PgConnection> connect(const QString &dbname = {}) const;

    std::unique_ptr<SandboxHome> m_home;
    // Like the GUI's: opened before the job runs, on this thread.
    std::unique_ptr<Settings> m_guiSettings;
    std::unique_ptr<ProfileStore> m_guiProfiles;
    QString m_cliLink;
    SandboxPaths m_paths;
    QString m_repository;
    QJsonObject m_created;
};

void tst_Sandbox::initTestCase()
{
    REQUIRE_OR_FAIL(!qEnvironmentVariable("PGVAULT_CLI").isEmpty(),
                    QStringLiteral("PGVAULT_CLI is not set (run through ctest)"));
    REQUIRE_OR_FAIL(SandboxHome::haveServerInstallation(),
                    QStringLiteral("no PostgreSQL server installation (initdb)"));

    const bool root = ::geteuid() == 0;
    // Awkward names on purpose: spaces and quotes must survive every path the sandbox writes.
    SandboxHome::Names names;
    names.dataHome = QStringLiteral("data dir");
    names.runtimeDir = QStringLiteral("run time");
    names.rootSandbox = QStringLiteral("sandbox root");
    names.rootSocket = QStringLiteral("sock et");
    names.rootRepository = QStringLiteral("repo 'quoted'");
    m_home = std::make_unique<SandboxHome>(QStringLiteral("/tmp/pgvault-sbx-XXXXXX"), names);
    QVERIFY2(m_home->isValid(), qPrintable(m_home->errorString()));
    const QString home = m_home->path();
    const QString runtime = m_home->runtimeDir();

    // archive_command runs the CLI through a path with a space, a quote and a percent sign.
    const QString binDir = m_home->subdir(QStringLiteral("bin 100% it's"));
    m_cliLink = binDir + QStringLiteral("/pgvault-cli");
    QVERIFY(QFile::link(qEnvironmentVariable("PGVAULT_CLI"), m_cliLink));

    m_paths = SandboxPaths::defaults();
    m_repository = root ? qEnvironmentVariable("PGVAULT_REPO")
                        : Settings(Settings::defaultFilePath()).defaultRepositoryPath();
    // Never a developer's real sandbox, settings or repository.
    QVERIFY2(SandboxHome::isUnder(m_paths.rootDir(), home), qPrintable(m_paths.rootDir()));
    QVERIFY2(SandboxHome::isUnder(m_paths.socketDir(), home), qPrintable(m_paths.socketDir()));
    QVERIFY2(SandboxHome::isUnder(m_repository, home), qPrintable(m_repository));
    QVERIFY2(SandboxHome::isUnder(Settings::defaultFilePath(), home),
             qPrintable(Settings::defaultFilePath()));
    m_guiSettings = std::make_unique<Settings>(Settings::defaultFilePath());
    m_guiProfiles = std::make_unique<ProfileStore>(m_guiSettings.get(), nullptr);
    if (!root) {
        QCOMPARE(m_paths.rootDir(), home + QStringLiteral("/data dir/pgvault/sandbox"));
        QCOMPARE(m_paths.socketDir(), runtime + QStringLiteral("/pgvault-sandbox"));
    }
}

SandboxCreateOptions tst_Sandbox::createOptions() const
{
    SandboxCreateOptions options;
    options.paths = m_paths;
    options.cliPath = m_cliLink;
    options.syncToDisk = false; // a throwaway cluster; fsync only costs time here
    return options;
}

std::optional<Profile> tst_Sandbox::sandboxProfile() const
{
    Settings settings(Settings::defaultFilePath());
    return ProfileStore(&settings, nullptr).findByName(Sandbox::defaultProfileName());
}

Result<PgConnection> tst_Sandbox::connect(const QString &dbname) const
{
    Result<SandboxState> state = Sandbox(m_paths).state();
    if (!state)
        return state.error();
    return PgConnection::connect(Sandbox::connInfo(*state, dbname));
}

void tst_Sandbox::createCleansLeftoversAndStartsTheServer()
{
    // The remains of a create that was killed: a data directory without sandbox.json.
    QVERIFY(QDir().mkpath(m_paths.dataDir()));
    QFile junk(m_paths.dataDir() + QStringLiteral("/PG_VERSION"));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("15\n");
    junk.close();
    SandboxStatus before = Sandbox(m_paths).status();
    QCOMPARE(before.state, SandboxStatus::State::NotCreated);
    QVERIFY(before.leftovers);

    QStringList phases;
    const Outcome outcome = runJob(new SandboxCreateJob(createOptions()),
                                   [&phases](Job &, const JobProgress &progress) {
                                       if (phases.isEmpty() || phases.last() != progress.phase)
                                           phases << progress.phase;
                                   });
    QVERIFY2(outcome.state == Job::State::Succeeded, qPrintable(outcome.describe()));
    QVERIFY2(outcome.messages.join(QLatin1Char('\n')).contains(QStringLiteral("interrupted")),
             qPrintable(outcome.describe()));
    QVERIFY2(phases.contains(QStringLiteral("create-cluster"))
                     && phases.contains(QStringLiteral("profile")),
             qPrintable(phases.join(QLatin1Char(' '))));
    m_created = outcome.data;
    QCOMPARE(m_created.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
    QCOMPARE(m_created.value(QStringLiteral("profileName")).toString(), QStringLiteral("Sandbox"));
    QVERIFY(m_created.value(QStringLiteral("profileAdded")).toBool());

    const SandboxStatus status = Sandbox(m_paths).status(Sandbox::StatusDepth::Full);
    QVERIFY2(status.isRunning() && status.accepting, qPrintable(status.connectionError));
    QVERIFY(!status.leftovers);
    QVERIFY(status.config.has_value());
    QCOMPARE(status.config->port, SandboxPaths::PreferredPort);
    QCOMPARE(status.config->repository, QDir::cleanPath(m_repository));
    QVERIFY2(status.serverVersion.startsWith(QString::number(status.config->major)),
             qPrintable(status.serverVersion));
    const struct passwd *me = ::getpwuid(::geteuid());
    QVERIFY(me);
    QCOMPARE(status.config->serverUser,
             ::geteuid() == 0 ? QStringLiteral("postgres") : QString::fromLocal8Bit(me->pw_name));
    QVERIFY(!status.notes().isEmpty());
    const QJsonObject json = status.toJson();
    QCOMPARE(json.value(QStringLiteral("conninfo")).toString(), status.conninfo());
    QCOMPARE(json.value(QStringLiteral("running")).toBool(), true);
}

void tst_Sandbox::sampleDatabaseIsThere()
{
    Result<PgConnection> shop = connect();
    QVERIFY_OK(shop);
    QCOMPARE(shop->database(), QStringLiteral("shop"));
    const auto count = [&shop](const QString &relation) {
        Result<QString> value = shop->scalar(QStringLiteral("SELECT count(*) FROM ") + relation);
        return value ? value->toInt() : -1;
    };
    QCOMPARE(count(QStringLiteral("orders")), SampleDatabase::Orders);
    QCOMPARE(count(QStringLiteral("customers")), SampleDatabase::Customers);
    QCOMPARE(count(QStringLiteral("products")), SampleDatabase::Products);
    QCOMPARE(count(QStringLiteral("order_items")), SampleDatabase::OrderItems);
    QCOMPARE(count(QStringLiteral("order_totals")), SampleDatabase::Orders);

    Result<QString> foreignKeys = shop->scalar(
            QStringLiteral("SELECT count(*) FROM pg_constraint WHERE contype = 'f'"));
    QVERIFY_OK(foreignKeys);
    QCOMPARE(foreignKeys->toInt(), 3);
    // Deterministic data: the same total in every sandbox.
    Result<QString> total = shop->scalar(QStringLiteral("SELECT sum(total) FROM order_totals"));
    QVERIFY_OK(total);
    Result<QString> again
            = shop->scalar(QStringLiteral("SELECT sum(quantity * unit_price) FROM order_items"));
    QVERIFY_OK(again);
    QCOMPARE(*total, *again);
    Result<QString> invoice
            = shop->scalar(QStringLiteral("SELECT min(invoice_number) FROM orders"));
    QVERIFY_OK(invoice);
    QCOMPARE(*invoice, QStringLiteral("100001"));
}

void tst_Sandbox::serverIsConfigured()
{
    Result<PgConnection> connection = connect(QStringLiteral("postgres"));
    QVERIFY_OK(connection);
    const auto show = [&connection](const QString &name) {
        Result<QString> value
                = connection->scalar(QStringLiteral("SELECT current_setting($1)"), {name});
        return value ? *value : QStringLiteral("<error>");
    };
    QCOMPARE(show(QStringLiteral("wal_level")), QStringLiteral("replica"));
    QCOMPARE(show(QStringLiteral("archive_mode")), QStringLiteral("on"));
    QCOMPARE(show(QStringLiteral("track_commit_timestamp")), QStringLiteral("on"));
    QCOMPARE(show(QStringLiteral("listen_addresses")), QString());
    QCOMPARE(show(QStringLiteral("data_checksums")), QStringLiteral("on"));
    const QString archiveCommand = show(QStringLiteral("archive_command"));
    QVERIFY2(archiveCommand.contains(QStringLiteral(" wal-push %p")), qPrintable(archiveCommand));
    QVERIFY2(archiveCommand.contains(QStringLiteral("100%% it")), qPrintable(archiveCommand));
    QCOMPARE(archiveCommand, m_created.value(QStringLiteral("archiveCommand")).toString());
    QVERIFY(show(QStringLiteral("max_wal_senders")).toInt() > 0);
}

void tst_Sandbox::profileIsAdded()
{
    const std::optional<Profile> profile = sandboxProfile();
    QVERIFY(profile.has_value());
    QCOMPARE(profile->idString(), m_created.value(QStringLiteral("profileId")).toString());
    QCOMPARE(profile->conninfo(), Sandbox(m_paths).status().conninfo());
    QCOMPARE(profile->repositoryPath(), QDir::cleanPath(m_repository));
    // A store opened before the job (the GUI's) sees the profile without a reload: QSettings
    // shares one copy of a file within a process.
    const std::optional<Profile> seenByGui = m_guiProfiles->find(
            QUuid::fromString(m_created.value(QStringLiteral("profileId")).toString()));
    QVERIFY(seenByGui.has_value());
    QCOMPARE(seenByGui->name(), QStringLiteral("Sandbox"));

    Result<ConnInfo> info = ConnInfo::parse(profile->conninfo());
    QVERIFY_OK(info);
    Result<PgConnection> viaProfile = PgConnection::connect(*info);
    QVERIFY_OK(viaProfile);
    QCOMPARE(viaProfile->database(), QStringLiteral("shop"));
}

void tst_Sandbox::walIsArchived()
{
    // wal-push belongs to the CLI; without it the sandbox still works, but nothing archives.
    const CliRun help = runCli({QStringLiteral("--help")});
    REQUIRE_OR_FAIL(help.out.contains("wal-push"),
                    QStringLiteral("pgvault-cli has no wal-push command yet"));

    Result<PgConnection> shop = connect();
    QVERIFY_OK(shop);
    QVERIFY_OK(shop->exec(
            QStringLiteral("CREATE TABLE wal_probe AS SELECT generate_series(1, 1000) AS n")));
    Result<QString> segment
            = shop->scalar(QStringLiteral("SELECT pg_walfile_name(pg_current_wal_lsn())"));
    QVERIFY_OK(segment);
    Result<QString> systemId
            = shop->scalar(QStringLiteral("SELECT system_identifier FROM pg_control_system()"));
    QVERIFY_OK(systemId);
    if (::geteuid() == 0) {
        // Made by create for the server user, so that root-run commands cannot take it first.
        const struct passwd *postgres = ::getpwnam("postgres");
        QVERIFY(postgres);
        const QFileInfo serverFolder(QDir::cleanPath(m_repository) + QStringLiteral("/servers/")
                                     + *systemId);
        QVERIFY(serverFolder.isDir());
        QCOMPARE(serverFolder.ownerId(), uint(postgres->pw_uid));
    }
    QVERIFY_OK(shop->exec(QStringLiteral("SELECT pg_switch_wal()")));

    const QString stored
            = QStringLiteral("%1/servers/%2/wal/%3/%4.zst")
                      .arg(QDir::cleanPath(m_repository), *systemId, segment->left(16), *segment);
    QElapsedTimer clock;
    clock.start();
    while (!QFileInfo::exists(stored) && clock.elapsed() < 60000)
        QTest::qWait(200);
    if (!QFileInfo::exists(stored)) {
        Result<QueryResult> archiver
                = shop->exec(QStringLiteral("SELECT archived_count, last_archived_wal, "
                                            "failed_count, last_failed_wal FROM pg_stat_archiver"));
        QFile log(m_paths.logFile());
        log.open(QIODevice::ReadOnly);
        QFAIL(qPrintable(
                QStringLiteral("%1 did not appear; archiver: %2\nserver log:\n%3")
                        .arg(stored, archiver ? archiver->row(0).join(QLatin1Char(' ')) : QString(),
                             QString::fromUtf8(log.readAll().right(3000)))));
    }
    Result<QString> failed
            = shop->scalar(QStringLiteral("SELECT failed_count FROM pg_stat_archiver"));
    QVERIFY_OK(failed);
    QCOMPARE(*failed, QStringLiteral("0"));
}

void tst_Sandbox::createTwiceFails()
{
    const Outcome outcome = runJob(new SandboxCreateJob(createOptions()));
    QCOMPARE(outcome.state, Job::State::Failed);
    QVERIFY(outcome.error.has_value());
    QCOMPARE(outcome.error->code(), ErrorCode::AlreadyExists);
    QVERIFY2(outcome.error->message().contains(m_paths.rootDir()),
             qPrintable(outcome.error->message()));
    // The existing sandbox is untouched and still running.
    const SandboxStatus status = Sandbox(m_paths).status();
    QVERIFY(status.isRunning() && status.accepting);
    QVERIFY(sandboxProfile().has_value());
}

void tst_Sandbox::stopAndStart()
{
    Outcome stopped = runJob(new SandboxControlJob(SandboxControlJob::Action::Stop, m_paths));
    QVERIFY2(stopped.state == Job::State::Succeeded, qPrintable(stopped.describe()));
    QCOMPARE(Sandbox(m_paths).status().state, SandboxStatus::State::Stopped);
    QCOMPARE(stopped.data.value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
    // The version of a stopped sandbox comes from its postgres program, in the server's form.
    const QString version = stopped.data.value(QStringLiteral("version")).toString();
    QVERIFY2(version.startsWith(QString::number(stopped.data.value(QStringLiteral("major")).toInt())
                                + QLatin1Char('.')),
             qPrintable(version));
    QVERIFY(!connect());

    // Stopping a stopped sandbox is fine.
    Outcome again = runJob(new SandboxControlJob(SandboxControlJob::Action::Stop, m_paths));
    QVERIFY2(again.state == Job::State::Succeeded, qPrintable(again.describe()));

    Outcome started = runJob(new SandboxControlJob(SandboxControlJob::Action::Start, m_paths));
    QVERIFY2(started.state == Job::State::Succeeded, qPrintable(started.describe()));
    QCOMPARE(started.data.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
    QVERIFY(started.data.value(QStringLiteral("accepting")).toBool());
    Result<PgConnection> shop = connect();
    QVERIFY_OK(shop);
    Result<QString> orders = shop->scalar(QStringLiteral("SELECT count(*) FROM orders"));
    QVERIFY_OK(orders);
    QCOMPARE(orders->toInt(), SampleDatabase::Orders);
    shop->close();

    stopped = runJob(new SandboxControlJob(SandboxControlJob::Action::Stop, m_paths));
    QVERIFY2(stopped.state == Job::State::Succeeded, qPrintable(stopped.describe()));
    QCOMPARE(Sandbox(m_paths).status().state, SandboxStatus::State::Stopped);
}

void tst_Sandbox::cli()
{
    const CliRun help = runCli({QStringLiteral("--help")});
    REQUIRE_OR_FAIL(help.out.contains("sandbox"),
                    QStringLiteral("pgvault-cli has no sandbox command"));

    CliRun status = runCli(
            {QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QCOMPARE(status.result.value(QStringLiteral("event")).toString(), QStringLiteral("result"));
    QCOMPARE(status.result.value(QStringLiteral("state")).toString(), QStringLiteral("stopped"));
    QCOMPARE(status.result.value(QStringLiteral("dataDir")).toString(), m_paths.dataDir());

    CliRun start = runCli({QStringLiteral("sandbox"), QStringLiteral("start")});
    QVERIFY2(start.exitCode == 0, qPrintable(start.describe()));
    status = runCli(
            {QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
    QCOMPARE(status.result.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
    QVERIFY(status.result.value(QStringLiteral("accepting")).toBool());
    QCOMPARE(status.result.value(QStringLiteral("conninfo")).toString(),
             Sandbox(m_paths).status().conninfo());

    CliRun human = runCli({QStringLiteral("sandbox"), QStringLiteral("status")});
    QVERIFY2(human.exitCode == 0, qPrintable(human.describe()));
    QVERIFY2(human.out.contains("running"), qPrintable(human.describe()));

    CliRun create = runCli({QStringLiteral("sandbox"), QStringLiteral("create")});
    QCOMPARE(create.exitCode, 1);
    QVERIFY2(create.err.contains("already exists"), qPrintable(create.describe()));

    CliRun stop
            = runCli({QStringLiteral("--json"), QStringLiteral("sandbox"), QStringLiteral("stop")});
    QVERIFY2(stop.exitCode == 0, qPrintable(stop.describe()));
    QCOMPARE(stop.result.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(Sandbox(m_paths).status().state, SandboxStatus::State::Stopped);

    CliRun bogus = runCli({QStringLiteral("sandbox"), QStringLiteral("explode")});
    QVERIFY2(bogus.exitCode == 2, qPrintable(bogus.describe()));
    CliRun missing = runCli({QStringLiteral("sandbox")});
    QVERIFY2(missing.exitCode == 2, qPrintable(missing.describe()));
}

void tst_Sandbox::operationsTakeTurns()
{
    // What another window or command holds while it creates, starts, stops or removes.
    Result<SandboxLock> held = SandboxLock::acquire(m_paths);
    QVERIFY_OK(held);
    for (Job *job : std::initializer_list<Job *>{
                 new SandboxControlJob(SandboxControlJob::Action::Start, m_paths),
                 new SandboxRemoveJob(m_paths), new SandboxCreateJob(createOptions())}) {
        const Outcome outcome = runJob(job);
        QCOMPARE(outcome.state, Job::State::Failed);
        QCOMPARE(outcome.error->code(), ErrorCode::Locked);
    }
    QCOMPARE(Sandbox(m_paths).status().state, SandboxStatus::State::Stopped);
}

void tst_Sandbox::removeKeepsTheRepository()
{
    // Running, so that remove has to stop it first.
    Outcome started = runJob(new SandboxControlJob(SandboxControlJob::Action::Start, m_paths));
    QVERIFY2(started.state == Job::State::Succeeded, qPrintable(started.describe()));
    const qint64 pid = started.data.value(QStringLiteral("pid")).toInteger();
    QVERIFY(pid > 0);

    Outcome removed = runJob(new SandboxRemoveJob(m_paths));
    QVERIFY2(removed.state == Job::State::Succeeded, qPrintable(removed.describe()));
    QVERIFY(removed.data.value(QStringLiteral("profileRemoved")).toBool());

    const SandboxStatus status = Sandbox(m_paths).status();
    QCOMPARE(status.state, SandboxStatus::State::NotCreated);
    QVERIFY(!status.leftovers);
    QVERIFY(!QFileInfo::exists(m_paths.rootDir()));
    QVERIFY(!QFileInfo::exists(m_paths.socketDir()));
    QVERIFY(!sandboxProfile().has_value());
    QVERIFY(QFileInfo(m_repository + QStringLiteral("/pgvault-repository.json")).isFile());
    QVERIFY(processGone(pid));

    Outcome nothing = runJob(new SandboxRemoveJob(m_paths));
    QCOMPARE(nothing.state, Job::State::Failed);
    QCOMPARE(nothing.error->code(), ErrorCode::NotFound);
    Outcome noStart = runJob(new SandboxControlJob(SandboxControlJob::Action::Start, m_paths));
    QCOMPARE(noStart.state, Job::State::Failed);
    QCOMPARE(noStart.error->code(), ErrorCode::NotFound);
}

void tst_Sandbox::cliInterruptCancelsCreate()
{
    // Ctrl+C in a terminal: the CLI cancels the job, which takes back what it made.
    QProcess cli;
    cli.start(qEnvironmentVariable("PGVAULT_CLI"),
              {QStringLiteral("sandbox"), QStringLiteral("create")});
    QVERIFY(cli.waitForStarted());
    QByteArray out;
    QElapsedTimer clock;
    clock.start();
    while (!out.contains("Creating the cluster") && cli.state() == QProcess::Running
           && clock.elapsed() < JobTimeoutMs) {
        cli.waitForReadyRead(200);
        out += cli.readAllStandardOutput();
    }
    QVERIFY2(out.contains("Creating the cluster"), out.constData());
    ::kill(pid_t(cli.processId()), SIGINT);
    QVERIFY(cli.waitForFinished(JobTimeoutMs));
    out += cli.readAllStandardOutput();
    const QByteArray err = cli.readAllStandardError();
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QVERIFY2(cli.exitCode() == 1, QByteArray(out + err).constData());

    const SandboxStatus status = Sandbox(m_paths).status();
    QCOMPARE(status.state, SandboxStatus::State::NotCreated);
    QVERIFY(!status.leftovers);
    QVERIFY(!QFileInfo::exists(m_paths.rootDir()));
    QVERIFY(!sandboxProfile().has_value());
    // The repository existed before (remove kept it), so the cancel keeps it too.
    QVERIFY(QFileInfo(m_repository + QStringLiteral("/pgvault-repository.json")).isFile());
}

void tst_Sandbox::cancelLeavesNothing_data()
{
    QTest::addColumn<QString>("phase");
    QTest::newRow("during initdb") << QStringLiteral("create-cluster");
    QTest::newRow("while starting") << QStringLiteral("start");
}

void tst_Sandbox::cancelLeavesNothing()
{
    QFETCH(QString, phase);
    QVERIFY(!QFileInfo::exists(m_paths.rootDir()));

    SandboxCreateOptions options = createOptions();
    // A repository the job has to create, so that the cancel must remove it again.
    options.repositoryPath = m_home->path() + QStringLiteral("/cancel repo ") + phase;
    QVERIFY(!QFileInfo::exists(options.repositoryPath));

    bool cancelled = false;
    const Outcome outcome
            = runJob(new SandboxCreateJob(options), [&](Job &job, const JobProgress &progress) {
                  if (!cancelled && progress.phase == phase) {
                      cancelled = true;
                      job.cancel();
                  }
              });
    QVERIFY2(cancelled, qPrintable(outcome.describe()));
    QVERIFY2(outcome.state == Job::State::Cancelled, qPrintable(outcome.describe()));

    QVERIFY2(!QFileInfo::exists(m_paths.rootDir()),
             qPrintable(QDir(m_paths.rootDir()).entryList().join(u' ')));
    QVERIFY(!QFileInfo::exists(m_paths.socketDir()));
    QVERIFY(!QFileInfo::exists(options.repositoryPath));
    QVERIFY(!sandboxProfile().has_value());
    const SandboxStatus status = Sandbox(m_paths).status();
    QCOMPARE(status.state, SandboxStatus::State::NotCreated);
    QVERIFY(!status.leftovers);
}

QTEST_GUILESS_MAIN(tst_Sandbox)
#include "tst_sandbox.moc"
