#include "AtomicFile.h"

#include "FileSystem.h"
#include "common/Tr.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

namespace PgVault {

using FileSystem::encode;
using FileSystem::errnoError;

AtomicFile::AtomicFile(QString path, Mode mode)
    : m_path(std::move(path))
    , m_folder(FileSystem::parentOf(m_path))
    , m_mode(mode)
{}

AtomicFile::~AtomicFile()
{
    if (!m_committed)
        abort();
}

bool AtomicFile::isTempName(QStringView fileName)
{
    static const QRegularExpression pattern(QStringLiteral("^\\..+\\.tmp\\.\\d+\\.[0-9a-f]{8}$"));
    return pattern.match(fileName).hasMatch();
}

Status AtomicFile::open()
{
    Q_ASSERT(m_fd < 0 && !m_committed);
    const QString name = m_path.mid(m_path.lastIndexOf(QLatin1Char('/')) + 1);
    // O_EXCL + a random suffix: a clash (pid reuse after a crash) just draws another name.
    for (int attempt = 0; attempt < 10; ++attempt) {
        const QString candidate
                = m_folder + QLatin1Char('/') + QLatin1Char('.') + name
                  + QStringLiteral(".tmp.%1.%2")
                            .arg(::getpid())
                            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        m_fd = ::open(encode(candidate).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (m_fd >= 0) {
            m_tempPath = candidate;
            m_written = 0;
            return {};
        }
        if (errno != EEXIST)
            return errnoError(errno, candidate, "open", m_folder);
    }
    return errnoError(EEXIST, m_folder, "open");
}

Status AtomicFile::write(QByteArrayView data)
{
    if (m_fd < 0)
        return Error(ErrorCode::Internal, Tr::tr("%1 is not open for writing").arg(m_path));
    const char *p = data.data();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            // DiskFull names the final path: that is where the user expected the data.
            const Error e = errnoError(err, m_path, "write",
                                       err == ENOSPC || err == EDQUOT ? m_folder : QString());
            abort();
            return e.withDetail(QStringLiteral("temporary file %1").arg(m_tempPath));
        }
        p += n;
        left -= n;
        m_written += n;
    }
    return {};
}

Status AtomicFile::placeFile()
{
    const QByteArray temp = encode(m_tempPath);
    const QByteArray target = encode(m_path);
    if (m_mode == Mode::Replace) {
        if (::rename(temp.constData(), target.constData()) != 0)
            return errnoError(errno, m_path, "rename", m_folder);
        return {};
    }
    // link() fails with EEXIST instead of replacing, atomically: of two concurrent writers of
    // the same name exactly one wins, and the loser can compare contents. File systems without
    // hard links get renameat2(RENAME_NOREPLACE), which has the same guarantee.
    if (::link(temp.constData(), target.constData()) == 0) {
        ::unlink(temp.constData());
        return {};
    }
    int err = errno;
    if (err == EPERM || err == EOPNOTSUPP || err == EMLINK) {
        if (::renameat2(AT_FDCWD, temp.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE)
            == 0)
            return {};
        err = errno;
    }
    if (err == EEXIST)
        return Error(ErrorCode::AlreadyExists, Tr::tr("%1 already exists").arg(m_path));
    return errnoError(err, m_path, "link", m_folder);
}

Status AtomicFile::commit()
{
    if (m_fd < 0 || m_committed) // not opened, or a failed write already aborted it
        return Error(ErrorCode::Internal, Tr::tr("%1 was not written completely").arg(m_path));
    if (m_durable && ::fsync(m_fd) != 0) {
        const Error e = errnoError(errno, m_path, "fsync", m_folder);
        abort();
        return e;
    }
    // close() can report a deferred write error (NFS); treat it like a failed write.
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0 && errno != EINTR) {
        const Error e = errnoError(errno, m_path, "close", m_folder);
        abort();
        return e;
    }
    if (Status placed = placeFile(); !placed) {
        abort();
        return placed;
    }
    m_committed = true;
    m_tempPath.clear();
    if (m_durable)
        return FileSystem::fsyncDirectory(m_folder);
    return {};
}

void AtomicFile::abort()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_tempPath.isEmpty()) {
        ::unlink(encode(m_tempPath).constData());
        m_tempPath.clear();
    }
}

} // namespace PgVault
