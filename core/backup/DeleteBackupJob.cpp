#include "DeleteBackupJob.h"

#include "BackupCatalog.h"
#include "repo/FileSystem.h"
#include "repo/RepositoryLock.h"

#include <QDir>
#include <QJsonObject>

#include <cerrno>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

namespace PgVault {

namespace {

// Enough for a leftover of the same id (a crashed delete, and a new backup that got the same
// id in the same second); a thousand means something else is wrong.
constexpr int MaxRenameAttempts = 1000;

struct Node
{
    QString path;
    bool isDir = false;
    qint64 size = 0;
};

// Everything below `dir`, children before their folder (the order rmdir needs). lstat, never
// stat: a symbolic link inside a backup is removed, never followed out of the repository.
Status collect(const QString &dir, QList<Node> &nodes, JobContext &context)
{
    const QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                                  | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        if (context.isCancelled())
            return JobContext::cancelledError();
        const QString path = dir + QLatin1Char('/') + name;
        struct stat st;
        if (::lstat(FileSystem::encode(path).constData(), &st) != 0) {
            if (errno == ENOENT)
                continue;
            return FileSystem::errnoError(errno, path, "lstat");
        }
        if (S_ISDIR(st.st_mode)) {
            if (Status s = collect(path, nodes, context); !s)
                return s;
            nodes.append({path, true, 0});
        } else {
            nodes.append({path, false, qint64(st.st_size)});
        }
    }
    return {};
}

bool exists(const QString &path)
{
    struct stat st;
    return ::lstat(FileSystem::encode(path).constData(), &st) == 0 || errno != ENOENT;
}

} // namespace

DeleteBackupJob::DeleteBackupJob(Repository repository, QString backupId, QObject *parent)
    : ThreadedJob(QStringLiteral("delete-backup"), tr("Delete backup %1").arg(backupId), parent)
    , m_repository(std::move(repository))
    , m_backupId(std::move(backupId))
{}

DeleteBackupJob::~DeleteBackupJob() = default;

Result<QJsonObject> DeleteBackupJob::work(JobContext &context)
{
    context.setPhase(QStringLiteral("locking"),
                     tr("Making sure no other backup or delete runs on this server"));
    // Looked up before locking: while this job holds the lock the catalog would take every
    // folder without a manifest for one being written.
    Result<BackupEntry> found = BackupCatalog::find(m_repository, m_backupId);
    if (!found)
        return found.error();
    const BackupEntry entry = std::move(found).value();
    const QString serverDir = m_repository.serverPath(entry.systemId);
    Result<std::unique_ptr<RepositoryLock>> lock
            = RepositoryLock::acquire(serverDir, tr("delete %1").arg(m_backupId));
    if (!lock)
        return lock.error().withContext(tr("Backup %1 cannot be deleted now").arg(m_backupId));
    // Its writer ended between the look-up and the lock: it may just have become a complete
    // backup, which is not what the user saw and chose.
    if (entry.state == BackupEntry::State::InProgress)
        return Error(ErrorCode::Locked,
                     tr("Backup %1 was still being written a moment ago; look at the list "
                        "again and delete it then if it is still not wanted.")
                             .arg(m_backupId));
    // Another delete may have finished between the look-up and the lock.
    if (!exists(entry.path))
        return Error(ErrorCode::NotFound, tr("there is no backup %1 in the repository at %2")
                                                  .arg(m_backupId, m_repository.path()));
    if (context.isCancelled())
        return JobContext::cancelledError();

    // Hide it first: once renamed, nothing lists it as a backup any more, however far the
    // removal below gets.
    const QString backups = m_repository.backupsPath(entry.systemId);
    QString hidden = entry.path;
    if (!BackupCatalog::isDeletionLeftover(m_backupId)) {
        context.setPhase(QStringLiteral("hiding"), tr("Hiding %1").arg(m_backupId));
        hidden.clear();
        for (int attempt = 1; attempt <= MaxRenameAttempts && hidden.isEmpty(); ++attempt) {
            QString candidate
                    = backups + QLatin1Char('/') + BackupCatalog::DeletingPrefix + m_backupId;
            if (attempt > 1)
                candidate += QStringLiteral("-%1").arg(attempt);
            if (!exists(candidate))
                hidden = candidate;
        }
        if (hidden.isEmpty())
            return Error(ErrorCode::AlreadyExists,
                         tr("%1 cannot be deleted: %2 leftovers of earlier deletes have its name")
                                 .arg(entry.relativePath)
                                 .arg(MaxRenameAttempts));
        if (::rename(FileSystem::encode(entry.path).constData(),
                     FileSystem::encode(hidden).constData())
            != 0)
            return FileSystem::errnoError(errno, entry.path, "rename", backups);
        if (Status s = FileSystem::fsyncDirectory(backups); !s)
            return s.error();
    }

    context.setPhase(QStringLiteral("deleting"), tr("Deleting %1").arg(m_backupId));
    const QString leftover = QStringLiteral("servers/%1/backups/%2")
                                     .arg(Repository::systemIdText(entry.systemId),
                                          hidden.mid(backups.size() + 1));
    const auto partly = [&](const Error &error) {
        return error.withContext(
                tr("Backup %1 was only partly deleted; what is left, %2, is not a backup any "
                   "more and can be deleted again")
                        .arg(m_backupId, leftover));
    };
    QList<Node> nodes;
    if (Status s = collect(hidden, nodes, context); !s)
        return s.error().code() == ErrorCode::Cancelled ? s.error() : partly(s.error());
    nodes.append({hidden, true, 0});
    qint64 files = 0;
    qint64 bytes = 0;
    for (const Node &node : std::as_const(nodes)) {
        if (!node.isDir) {
            ++files;
            bytes += node.size;
        }
    }
    context.setItemsTotal(files);
    context.setBytesTotal(bytes);

    for (const Node &node : std::as_const(nodes)) {
        if (context.isCancelled())
            return JobContext::cancelledError();
        const QByteArray path = FileSystem::encode(node.path);
        if (node.isDir) {
            if (::rmdir(path.constData()) != 0 && errno != ENOENT)
                return partly(FileSystem::errnoError(errno, node.path, "rmdir"));
            continue;
        }
        context.setCurrentItem(node.path.mid(hidden.size() + 1));
        if (::unlink(path.constData()) != 0 && errno != ENOENT)
            return partly(FileSystem::errnoError(errno, node.path, "unlink"));
        context.addItemsDone();
        context.addBytesDone(node.size);
    }
    if (Status s = FileSystem::fsyncDirectory(backups); !s)
        return s.error();

    context.info(tr("Deleted backup %1: %n file(s) removed.", nullptr, int(files)).arg(m_backupId));
    return QJsonObject{
            {QStringLiteral("backupId"), m_backupId},
            {QStringLiteral("systemIdentifier"), Repository::systemIdText(entry.systemId)},
            {QStringLiteral("files"), files},
            {QStringLiteral("bytes"), bytes},
    };
}

} // namespace PgVault
