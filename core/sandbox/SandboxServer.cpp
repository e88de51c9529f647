#include "SandboxServer.h"

#include "PostmasterPid.h"
#include "ServerProgram.h"
#include "common/Tr.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace PgVault {

namespace {
constexpr int PgCtlWaitSeconds = 60;
}

SandboxServer::SandboxServer(const ServerAccount &account, const SandboxTools &tools,
                             SandboxPaths paths)
    : m_account(account)
    , m_tools(tools)
    , m_paths(std::move(paths))
{}

Status SandboxServer::ensureSocketDir(const QString &socketDir) const
{
    const QByteArray encoded = QFile::encodeName(socketDir);
    struct stat info = {};
    if (::lstat(encoded.constData(), &info) != 0) {
        if (errno != ENOENT) {
            const int err = errno;
            return Error(ErrorCode::IoError,
                         Tr::tr("Could not check the sandbox's socket folder %1.").arg(socketDir),
                         QString::fromLocal8Bit(std::strerror(err)));
        }
        if (!QDir().mkpath(socketDir)) {
            return Error(ErrorCode::PermissionDenied,
                         Tr::tr("Could not create the sandbox's socket folder %1.").arg(socketDir));
        }
        if (::chmod(encoded.constData(), 0700) != 0) {
            return Error(ErrorCode::PermissionDenied,
                         Tr::tr("Could not protect the sandbox's socket folder %1.").arg(socketDir),
                         QString::fromLocal8Bit(std::strerror(errno)));
        }
        return m_account.giveOwnership(socketDir);
    }
    if (!S_ISDIR(info.st_mode) || info.st_uid != m_account.uid()) {
        return Error(
                ErrorCode::PermissionDenied,
                Tr::tr("%1 should be the sandbox's private socket folder, but it is not a "
                       "folder owned by “%2”. Remove it, or choose another folder with "
                       "PGVAULT_SANDBOX_SOCKET_DIR.")
                        .arg(socketDir, m_account.name()),
                QStringLiteral("uid %1, mode %2").arg(info.st_uid).arg(info.st_mode & 07777, 0, 8));
    }
    if ((info.st_mode & 077) != 0 && ::chmod(encoded.constData(), 0700) != 0) {
        return Error(ErrorCode::PermissionDenied,
                     Tr::tr("Could not protect the sandbox's socket folder %1.").arg(socketDir),
                     QString::fromLocal8Bit(std::strerror(errno)));
    }
    return {};
}

Status SandboxServer::start() const
{
    ServerProgram pgCtl(m_account, m_tools.pgCtl,
                        {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-t"),
                         QString::number(PgCtlWaitSeconds), QStringLiteral("-D"), m_paths.dataDir(),
                         QStringLiteral("-l"), m_paths.logFile()});
    pgCtl.setTimeoutSeconds(PgCtlWaitSeconds + 30);
    Result<ServerProgram::Output> output = pgCtl.run();
    if (!output)
        return output.error();
    if (output->exitCode != 0) {
        return Error(
                ErrorCode::ServerError,
                Tr::tr("The sandbox server did not start. Its log is %1.").arg(m_paths.logFile()),
                output->detail() + QStringLiteral("\n--- server log ---\n") + logTail());
    }
    return {};
}

Status SandboxServer::stop(StopMode mode) const
{
    ServerProgram pgCtl(
            m_account, m_tools.pgCtl,
            {QStringLiteral("stop"), QStringLiteral("-w"), QStringLiteral("-t"),
             QString::number(PgCtlWaitSeconds), QStringLiteral("-m"),
             mode == StopMode::Fast ? QStringLiteral("fast") : QStringLiteral("immediate"),
             QStringLiteral("-D"), m_paths.dataDir()});
    pgCtl.setTimeoutSeconds(PgCtlWaitSeconds + 30);
    Result<ServerProgram::Output> output = pgCtl.run();
    if (!output)
        return output.error();
    if (output->exitCode != 0 && isRunning()) {
        return Error(
                ErrorCode::ServerError,
                Tr::tr("The sandbox server did not stop. Its log is %1.").arg(m_paths.logFile()),
                output->detail() + QStringLiteral("\n--- server log ---\n") + logTail());
    }
    return {};
}

bool SandboxServer::isRunning() const
{
    const std::optional<PostmasterPid> pid = PostmasterPid::read(m_paths.dataDir());
    return pid && pid->processAlive();
}

QString SandboxServer::logTail(int lines) const
{
    QFile file(m_paths.logFile());
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(no server log at %1)").arg(m_paths.logFile());
    if (file.size() > 64 * 1024)
        file.seek(file.size() - 64 * 1024);
    QStringList all
            = QString::fromLocal8Bit(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(QLatin1Char('\n'));
}

} // namespace PgVault
