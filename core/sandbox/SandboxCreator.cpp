#include "SandboxCreator.h"

#include "ArchiveCommand.h"
#include "SampleDatabase.h"
#include "Sandbox.h"
#include "SandboxCleanup.h"
#include "SandboxPort.h"
#include "SandboxServer.h"
#include "ServerProgram.h"
#include "common/Tr.h"
#include "connection/PgConnection.h"
#include "connection/Sql.h"
#include "jobs/JobContext.h"
#include "repo/Repository.h"
#include "tools/ToolLocator.h"
#include "wal/DataDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <sys/stat.h>

namespace PgVault {

namespace {

constexpr int PhaseCount = 6;
constexpr int InitdbTimeoutSeconds = 300;

QString absoluteClean(const QString &path)
{
    return QDir::cleanPath(QDir(path).absolutePath());
}

// unix_socket_directories is a list: each entry may be double-quoted (doubling embedded
// quotes), which keeps spaces and commas in a path from splitting it.
QString socketDirectoriesValue(const QString &dir)
{
    QString quoted = dir;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

SandboxCreator::SandboxCreator(const SandboxCreateOptions &options, JobContext &context)
    : m_options(options)
    , m_context(context)
{}

Result<QJsonObject> SandboxCreator::run()
{
    m_context.setItemsTotal(PhaseCount);
    using Step = Status (SandboxCreator::*)();
    for (Step step :
         {&SandboxCreator::findPostgres, &SandboxCreator::createCluster, &SandboxCreator::configure,
          &SandboxCreator::startServer, &SandboxCreator::createSampleDatabase}) {
        Status status = (this->*step)();
        if (status)
            status = checkCancelled();
        if (!status) {
            rollback();
            return status.error();
        }
        m_context.addItemsDone();
    }
    Result<QJsonObject> result = addProfile();
    if (!result) {
        rollback();
        return result.error();
    }
    m_context.addItemsDone();
    return result;
}

void SandboxCreator::beginPhase(const QString &id, const QString &label)
{
    m_context.setPhase(id, label);
}

Status SandboxCreator::checkCancelled() const
{
    if (m_context.isCancelled())
        return JobContext::cancelledError();
    return {};
}

QString SandboxCreator::defaultRepositoryPath() const
{
    if (ServerAccount::processIsRoot()) {
        // root's own default (~root/.local/share/…) is out of the server user's reach.
        const QString env = qEnvironmentVariable("PGVAULT_REPO").trimmed();
        return env.isEmpty() ? SandboxPaths::rootRepositoryPath() : env;
    }
    const Settings settings(m_options.settingsFile);
    return settings.defaultRepositoryPath();
}

Status SandboxCreator::findPostgres()
{
    beginPhase(QStringLiteral("find-postgresql"), Tr::tr("Finding PostgreSQL"));
    const SandboxPaths &paths = m_options.paths;

    // An existing sandbox is never touched: this check comes before anything is changed.
    if (QFileInfo::exists(paths.stateFile())) {
        return Error(ErrorCode::AlreadyExists,
                     Tr::tr("A sandbox already exists in %1. Start it (pgvault-cli sandbox "
                            "start), or remove it first (pgvault-cli sandbox remove) to create a "
                            "new one.")
                             .arg(paths.rootDir()));
    }
    if (!SandboxCleanup::holdsOnlySandboxEntries(paths.rootDir())) {
        return Error(ErrorCode::AlreadyExists,
                     Tr::tr("%1 is not empty and is not a sandbox. Choose an empty or new folder "
                            "with PGVAULT_SANDBOX_DIR.")
                             .arg(paths.rootDir()));
    }

    Result<ServerAccount> account = ServerAccount::forThisProcess();
    if (!account)
        return account.error();
    m_account = *account;
    if (m_account->isSwitched()) {
        m_context.info(Tr::tr("PgVault runs as root; the sandbox server will run as “%1”.")
                               .arg(m_account->name()));
    }

    ToolLocator::Options locatorOptions;
    locatorOptions.extraDirs = m_options.extraBinDirs;
    const ToolLocator locator(locatorOptions);
    Result<SandboxTools> tools = SandboxTools::findNewest(locator);
    if (!tools)
        return tools.error();
    m_tools = *tools;
    if (Result<ToolVersion> version = locator.versionOf(m_tools.postgres))
        m_tools.versionText = version->text;
    m_context.info(Tr::tr("Using PostgreSQL %1 from %2.").arg(m_tools.major).arg(m_tools.binDir));

    m_cliPath = m_options.cliPath.isEmpty() ? ArchiveCommand::findCli()
                                            : absoluteClean(m_options.cliPath);
    if (m_cliPath.isEmpty() || !QFileInfo(m_cliPath).isExecutable()) {
        return Error(ErrorCode::ToolMissing,
                     Tr::tr("pgvault-cli was not found next to this program. The sandbox "
                            "archives its WAL with it; reinstall PgVault, or set PGVAULT_CLI to "
                            "its path."),
                     m_cliPath);
    }

    const QString repository = m_options.repositoryPath.isEmpty() ? defaultRepositoryPath()
                                                                  : m_options.repositoryPath;
    if (repository.trimmed().isEmpty()) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("No repository is configured for the sandbox's WAL archive."));
    }

    if (QFileInfo::exists(paths.dataDir()) || QFileInfo::exists(paths.logFile())) {
        m_context.info(Tr::tr("Removing the remains of an interrupted sandbox creation in %1.")
                               .arg(paths.rootDir()));
        if (Status removed = SandboxCleanup::removeServerFiles(paths); !removed)
            return removed;
    }

    const int port = SandboxPort::choose(SandboxPaths::PreferredPort, paths.socketDir());
    if (port == 0) {
        return Error(ErrorCode::Unsupported,
                     Tr::tr("No free port was found for the sandbox near %1.")
                             .arg(SandboxPaths::PreferredPort));
    }
    if (port != SandboxPaths::PreferredPort) {
        m_context.info(Tr::tr("Port %1 is in use; the sandbox uses port %2.")
                               .arg(SandboxPaths::PreferredPort)
                               .arg(port));
    }

    m_state.port = port;
    m_state.major = m_tools.major;
    m_state.binDir = m_tools.binDir;
    m_state.versionText = m_tools.versionText;
    m_state.dataDir = paths.dataDir();
    m_state.socketDir = paths.socketDir();
    m_state.serverUser = m_account->name();
    m_state.superuser = m_account->name(); // initdb --username below
    m_state.database = Sandbox::sampleDatabaseName();
    m_state.repository = absoluteClean(repository);
    m_state.profileName = m_options.profileName;
    return {};
}

Status SandboxCreator::createCluster()
{
    beginPhase(QStringLiteral("create-cluster"), Tr::tr("Creating the cluster"));
    const SandboxPaths &paths = m_options.paths;
    m_madeServerFiles = true;

    const QString parent = QFileInfo(paths.rootDir()).absolutePath();
    if (!QDir().mkpath(parent)) {
        return Error(ErrorCode::PermissionDenied,
                     Tr::tr("Could not create the folder %1.").arg(parent));
    }
    if (!QFileInfo::exists(paths.rootDir())) {
        if (!QDir().mkdir(paths.rootDir())) {
            return Error(ErrorCode::PermissionDenied,
                         Tr::tr("Could not create the folder %1.").arg(paths.rootDir()));
        }
    }
    // Private: the data directory, the log and sandbox.json are nobody else's business.
    ::chmod(QFile::encodeName(paths.rootDir()).constData(), 0700);
    if (Status owned = m_account->giveOwnership(paths.rootDir()); !owned)
        return owned;
    if (!m_account->canWriteFolder(paths.rootDir())) {
        return Error(ErrorCode::PermissionDenied,
                     Tr::tr("The sandbox server runs as “%1”, which cannot write to %2 (a parent "
                            "folder is closed to it). Choose a folder that user can reach with "
                            "PGVAULT_SANDBOX_DIR.")
                             .arg(m_account->name(), paths.rootDir()));
    }

    // Trust for local connections is acceptable only because the server listens on nothing
    // but a private (0700) socket folder; see writeServerSettings(). TCP stays scram-sha-256
    // should anyone enable listen_addresses later.
    QStringList arguments{QStringLiteral("-D"), paths.dataDir(),
                          QStringLiteral("--username=") + m_account->name(),
                          QStringLiteral("--encoding=UTF8"), QStringLiteral("--no-locale"),
                          QStringLiteral("--auth-local=trust"),
                          QStringLiteral("--auth-host=scram-sha-256"),
                          // Checksums let base backups and restores detect damaged pages.
                          QStringLiteral("--data-checksums")};
    if (!m_options.syncToDisk)
        arguments << QStringLiteral("--no-sync");

    ServerProgram initdb(*m_account, m_tools.initdb, arguments);
    initdb.setTimeoutSeconds(InitdbTimeoutSeconds);
    initdb.setCancelContext(&m_context);
    Result<ServerProgram::Output> output = initdb.run();
    if (!output)
        return output.error();
    if (output->exitCode != 0) {
        return Error(
                ErrorCode::ServerError,
                Tr::tr("initdb could not create the sandbox cluster in %1.").arg(paths.dataDir()),
                output->detail());
    }
    return {};
}

Status SandboxCreator::configure()
{
    beginPhase(QStringLiteral("configure"), Tr::tr("Configuring"));
    if (Status prepared = prepareRepository(); !prepared)
        return prepared;
    return writeServerSettings();
}

Status SandboxCreator::prepareRepository()
{
    const QString &path = m_state.repository;
    const bool existed = QFileInfo::exists(path);
    Result<Repository> repository = Repository::create(path);
    if (!repository) {
        return repository.error().withContext(
                Tr::tr("Preparing the repository for the sandbox's WAL"));
    }
    m_madeRepository = !existed;

    if (m_account->isSwitched()) {
        // A repository we just made belongs to the server user, who writes the WAL. One that
        // existed stays as it is: it is checked below instead.
        if (m_madeRepository) {
            if (Status owned = m_account->giveOwnership(path, true); !owned)
                return owned;
        }
        if (!m_account->canWriteFolder(repository->serversPath())) {
            return Error(ErrorCode::PermissionDenied,
                         Tr::tr("The sandbox server runs as “%1” and cannot write WAL into the "
                                "repository %2. Give that user write access to it, or choose "
                                "another repository.")
                                 .arg(m_account->name(), path));
        }
        // The new cluster's server folder, made now and handed to the server user: otherwise a
        // command run as root (a backup of the sandbox) could create it first, owned by root,
        // and every WAL push after that would fail.
        Result<quint64> systemId = DataDirectory(m_state.dataDir).systemIdentifier();
        if (!systemId)
            return systemId.error();
        const QString serverFolder = repository->serverPath(*systemId);
        if (!QFileInfo::exists(serverFolder)) {
            if (Status made = repository->ensureServer(*systemId); !made)
                return made;
            m_madeServerFolder = serverFolder;
            if (Status owned = m_account->giveOwnership(serverFolder, true); !owned)
                return owned;
        }
        // archive_command runs pgvault-cli as that user too.
        if (!m_account->canExecute(m_cliPath)) {
            return Error(ErrorCode::PermissionDenied,
                         Tr::tr("The sandbox server runs as “%1”, which cannot run %2 to archive "
                                "WAL. Install PgVault where that user can reach it.")
                                 .arg(m_account->name(), m_cliPath));
        }
    }
    m_context.info(Tr::tr("WAL will be archived to %1.").arg(path));
    return {};
}

Status SandboxCreator::writeServerSettings()
{
    m_archiveCommand = ArchiveCommand::build(m_cliPath, m_state.repository);
    QStringList lines{
            QString(),
            QStringLiteral("# Added by PgVault for the sandbox."),
            QStringLiteral(
                    "# Only the private socket folder below, never the network: this is what"),
            QStringLiteral(
                    "# makes pg_hba.conf's \"trust\" for local connections acceptable here."),
            QStringLiteral("listen_addresses = ''"),
            QStringLiteral("port = %1").arg(m_state.port),
            QStringLiteral("unix_socket_directories = ")
                    + ArchiveCommand::confValue(socketDirectoriesValue(m_state.socketDir)),
            QStringLiteral("unix_socket_permissions = 0700"),
            QStringLiteral("# WAL archiving into the PgVault repository, and what backups and the"),
            QStringLiteral("# timeline view need."),
            QStringLiteral("wal_level = replica"),
            QStringLiteral("archive_mode = on"),
            QStringLiteral("archive_command = ") + ArchiveCommand::confValue(m_archiveCommand),
            QStringLiteral("max_wal_senders = 10"),
            QStringLiteral("max_replication_slots = 10"),
            QStringLiteral("track_commit_timestamp = on"),
    };
    if (!m_options.syncToDisk)
        lines << QStringLiteral("fsync = off");

    const QString confPath = m_state.dataDir + QStringLiteral("/postgresql.conf");
    QFile conf(confPath);
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Append)
        || conf.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) < 0
        || !conf.flush()) {
        return Error(ErrorCode::IoError, Tr::tr("Could not write %1.").arg(confPath),
                     conf.errorString());
    }
    return {};
}

Status SandboxCreator::startServer()
{
    beginPhase(QStringLiteral("start"), Tr::tr("Starting"));
    SandboxServer server(*m_account, m_tools, m_options.paths);
    if (Status ready = server.ensureSocketDir(m_state.socketDir); !ready)
        return ready;
    return server.start();
}

Status SandboxCreator::createSampleDatabase()
{
    beginPhase(QStringLiteral("sample-database"), Tr::tr("Creating the sample database"));

    // The connection's own cancel flag and PQcancel both follow the job's cancel.
    std::atomic<bool> cancelFlag = false;
    std::atomic<PgConnection *> activeConnection = nullptr;
    CancelHookGuard guard(m_context, [&cancelFlag, &activeConnection] {
        cancelFlag = true;
        if (PgConnection *connection = activeConnection.load())
            connection->cancel();
    });

    Result<PgConnection> admin = PgConnection::connect(
            Sandbox::connInfo(m_state, QStringLiteral("postgres")), std::nullopt, &cancelFlag);
    if (!admin)
        return admin.error();
    activeConnection = &*admin;
    Result<QueryResult> created = admin->exec(QStringLiteral("CREATE DATABASE ")
                                              + Sql::quoteIdentifier(m_state.database));
    activeConnection = nullptr;
    if (!created)
        return created.error();
    admin->close();

    Result<PgConnection> shop
            = PgConnection::connect(Sandbox::connInfo(m_state), std::nullopt, &cancelFlag);
    if (!shop)
        return shop.error();
    activeConnection = &*shop;
    Status filled = SampleDatabase::fill(*shop);
    activeConnection = nullptr;
    if (!filled)
        return filled;
    m_context.info(Tr::tr("The sample database “%1” holds %2 customers, %3 products and %4 "
                          "orders.")
                           .arg(m_state.database)
                           .arg(SampleDatabase::Customers)
                           .arg(SampleDatabase::Products)
                           .arg(SampleDatabase::Orders));
    return {};
}

Result<QJsonObject> SandboxCreator::addProfile()
{
    beginPhase(QStringLiteral("profile"), Tr::tr("Adding the profile"));
    if (Status cancelled = checkCancelled(); !cancelled)
        return cancelled.error();

    Result<SandboxProfile::Saved> saved
            = SandboxProfile::save(m_options.settingsFile, m_options.profileName,
                                   Sandbox::connInfo(m_state).toString(), m_state.repository);
    if (!saved)
        return saved.error();
    m_profile = *saved;

    // Last: sandbox.json is what makes the sandbox exist for status, start and stop.
    m_state.createdAt = QDateTime::currentDateTimeUtc();
    if (Status written = m_state.write(m_options.paths.stateFile()); !written)
        return written.error();

    QJsonObject result = Sandbox(m_options.paths).status(Sandbox::StatusDepth::Quick).toJson();
    result.insert(QStringLiteral("profileId"), m_profile->profile.idString());
    result.insert(QStringLiteral("profileName"), m_profile->profile.name());
    result.insert(QStringLiteral("profileAdded"), !m_profile->previous.has_value());
    result.insert(QStringLiteral("archiveCommand"), m_archiveCommand);
    return result;
}

void SandboxCreator::rollback()
{
    // Runs after a cancel too, so nothing here may look at the cancel flag.
    if (m_profile) {
        if (Status undone = SandboxProfile::undo(m_options.settingsFile, *m_profile); !undone)
            m_context.warning(undone.error().toString());
    }
    if (m_madeServerFiles) {
        if (Status removed = SandboxCleanup::removeServerFiles(m_options.paths); !removed)
            m_context.warning(removed.error().toString());
    }
    // A new cluster's server folder holds nothing but what this sandbox archived.
    if (!m_madeRepository && !m_madeServerFolder.isEmpty())
        QDir(m_madeServerFolder).removeRecursively();
    if (m_madeRepository && !QDir(m_state.repository).removeRecursively()) {
        m_context.warning(Tr::tr("Could not remove the repository %1 made for the sandbox.")
                                  .arg(m_state.repository));
    }
}

} // namespace PgVault
