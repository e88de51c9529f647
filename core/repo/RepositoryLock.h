#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QString>

#include <memory>

namespace PgVault {

// "One writer at a time per server folder". The lock is flock() on <server folder>/writer.lock:
// the kernel drops it when the owning process dies, so a crash never leaves a stale lock
// behind. The file's text (pid, host, start time, purpose) only explains who holds it; it is
// never trusted to decide. The file itself is never deleted: unlinking a lock file races with
// a process that has just opened it.
//
// Readers (list, verify, wal-get) never take this lock. wal-push does not take it either: each
// segment is published with link() (AtomicFile::Mode::CreateNew), so concurrent pushers
// cannot overwrite each other, and base backups/expire coordinate through this lock.
class RepositoryLock
{
public:
    static constexpr const char *FileName = "writer.lock";

    struct Owner
    {
        qint64 pid = 0;
        QString host;
        QDateTime since;
        QString purpose;
    };

    // Takes the lock without waiting. If another writer holds it: ErrorCode::Locked,
    // "… is locked by pid N on HOST since TIME (purpose)".
    static Result<std::unique_ptr<RepositoryLock>> acquire(const QString &serverDir,
                                                           const QString &purpose);
    ~RepositoryLock(); // releases
    RepositoryLock(const RepositoryLock &) = delete;
    RepositoryLock &operator=(const RepositoryLock &) = delete;

    const QString &path() const { return m_path; }

    static QByteArray encodeOwner(const Owner &owner);
    static Owner decodeOwner(const QByteArray &text);

private:
    RepositoryLock(QString path, int fd);

    QString m_path;
    int m_fd = -1;
};

} // namespace PgVault
