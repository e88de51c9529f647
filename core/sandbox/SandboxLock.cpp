#include "SandboxLock.h"

#include "common/Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace PgVault {

SandboxLock::~SandboxLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

SandboxLock::SandboxLock(SandboxLock &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
{}

QString SandboxLock::lockFile(const SandboxPaths &paths)
{
    return QDir::cleanPath(paths.rootDir()) + QStringLiteral(".lock");
}

Result<SandboxLock> SandboxLock::acquire(const SandboxPaths &paths)
{
    const QString path = lockFile(paths);
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        return Error(ErrorCode::PermissionDenied,
                     Tr::tr("Could not create the folder %1.").arg(folder));
    }
    SandboxLock lock;
    lock.m_fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock.m_fd < 0) {
        const int err = errno;
        return Error(err == EACCES ? ErrorCode::PermissionDenied : ErrorCode::IoError,
                     Tr::tr("Could not open the sandbox's lock file %1.").arg(path),
                     QString::fromLocal8Bit(std::strerror(err)));
    }
    if (::flock(lock.m_fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        if (err == EWOULDBLOCK) {
            return Error(ErrorCode::Locked,
                         Tr::tr("The sandbox is being created, started, stopped or removed by "
                                "another PgVault window or command right now. Wait until that "
                                "has finished, then try again."),
                         path);
        }
        return Error(ErrorCode::IoError, Tr::tr("Could not lock %1.").arg(path),
                     QString::fromLocal8Bit(std::strerror(err)));
    }
    return lock;
}

} // namespace PgVault
