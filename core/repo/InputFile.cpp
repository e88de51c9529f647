#include "InputFile.h"

#include "FileSystem.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace PgVault {

InputFile::InputFile(QString path)
    : m_path(std::move(path))
{}

InputFile::~InputFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Status InputFile::open()
{
    m_fd = ::open(FileSystem::encode(m_path).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
        return FileSystem::errnoError(errno, m_path, "open");
    // Read once, front to back: tell the kernel to read ahead and not to keep it cached long.
    ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    return {};
}

Result<qint64> InputFile::read(char *buffer, qint64 maxSize)
{
    Q_ASSERT(m_fd >= 0);
    qint64 done = 0;
    while (done < maxSize) {
        const ssize_t n = ::read(m_fd, buffer + done, size_t(maxSize - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return FileSystem::errnoError(errno, m_path, "read");
        }
        if (n == 0)
            break;
        done += n;
    }
    m_position += done;
    return done;
}

} // namespace PgVault
