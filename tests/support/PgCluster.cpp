#include "PgCluster.h"

#include "PgBinaries.h"
#include "Processes.h"
#include "ServerAccount.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>

#include <libpq-fe.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>

namespace PgVault::Test {

namespace {

// Bump when the initdb flags below change, so templates made by older harness code are not used.
constexpr int kTemplateFormat = 1;
constexpr int kToolTimeoutMs = 150000; // pg_ctl itself waits up to 120 s (-t 120)
constexpr int kExitWaitMs = 10000;
constexpr int kLogTailLines = 40;
constexpr int kStartAttempts = 5;
// A cluster dir without an owner file is only swept once it is this old (it may be being made).
constexpr qint64 kOwnerlessGraceSecs = 600;

QString superuserName()
{
    return QStringLiteral("postgres");
}

// Everything the harness writes lives under one short directory in /tmp, per server account:
// socket paths must stay under ~107 bytes (Cluster.pm's tempdir_short), and the server account
// must own it. templates/ holds one initdb'd data dir per server build, c-XXXXXX/ one per cluster.
QString stateRoot(const ServerAccount &account)
{
    return QStringLiteral("/tmp/pgvault-harness-%1").arg(account.uid);
}

QString errnoText()
{
    return QString::fromLocal8Bit(strerror(errno));
}

// mkdir -m 0700 that also accepts an existing dir, but only a real one owned by the account
// (a dir planted in /tmp by another user must not receive our servers).
Status ensurePrivateDir(const QString &path, const ServerAccount &account)
{
    const QByteArray native = QFile::encodeName(path);
    if (mkdir(native.constData(), 0700) != 0 && errno != EEXIST) {
        return Error(ErrorCode::IoError, QStringLiteral("Could not create %1").arg(path),
                     errnoText());
    }
    if (Status owned = account.giveOwnership(path); !owned.ok())
        return owned;
    struct stat info = {};
    if (lstat(native.constData(), &info) != 0 || !S_ISDIR(info.st_mode)
        || info.st_uid != account.uid) {
        return Error(ErrorCode::PermissionDenied,
                     QStringLiteral("%1 is not a directory owned by %2; remove it")
                             .arg(path, account.name));
    }
    return {};
}

// An exclusive flock() held for the object's lifetime; the kernel drops it if the process dies,
// so a killed test never leaves a lock behind. Serialises template creation across ctest -j.
class FileLock
{
public:
    FileLock(const QString &path, const ServerAccount &account)
    {
        m_fd = open(QFile::encodeName(path).constData(), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
        if (m_fd < 0)
            return;
        (void)account.giveOwnership(path); // so a later non-root run can open it too
        while (flock(m_fd, LOCK_EX) != 0 && errno == EINTR) {
        }
    }
    ~FileLock()
    {
        if (m_fd >= 0)
            close(m_fd);
    }
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

private:
    int m_fd = -1;
};

// A port nobody listens on right now: bind to 127.0.0.1:0 and take what the kernel chose. Another
// process may take it before the server binds it; start() retries with a new port then.
int freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = 0;
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    socklen_t length = sizeof address;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    close(fd);
    return port;
}

bool portConflict(const QString &log)
{
    return log.contains(QLatin1String("could not bind"))
           || log.contains(QLatin1String("Address already in use"))
           || log.contains(QLatin1String("could not create any TCP/IP sockets"));
}

// postgresql.conf string literal: backslashes and quotes escaped.
QString confQuote(QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

// libpq conninfo value: quoted only when it has to be.
QString conninfoValue(QString value)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@-]+$"));
    if (plain.match(value).hasMatch())
        return value;
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

QString sqlLiteral(QString value)
{
    value.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

Status appendText(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(text.toUtf8()) < 0
        || !file.flush()) {
        return Error(ErrorCode::IoError, QStringLiteral("Could not write %1").arg(path),
                     file.errorString());
    }
    return {};
}

Status writeText(const QString &path, const QString &text)
{
    QFile file(path); // an existing file keeps its owner and mode (the server account, 0600)
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0
        || !file.flush()) {
        return Error(ErrorCode::IoError, QStringLiteral("Could not write %1").arg(path),
                     file.errorString());
    }
    return {};
}

qint64 readPostmasterPid(const QString &dataDir)
{
    QFile file(dataDir + QStringLiteral("/postmaster.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readLine().trimmed().toLongLong();
}

// Kills what is left of pids: SIGKILL, then waits for them to die.
void killRemaining(const QList<qint64> &pids)
{
    for (const qint64 pid : pids) {
        if (processAlive(pid))
            kill(static_cast<pid_t>(pid), SIGKILL);
    }
    waitForExit(pids, kExitWaitMs);
}

// Stops a server whose test process is gone (immediate shutdown, then SIGKILL), but only when
// the pid in postmaster.pid really is a postmaster of this data dir (pids get reused).
void stopOrphanedServer(const QString &dataDir)
{
    const qint64 pid = readPostmasterPid(dataDir);
    if (!processAlive(pid) || !processCommandLine(pid).split(QLatin1Char(' ')).contains(dataDir)) {
        return;
    }
    const QList<qint64> children = childProcesses(pid);
    kill(static_cast<pid_t>(pid), SIGQUIT);
    if (!waitForExit({pid}, kExitWaitMs))
        killRemaining({pid});
    if (!waitForExit(children, kExitWaitMs))
        killRemaining(children);
}

// The initdb'd template data dir for one server build, made once and shared by every test
// process of this account (Cluster.pm's INITDB_TEMPLATE); clusters are copies of it.
Result<QString> ensureTemplate(const ServerAccount &account, const QString &binDir,
                               const QString &version)
{
    static QMutex mutex;
    static QHash<QString, QString> ready; // bin dir -> template data dir, for this process
    const QMutexLocker locker(&mutex);
    if (const auto it = ready.constFind(binDir); it != ready.cend())
        return *it;

    const QString templates = stateRoot(account) + QStringLiteral("/templates");
    if (Status made = ensurePrivateDir(templates, account); !made.ok())
        return made.error();
    // Same version from two builds (Debian's and npm's) may differ in defaults: key by dir too.
    const QString buildHash = QString::fromLatin1(
            QCryptographicHash::hash(binDir.toUtf8(), QCryptographicHash::Md5).toHex().left(8));
    const QString name = QStringLiteral("pg%1-%2-f%3").arg(version, buildHash).arg(kTemplateFormat);
    const QString dir = templates + QLatin1Char('/') + name;
    const QString dataDir = dir + QStringLiteral("/data");

    const FileLock lock(dir + QStringLiteral(".lock"), account);
    if (!QFileInfo::exists(dataDir + QStringLiteral("/PG_VERSION"))) {
        // Built aside and renamed into place, so a half-made template (killed run) is never used.
        const QString building = dir + QStringLiteral(".building");
        QDir(building).removeRecursively();
        QDir(dir).removeRecursively();
        if (Status made = ensurePrivateDir(building, account); !made.ok())
            return made.error();
        // -k everywhere: 18 enables data checksums by default, so all majors behave alike.
        const auto initdb = account.run(
                binDir + QStringLiteral("/initdb"),
                {QStringLiteral("-D"), building + QStringLiteral("/data"), QStringLiteral("-A"),
                 QStringLiteral("trust"), QStringLiteral("-N"), QStringLiteral("--no-locale"),
                 QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("-U"),
                 superuserName(), QStringLiteral("-k")},
                building, kToolTimeoutMs);
        if (!initdb.ok()) {
            return Error(ErrorCode::ServerError,
                         QStringLiteral("initdb of PostgreSQL %1 failed").arg(version),
                         initdb.error().toString());
        }
        if (rename(QFile::encodeName(building).constData(), QFile::encodeName(dir).constData())
            != 0) {
            return Error(ErrorCode::IoError, QStringLiteral("Could not rename %1").arg(building),
                         errnoText());
        }
    }
    ready.insert(binDir, dataDir);
    return dataDir;
}

// "<pid> <start time>" of the test process that owns a cluster dir; the sweeper leaves a dir
// alone while that exact process lives.
QString ownerStamp()
{
    const qint64 pid = getpid();
    return QStringLiteral("%1 %2\n").arg(pid).arg(processStartTime(pid));
}

bool ownerAlive(const QString &clusterDir)
{
    QFile file(clusterDir + QStringLiteral("/owner"));
    const QList<QByteArray> fields = file.open(QIODevice::ReadOnly)
                                             ? file.readAll().trimmed().split(' ')
                                             : QList<QByteArray>{};
    if (fields.size() != 2) {
        // Clusters are made under the sweep lock, so this is a process that died in between;
        // still, spare young dirs rather than ever removing a live one.
        const QDateTime modified = QFileInfo(clusterDir).lastModified();
        return modified.secsTo(QDateTime::currentDateTime()) < kOwnerlessGraceSecs;
    }
    const qint64 pid = fields.at(0).toLongLong();
    return processAlive(pid) && processStartTime(pid) == fields.at(1).toLongLong();
}

QString sweepLockPath(const ServerAccount &account)
{
    return stateRoot(account) + QStringLiteral("/sweep.lock");
}

struct PgConnDeleter
{
    void operator()(PGconn *connection) const { PQfinish(connection); }
};
struct PgResultDeleter
{
    void operator()(PGresult *result) const { PQclear(result); }
};

} // namespace

struct PgCluster::Private
{
    PgClusterOptions options;
    int major = 0;
    QString binDir;
    QString version;
    ServerAccount account;
    QString baseDir; // <stateRoot>/c-XXXXXX: data/, sock/, scratch/, server.log, owner
    int port = 0;
    bool passwordSet = false;
    Status prepared; // what start() returns when the cluster could not even be set up

    QString dataDir() const { return baseDir + QStringLiteral("/data"); }
    QString socketDir() const { return baseDir + QStringLiteral("/sock"); }
    QString logFile() const { return baseDir + QStringLiteral("/server.log"); }

    Status prepare();
    Status writeConfig();
    Result<QString> pgCtl(const QStringList &args) const;
    QString logTail(qint64 fromOffset = 0) const;
    Error withLog(Error error) const;
    void teardown();
};

Status PgCluster::Private::prepare()
{
    if (binDir.isEmpty()) {
        return Error(ErrorCode::ToolMissing,
                     QStringLiteral("PostgreSQL %1 is not installed").arg(major),
                     PgBinaries::searchedDescription());
    }
    auto resolved = ServerAccount::get();
    if (!resolved.ok())
        return resolved.error();
    account = *resolved;

    static std::once_flag swept;
    std::call_once(swept, [] { PgCluster::sweepLeftovers(); });

    if (Status root = ensurePrivateDir(stateRoot(account), account); !root.ok())
        return root;
    const auto templateDir = ensureTemplate(account, binDir, version);
    if (!templateDir.ok())
        return templateDir.error();

    {
        // Under the sweep lock, so no sweeper sees the dir before it has its owner file.
        const FileLock lock(sweepLockPath(account), account);
        QByteArray pattern = QFile::encodeName(stateRoot(account) + QStringLiteral("/c-XXXXXX"));
        if (!mkdtemp(pattern.data())) {
            return Error(ErrorCode::IoError, QStringLiteral("Could not create a cluster directory"),
                         errnoText());
        }
        baseDir = QFile::decodeName(pattern);
        if (Status owner = writeText(baseDir + QStringLiteral("/owner"), ownerStamp()); !owner.ok())
            return owner;
    }
    for (const QString &dir : QStringList{socketDir(), baseDir + QStringLiteral("/scratch")}) {
        if (mkdir(QFile::encodeName(dir).constData(), 0700) != 0) {
            return Error(ErrorCode::IoError, QStringLiteral("Could not create %1").arg(dir),
                         errnoText());
        }
    }
    if (Status owned = account.giveOwnership(baseDir, true); !owned.ok())
        return owned;

    // cp -a keeps the template's owner (the server account) and its 0700 modes.
    ServerAccount self = account;
    self.viaRunuser = false; // copy as ourselves: root may read the template, and keeps owners
    const auto copied
            = self.run(QStringLiteral("cp"), {QStringLiteral("-a"), *templateDir, dataDir()},
                       baseDir, kToolTimeoutMs);
    if (!copied.ok())
        return copied.error();

    port = freePort();
    if (port == 0)
        return Error(ErrorCode::IoError, QStringLiteral("Could not find a free TCP port"));
    return writeConfig();
}

Status PgCluster::Private::writeConfig()
{
    QString conf = QStringLiteral(
            "\n# Added by the PgVault test harness (tests/support/PgCluster.cpp)\n");
    const auto line = [&conf](const QString &name, const QString &value) {
        conf += name + QStringLiteral(" = ") + confQuote(value) + QLatin1Char('\n');
    };
    line(QStringLiteral("fsync"), QStringLiteral("off"));
    line(QStringLiteral("port"), QString::number(port));
    line(QStringLiteral("listen_addresses"), options.tcp ? QStringLiteral("127.0.0.1") : QString());
    line(QStringLiteral("unix_socket_directories"), socketDir());
    line(QStringLiteral("password_encryption"), QStringLiteral("scram-sha-256"));
    line(QStringLiteral("log_line_prefix"), QStringLiteral("%m [%p] %q%a "));
    conf += QStringLiteral("# From PgClusterOptions::settings\n");
    for (auto it = options.settings.cbegin(); it != options.settings.cend(); ++it)
        line(it.key(), it.value());
    if (Status appended = appendText(dataDir() + QStringLiteral("/postgresql.conf"), conf);
        !appended.ok()) {
        return appended;
    }

    // Unix socket: trust (the socket dir is private to the server account and root). TCP:
    // scram-sha-256 once the superuser has a password, so tests can exercise authentication.
    const QString tcpMethod = options.superuserPassword.isEmpty() ? QStringLiteral("trust")
                                                                  : QStringLiteral("scram-sha-256");
    QString hba = QStringLiteral("# Written by the PgVault test harness\n");
    for (const QString &extra : std::as_const(options.hbaLines))
        hba += extra + QLatin1Char('\n');
    hba += QStringLiteral("local all all trust\n"
                          "local replication all trust\n");
    for (const char *address : {"127.0.0.1/32", "::1/128"}) {
        for (const char *database : {"all", "replication"}) {
            hba += QStringLiteral("host %1 all %2 %3\n")
                           .arg(QLatin1String(database), QLatin1String(address), tcpMethod);
        }
    }
    return writeText(dataDir() + QStringLiteral("/pg_hba.conf"), hba);
}

Result<QString> PgCluster::Private::pgCtl(const QStringList &args) const
{
    return account.run(binDir + QStringLiteral("/pg_ctl"),
                       QStringList{QStringLiteral("-D"), dataDir()} + args, baseDir,
                       kToolTimeoutMs);
}

QString PgCluster::Private::logTail(qint64 fromOffset) const
{
    QFile file(logFile());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (fromOffset > 0)
        file.seek(fromOffset);
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    return lines.mid(qMax(0, lines.size() - kLogTailLines)).join(QLatin1Char('\n')).trimmed();
}

Error PgCluster::Private::withLog(Error error) const
{
    const QString tail = logTail();
    if (tail.isEmpty())
        return error.withDetail(QStringLiteral("(server log %1 is empty)").arg(logFile()));
    return error.withDetail(QStringLiteral("--- last lines of %1 ---\n%2").arg(logFile(), tail));
}

void PgCluster::Private::teardown()
{
    if (baseDir.isEmpty())
        return;
    const qint64 pid = readPostmasterPid(dataDir());
    if (processAlive(pid)) {
        const QList<qint64> children = childProcesses(pid);
        const auto stopped = pgCtl({QStringLiteral("stop"), QStringLiteral("-m"),
                                    QStringLiteral("immediate"), QStringLiteral("-w")});
        if (!stopped.ok())
            qWarning("PgCluster: %s", qPrintable(stopped.error().toString()));
        if (!waitForExit({pid}, kExitWaitMs))
            killRemaining({pid});
        if (!waitForExit(children, kExitWaitMs))
            killRemaining(children);
    }
    if (!QDir(baseDir).removeRecursively())
        qWarning("PgCluster: could not remove %s", qPrintable(baseDir));
}

PgCluster::PgCluster(PgClusterOptions options)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->major = d->options.major > 0 ? d->options.major : defaultMajor();
    d->binDir = PgBinaries::binDir(d->major);
    d->version = PgBinaries::versionOf(d->binDir);
    d->prepared = d->prepare();
}

PgCluster::~PgCluster()
{
    d->teardown();
}

QList<int> PgCluster::availableMajors()
{
    return PgBinaries::availableMajors();
}

QString PgCluster::binDir(int major)
{
    return PgBinaries::binDir(major);
}

int PgCluster::defaultMajor()
{
    bool ok = false;
    const int major = qEnvironmentVariableIntValue("PGVAULT_TEST_PG_MAJOR", &ok);
    return ok && major > 0 ? major : 15;
}

QString PgCluster::serverUser()
{
    const auto account = ServerAccount::get();
    return account.ok() ? account->name : QString();
}

Status PgCluster::grantToServerUser(const QString &path)
{
    const auto account = ServerAccount::get();
    if (!account.ok())
        return account.error();
    return account->giveOwnership(path, true);
}

int PgCluster::sweepLeftovers()
{
    const auto account = ServerAccount::get();
    if (!account.ok())
        return 0;
    const QDir root(stateRoot(*account));
    if (!root.exists())
        return 0;
    // One sweeper at a time (ctest -j runs several test processes, each sweeping once).
    const FileLock lock(sweepLockPath(*account), *account);
    int removed = 0;
    const QStringList clusters
            = root.entryList({QStringLiteral("c-*")}, QDir::Dirs | QDir::NoSymLinks);
    for (const QString &name : clusters) {
        const QString clusterDir = root.filePath(name);
        if (ownerAlive(clusterDir))
            continue;
        stopOrphanedServer(clusterDir + QStringLiteral("/data"));
        // Renamed before removal, so a removal cut short leaves a trash-* dir, not a cluster
        // dir without its owner file (which would look like one being made, and be spared).
        const QString trash = root.filePath(QStringLiteral("trash-") + name.mid(2));
        if (rename(QFile::encodeName(clusterDir).constData(), QFile::encodeName(trash).constData())
            == 0)
            ++removed;
    }
    const QStringList trashed
            = root.entryList({QStringLiteral("trash-*")}, QDir::Dirs | QDir::NoSymLinks);
    for (const QString &name : trashed)
        QDir(root.filePath(name)).removeRecursively();
    return removed;
}

Status PgCluster::start()
{
    if (!d->prepared.ok())
        return d->prepared;
    if (isRunning())
        return {};
    for (int attempt = 1;; ++attempt) {
        const qint64 logOffset = QFileInfo(d->logFile()).size();
        const auto started
                = d->pgCtl({QStringLiteral("-l"), d->logFile(), QStringLiteral("-w"),
                            QStringLiteral("-t"), QStringLiteral("120"), QStringLiteral("start")});
        if (started.ok())
            break;
        if (attempt < kStartAttempts && d->options.tcp && portConflict(d->logTail(logOffset))) {
            d->port = freePort(); // someone took the port between our probe and the bind
            const Status moved = appendText(d->dataDir() + QStringLiteral("/postgresql.conf"),
                                            QStringLiteral("port = %1\n").arg(d->port));
            if (!moved.ok())
                return moved;
            continue;
        }
        return d->withLog(
                Error(ErrorCode::ServerError,
                      QStringLiteral("PostgreSQL %1 test server did not start").arg(d->major),
                      started.error().toString()));
    }
    if (!d->passwordSet && !d->options.superuserPassword.isEmpty()) {
        const Status set
                = execute(QStringLiteral("ALTER ROLE %1 PASSWORD %2")
                                  .arg(superuser(), sqlLiteral(d->options.superuserPassword)));
        if (!set.ok())
            return set;
        d->passwordSet = true;
    }
    return {};
}

Status PgCluster::stop()
{
    if (!d->prepared.ok())
        return d->prepared;
    const qint64 pid = postmasterPid();
    if (!processAlive(pid))
        return {};
    QList<qint64> processes = childProcesses(pid);
    processes.append(pid);
    const auto stopped
            = d->pgCtl({QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("fast"),
                        QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("120")});
    if (!stopped.ok()) {
        return d->withLog(
                Error(ErrorCode::ServerError,
                      QStringLiteral("PostgreSQL %1 test server did not stop").arg(d->major),
                      stopped.error().toString()));
    }
    // pg_ctl returns once postmaster.pid is gone, which the postmaster removes just before it
    // exits; callers may rely on the processes being gone (port free, no process left).
    if (!waitForExit(processes, kExitWaitMs)) {
        return d->withLog(Error(
                ErrorCode::ServerError,
                QStringLiteral("PostgreSQL %1 test server processes did not exit").arg(d->major)));
    }
    return {};
}

Status PgCluster::restart()
{
    if (Status stopped = stop(); !stopped.ok())
        return stopped;
    return start();
}

Status PgCluster::reload()
{
    if (!d->prepared.ok())
        return d->prepared;
    const auto reloaded = d->pgCtl({QStringLiteral("reload")});
    if (!reloaded.ok())
        return d->withLog(reloaded.error());
    return {};
}

void PgCluster::kill9()
{
    const qint64 pid = postmasterPid();
    if (!processAlive(pid))
        return;
    const QList<qint64> children = childProcesses(pid);
    kill(static_cast<pid_t>(pid), SIGKILL);
    waitForExit({pid}, kExitWaitMs);
    // Backends notice the postmaster's death by themselves; wait so their shared memory is gone
    // before anyone restarts the cluster.
    if (!waitForExit(children, kExitWaitMs))
        killRemaining(children);
    // Until its new parent reaps it, the dead postmaster is a zombie, and PostgreSQL's stale-lock
    // check (kill(pid, 0)) would take it for a running server and refuse to start. Give the
    // reaper a moment, then drop the lock file of a zombie; crash recovery does not need it.
    for (int i = 0; i < 100 && QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)); ++i)
        usleep(30000);
    if (QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)))
        QFile::remove(d->dataDir() + QStringLiteral("/postmaster.pid"));
}

bool PgCluster::isRunning() const
{
    return processAlive(postmasterPid());
}

int PgCluster::major() const
{
    return d->major;
}

QString PgCluster::version() const
{
    return d->version;
}

QString PgCluster::binDir() const
{
    return d->binDir;
}

QString PgCluster::dataDir() const
{
    return d->baseDir.isEmpty() ? QString() : d->dataDir();
}

QString PgCluster::socketDir() const
{
    return d->baseDir.isEmpty() ? QString() : d->socketDir();
}

QString PgCluster::scratchDir() const
{
    return d->baseDir.isEmpty() ? QString() : d->baseDir + QStringLiteral("/scratch");
}

int PgCluster::port() const
{
    return d->port;
}

QString PgCluster::superuser() const
{
    return superuserName();
}

qint64 PgCluster::postmasterPid() const
{
    return d->baseDir.isEmpty() ? 0 : readPostmasterPid(d->dataDir());
}

QString PgCluster::conninfo(const QString &dbname, const QString &user, bool overTcp) const
{
    const QString host = overTcp && d->options.tcp ? QStringLiteral("127.0.0.1") : socketDir();
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=%4")
            .arg(conninfoValue(host))
            .arg(d->port)
            .arg(conninfoValue(dbname), conninfoValue(user.isEmpty() ? superuser() : user));
}

Result<QList<QStringList>> PgCluster::query(const QString &sql, const QString &dbname) const
{
    if (!d->prepared.ok())
        return d->prepared.error();
    const QByteArray info
            = (conninfo(dbname)
               + QStringLiteral(" connect_timeout=10 application_name=pgvault-harness"))
                      .toUtf8();
    const std::unique_ptr<PGconn, PgConnDeleter> connection(PQconnectdb(info.constData()));
    if (PQstatus(connection.get()) != CONNECTION_OK) {
        return d->withLog(Error(
                ErrorCode::ConnectionFailed,
                QStringLiteral("Could not connect to the PostgreSQL %1 test server").arg(d->major),
                QString::fromUtf8(PQerrorMessage(connection.get())).trimmed()));
    }
    const std::unique_ptr<PGresult, PgResultDeleter> result(
            PQexec(connection.get(), sql.toUtf8().constData()));
    const ExecStatusType status = PQresultStatus(result.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY)
        return QList<QStringList>{};
    if (status != PGRES_TUPLES_OK) {
        const char *primary = PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY);
        const char *sqlState = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
        return Error(
                ErrorCode::ServerError,
                QString::fromUtf8(primary ? primary : PQerrorMessage(connection.get())).trimmed(),
                QStringLiteral("SQLSTATE %1 in: %2\n%3")
                        .arg(QString::fromLatin1(sqlState ? sqlState : "?"), sql,
                             QString::fromUtf8(PQresultErrorMessage(result.get())).trimmed()));
    }
    QList<QStringList> rows;
    const int rowCount = PQntuples(result.get());
    const int columnCount = PQnfields(result.get());
    rows.reserve(rowCount);
    for (int row = 0; row < rowCount; ++row) {
        QStringList values;
        values.reserve(columnCount);
        for (int column = 0; column < columnCount; ++column) {
            values.append(PQgetisnull(result.get(), row, column)
                                  ? QString()
                                  : QString::fromUtf8(PQgetvalue(result.get(), row, column)));
        }
        rows.append(values);
    }
    return rows;
}

Status PgCluster::execute(const QString &sql, const QString &dbname) const
{
    const auto result = query(sql, dbname);
    if (!result.ok())
        return result.error();
    return {};
}

Result<QString> PgCluster::scalar(const QString &sql, const QString &dbname) const
{
    const auto result = query(sql, dbname);
    if (!result.ok())
        return result.error();
    if (result->isEmpty() || result->first().isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("The query returned no rows"), sql);
    return result->first().first();
}

Status PgCluster::setSetting(const QString &name, const QString &value)
{
    if (!d->prepared.ok())
        return d->prepared;
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.]*$"));
    if (!identifier.match(name).hasMatch())
        return Error(ErrorCode::InvalidInput, QStringLiteral("Not a setting name: %1").arg(name));
    return appendText(d->dataDir() + QStringLiteral("/postgresql.conf"),
                      name + QStringLiteral(" = ") + confQuote(value) + QLatin1Char('\n'));
}

QString PgCluster::serverLog() const
{
    QFile file(d->logFile());
    if (d->baseDir.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace PgVault::Test
