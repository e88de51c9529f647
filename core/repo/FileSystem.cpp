#include "FileSystem.h"

#include "common/Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace PgVault::FileSystem {

QByteArray encode(const QString &path)
{
    return QFile::encodeName(path);
}

Error errnoError(int err, const QString &path, const char *operation, const QString &folder)
{
    const QString detail = QStringLiteral("%1(%2): %3 (errno %4)")
                                   .arg(QLatin1String(operation), path, qt_error_string(err))
                                   .arg(err);
    const QString where = folder.isEmpty() ? path : folder;
    switch (err) {
    case ENOSPC:
    case EDQUOT:
        return Error(ErrorCode::DiskFull,
                     Tr::tr("no space left on %1; free some space or choose another repository")
                             .arg(where),
                     detail);
    case EROFS:
        return Error(ErrorCode::PermissionDenied,
                     Tr::tr("cannot write to %1: the file system is read-only").arg(where), detail);
    case EACCES:
    case EPERM:
        return Error(ErrorCode::PermissionDenied,
                     Tr::tr("permission denied on %1; check its owner and mode").arg(where),
                     detail);
    case ENOENT: return Error(ErrorCode::NotFound, Tr::tr("%1 does not exist").arg(where), detail);
    case EEXIST:
        return Error(ErrorCode::AlreadyExists, Tr::tr("%1 already exists").arg(path), detail);
    default: return Error(ErrorCode::IoError, Tr::tr("input/output error on %1").arg(path), detail);
    }
}

Status fsyncDirectory(const QString &dir)
{
    const int fd = ::open(encode(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errnoError(errno, dir, "open");
    // EINVAL: some file systems cannot fsync a directory; there is nothing more we can do there.
    if (::fsync(fd) != 0 && errno != EINVAL) {
        const int err = errno;
        ::close(fd);
        return errnoError(err, dir, "fsync");
    }
    ::close(fd);
    return {};
}

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return QStringLiteral(".");
    if (slash == 0)
        return QStringLiteral("/");
    return path.left(slash);
}

Status durableMkpath(const QString &dir)
{
    const QString clean = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    struct stat st;
    if (::stat(encode(clean).constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return {};
        return Error(ErrorCode::AlreadyExists, Tr::tr("%1 exists but is not a folder").arg(clean));
    }
    if (clean == QLatin1String("/"))
        return errnoError(ENOENT, clean, "stat");
    // Parents first, so that each mkdir below has a durable parent to fsync.
    const QString parent = parentOf(clean);
    if (Status s = durableMkpath(parent); !s)
        return s;
    if (::mkdir(encode(clean).constData(), 0777) != 0) {
        const int err = errno;
        if (err == EEXIST && ::stat(encode(clean).constData(), &st) == 0 && S_ISDIR(st.st_mode))
            return {}; // a concurrent creator won; it fsyncs the parent
        return errnoError(err, clean, "mkdir", parent);
    }
    return fsyncDirectory(parent);
}

Result<QByteArray> readSmallFile(const QString &path, qint64 maxSize)
{
    const int fd = ::open(encode(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errnoError(errno, path, "open");
    QByteArray data;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            return errnoError(err, path, "read");
        }
        if (n == 0)
            break;
        data.append(buffer, n);
        if (data.size() > maxSize) {
            ::close(fd);
            return Error(ErrorCode::Corrupt,
                         Tr::tr("%1 is larger than expected (more than %2 bytes)")
                                 .arg(path)
                                 .arg(maxSize));
        }
    }
    ::close(fd);
    return data;
}

} // namespace PgVault::FileSystem
