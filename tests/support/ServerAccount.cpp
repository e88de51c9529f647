#include "ServerAccount.h"

#include <QDirIterator>
#include <QFile>
#include <QMutex>
#include <QProcess>

#include <cerrno>
#include <cstring>
#include <optional>

#include <pwd.h>
#include <unistd.h>

namespace PgVault::Test {

namespace {

constexpr int kUseraddTimeoutMs = 60000;

std::optional<ServerAccount> lookUp(const char *name)
{
    const passwd *entry = getpwnam(name);
    if (!entry)
        return std::nullopt;
    return ServerAccount{QString::fromLocal8Bit(entry->pw_name), entry->pw_uid, entry->pw_gid,
                         geteuid() == 0};
}

Result<ServerAccount> resolve()
{
    if (geteuid() != 0) {
        const passwd *self = getpwuid(geteuid());
        const QString name
                = self ? QString::fromLocal8Bit(self->pw_name) : QString::number(geteuid());
        return ServerAccount{name, geteuid(), getegid(), false};
    }
    if (auto account = lookUp(ServerAccount::kTestUser))
        return *account;

    // A concurrent test process may create the user at the same moment; look again either way.
    QProcess useradd;
    useradd.setProcessChannelMode(QProcess::MergedChannels);
    useradd.start(QStringLiteral("useradd"),
                  {QStringLiteral("--system"), QStringLiteral("--user-group"),
                   QStringLiteral("--no-create-home"), QStringLiteral("--home-dir"),
                   QStringLiteral("/nonexistent"), QStringLiteral("--shell"),
                   QStringLiteral("/usr/sbin/nologin"),
                   QString::fromLatin1(ServerAccount::kTestUser)});
    useradd.waitForFinished(kUseraddTimeoutMs);
    if (auto account = lookUp(ServerAccount::kTestUser))
        return *account;
    return Error(ErrorCode::PermissionDenied,
                 QStringLiteral("Running as root, but the user \"%1\" that PostgreSQL must run as "
                                "does not exist and could not be created")
                         .arg(QString::fromLatin1(ServerAccount::kTestUser)),
                 QStringLiteral("useradd: %1 %2")
                         .arg(useradd.errorString(),
                              QString::fromLocal8Bit(useradd.readAll()).trimmed()));
}

} // namespace

Result<ServerAccount> ServerAccount::get()
{
    static QMutex mutex;
    static std::optional<Result<ServerAccount>> cached;
    const QMutexLocker locker(&mutex);
    if (!cached || !cached->ok())
        cached = resolve();
    return *cached;
}

Status ServerAccount::giveOwnership(const QString &path, bool recursive) const
{
    if (!viaRunuser)
        return {};
    QStringList paths{path};
    if (recursive) {
        QDirIterator it(path, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            paths.append(it.next());
    }
    for (const QString &entry : std::as_const(paths)) {
        if (lchown(QFile::encodeName(entry).constData(), uid, gid) != 0) {
            return Error(ErrorCode::PermissionDenied,
                         QStringLiteral("Could not give %1 to the user %2").arg(entry, name),
                         QString::fromLocal8Bit(strerror(errno)));
        }
    }
    return {};
}

Result<QString> ServerAccount::run(const QString &program, const QStringList &args,
                                   const QString &workDir, int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(
            workDir); // the account must be able to enter it (see giveOwnership)
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Stable, untranslated tool output whatever the developer's locale is (or lacks).
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    process.setProcessEnvironment(env);
    if (viaRunuser) {
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), name, QStringLiteral("--"), program}
                              + args);
    } else {
        process.start(program, args);
    }

    const QString command = (viaRunuser ? QStringLiteral("runuser -u %1 -- ").arg(name) : QString())
                            + program + QLatin1Char(' ') + args.join(QLatin1Char(' '));
    if (!process.waitForStarted(timeoutMs)) {
        return Error(ErrorCode::ToolMissing, QStringLiteral("Could not run %1").arg(program),
                     command + QStringLiteral("\n") + process.errorString());
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return Error(
                ErrorCode::Timeout,
                QStringLiteral("%1 did not finish within %2 s").arg(program).arg(timeoutMs / 1000),
                command + QStringLiteral("\n") + QString::fromLocal8Bit(process.readAll()));
    }
    const QString output = QString::fromLocal8Bit(process.readAll());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return Error(
                ErrorCode::ServerError,
                QStringLiteral("%1 failed (exit code %2)").arg(program).arg(process.exitCode()),
                command + QStringLiteral("\n") + output.trimmed());
    }
    return output;
}

} // namespace PgVault::Test
