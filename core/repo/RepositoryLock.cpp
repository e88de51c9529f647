#include "RepositoryLock.h"

#include "FileSystem.h"
#include "common/Tr.h"

#include <QSysInfo>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace PgVault {

RepositoryLock::RepositoryLock(QString path, int fd)
    : m_path(std::move(path))
    , m_fd(fd)
{}

RepositoryLock::~RepositoryLock()
{
    // Empty the explanation while still holding the lock, then let close() release it.
    if (::ftruncate(m_fd, 0) != 0) {
        // Harmless: the text of an unlocked file is ignored.
    }
    ::close(m_fd);
}

QByteArray RepositoryLock::encodeOwner(const Owner &owner)
{
    return QStringLiteral("pid=%1\nhost=%2\nsince=%3\npurpose=%4\n")
            .arg(owner.pid)
            .arg(owner.host, owner.since.toUTC().toString(Qt::ISODate), owner.purpose)
            .toUtf8();
}

RepositoryLock::Owner RepositoryLock::decodeOwner(const QByteArray &text)
{
    Owner owner;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const QByteArray key = line.left(eq);
        const QString value = QString::fromUtf8(line.mid(eq + 1));
        if (key == "pid")
            owner.pid = value.toLongLong();
        else if (key == "host")
            owner.host = value;
        else if (key == "since")
            owner.since = QDateTime::fromString(value, Qt::ISODate);
        else if (key == "purpose")
            owner.purpose = value;
    }
    return owner;
}

Result<std::unique_ptr<RepositoryLock>> RepositoryLock::acquire(const QString &serverDir,
                                                                const QString &purpose)
{
    const QString path = serverDir + QLatin1Char('/') + QLatin1String(FileName);
    const int fd = ::open(FileSystem::encode(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0)
        return FileSystem::errnoError(errno, path, "open", serverDir);

    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        if (err != EWOULDBLOCK) {
            ::close(fd);
            return FileSystem::errnoError(err, path, "flock", serverDir);
        }
        // The holder writes its text right after locking; a just-started holder may not have
        // written it yet, which only makes the message less specific.
        QByteArray text(4096, '\0');
        const ssize_t n = ::pread(fd, text.data(), size_t(text.size()), 0);
        ::close(fd);
        text.truncate(n > 0 ? qsizetype(n) : 0);
        const Owner owner = decodeOwner(text);
        const QString since = owner.since.isValid()
                                      ? owner.since.toLocalTime().toString(Qt::ISODate)
                                      : Tr::tr("an unknown time");
        QString message
                = owner.pid > 0 ? Tr::tr("%1 is locked by pid %2 on %3 since %4")
                                          .arg(serverDir)
                                          .arg(owner.pid)
                                          .arg(owner.host, since)
                                : Tr::tr("%1 is locked by another PgVault process").arg(serverDir);
        if (!owner.purpose.isEmpty())
            message += QStringLiteral(" (%1)").arg(owner.purpose);
        return Error(ErrorCode::Locked, message, QString::fromUtf8(text).trimmed());
    }

    Owner me;
    me.pid = ::getpid();
    me.host = QSysInfo::machineHostName();
    me.since = QDateTime::currentDateTimeUtc();
    me.purpose = purpose;
    const QByteArray text = encodeOwner(me);
    errno = 0;
    if (::ftruncate(fd, 0) != 0
        || ::pwrite(fd, text.constData(), size_t(text.size()), 0) != ssize_t(text.size())) {
        const int err = errno != 0 ? errno : ENOSPC; // a short write: the disk is full
        ::close(fd);
        return FileSystem::errnoError(err, path, "write", serverDir);
    }
    return std::unique_ptr<RepositoryLock>(new RepositoryLock(path, fd));
}

} // namespace PgVault
