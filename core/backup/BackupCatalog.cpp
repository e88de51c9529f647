#include "BackupCatalog.h"

#include "BackupId.h"
#include "common/Tr.h"
#include "repo/FileSystem.h"
#include "repo/RepositoryLock.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace PgVault {

namespace {

struct WriterProbe
{
    bool active = false;
    QDateTime since; // when the active writer took the lock (seconds), if it says
};

// Readers must never block or disturb a writer, so the lock is only ever probed with
// LOCK_SH | LOCK_NB, which fails at once while a writer holds it. Probing a free lock takes it
// for a moment, and a writer starting in that moment would be refused; the owner text narrows
// that to the rare case of a crashed writer: a live holder always has written its text before
// it creates a backup folder, and a clean release empties it, so an empty text needs no probe.
WriterProbe probeWriter(const QString &serverDir)
{
    const QString path = serverDir + QLatin1Char('/') + QLatin1String(RepositoryLock::FileName);
    const int fd = ::open(FileSystem::encode(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    QByteArray text(4096, '\0');
    const ssize_t n = ::pread(fd, text.data(), size_t(text.size()), 0);
    text.truncate(n > 0 ? qsizetype(n) : 0);
    WriterProbe probe;
    if (!text.trimmed().isEmpty()) {
        if (::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
            probe.active = true;
            probe.since = RepositoryLock::decodeOwner(text).since;
        }
    }
    ::close(fd); // also drops the probe's shared lock, if it got one
    return probe;
}

// A folder without a manifest belongs to the active writer only if it is not older than the
// writer's lock: debris from an earlier crash stays debris while a new backup runs.
bool belongsToWriter(const WriterProbe &probe, const QString &id)
{
    if (!probe.active)
        return false;
    const std::optional<QDateTime> start = BackupId::startTime(id);
    if (!start || !probe.since.isValid())
        return true;
    return start->toSecsSinceEpoch() >= probe.since.toSecsSinceEpoch();
}

BackupEntry readEntry(const Repository &repository, quint64 systemId, const QString &name,
                      std::optional<WriterProbe> &probe)
{
    BackupEntry entry;
    entry.systemId = systemId;
    entry.id = name;
    entry.path = repository.backupsPath(systemId) + QLatin1Char('/') + name;
    entry.relativePath
            = QStringLiteral("servers/%1/backups/%2").arg(Repository::systemIdText(systemId), name);

    const QString manifestPath
            = entry.path + QLatin1Char('/') + QLatin1String(BackupManifest::FileName);
    // A folder being (or left half) deleted may still hold its manifest; never read it.
    if (!BackupCatalog::isDeletionLeftover(name) && QFileInfo::exists(manifestPath)) {
        Result<BackupManifest> manifest = BackupManifest::load(entry.path);
        if (manifest) {
            if (manifest->id != name || manifest->systemId != systemId) {
                entry.state = BackupEntry::State::Damaged;
                entry.problem = Error(ErrorCode::Corrupt,
                                      Tr::tr("%1 describes backup %2 of server %3, but it lies "
                                             "in %4")
                                              .arg(manifestPath, manifest->id,
                                                   Repository::systemIdText(manifest->systemId),
                                                   entry.relativePath));
            } else {
                entry.state = BackupEntry::State::Complete;
                entry.manifest = std::move(manifest).value();
            }
            return entry;
        }
        // NotFound: removed between the two looks (expire); then it has no manifest.
        if (manifest.error().code() != ErrorCode::NotFound) {
            entry.state = BackupEntry::State::Damaged;
            entry.problem = manifest.error();
            return entry;
        }
    }
    if (!probe)
        probe = probeWriter(repository.serverPath(systemId));
    entry.state = belongsToWriter(*probe, name) ? BackupEntry::State::InProgress
                                                : BackupEntry::State::Debris;
    return entry;
}

} // namespace

QString BackupEntry::stateName(State state)
{
    switch (state) {
    case State::Complete: return QStringLiteral("complete");
    case State::InProgress: return QStringLiteral("in-progress");
    case State::Debris: return QStringLiteral("debris");
    case State::Damaged: return QStringLiteral("damaged");
    }
    return QString();
}

namespace BackupCatalog {

bool isDeletionLeftover(QStringView name)
{
    return name.startsWith(DeletingPrefix);
}

Result<QList<BackupEntry>> scan(const Repository &repository, quint64 systemId)
{
    const QString backups = repository.backupsPath(systemId);
    const QFileInfo info(backups);
    if (!info.exists())
        return QList<BackupEntry>(); // a server known only from its WAL
    if (!info.isDir() || !info.isReadable() || !info.isExecutable())
        return FileSystem::errnoError(info.isDir() ? EACCES : ENOTDIR, backups, "opendir");

    // Hidden folders included: anything in backups/ that is not a backup is debris to report.
    const QStringList names = QDir(backups).entryList(QDir::Dirs | QDir::NoDotAndDotDot
                                                      | QDir::Hidden | QDir::NoSymLinks);
    std::optional<WriterProbe> probe;
    QList<BackupEntry> entries;
    entries.reserve(names.size());
    for (const QString &name : names)
        entries.append(readEntry(repository, systemId, name, probe));
    std::sort(entries.begin(), entries.end(), [](const BackupEntry &a, const BackupEntry &b) {
        return BackupId::compare(a.id, b.id) < 0;
    });
    return entries;
}

Result<QList<BackupEntry>> scan(const Repository &repository)
{
    QList<quint64> servers = repository.serverIds();
    std::sort(servers.begin(), servers.end());
    QList<BackupEntry> all;
    for (quint64 systemId : std::as_const(servers)) {
        Result<QList<BackupEntry>> entries = scan(repository, systemId);
        if (!entries)
            return entries.error();
        all.append(*entries);
    }
    return all;
}

Result<BackupEntry> find(const Repository &repository, const QString &id)
{
    QList<quint64> servers = repository.serverIds();
    std::sort(servers.begin(), servers.end());
    for (quint64 systemId : std::as_const(servers)) {
        const QFileInfo folder(repository.backupsPath(systemId) + QLatin1Char('/') + id);
        // Only plain folder names, as scan() lists them: an id never reaches outside backups/.
        if (id.isEmpty() || id.contains(QLatin1Char('/')) || id == QLatin1String(".")
            || id == QLatin1String("..") || folder.isSymLink() || !folder.isDir())
            continue;
        std::optional<WriterProbe> probe;
        return readEntry(repository, systemId, id, probe);
    }
    return Error(
            ErrorCode::NotFound,
            Tr::tr("there is no backup %1 in the repository at %2").arg(id, repository.path()));
}

Result<BackupEntry> findRestorable(const Repository &repository, const QString &id)
{
    Result<BackupEntry> entry = find(repository, id);
    if (!entry)
        return entry;
    switch (entry->state) {
    case BackupEntry::State::Complete: break;
    case BackupEntry::State::InProgress:
        return Error(ErrorCode::Locked, Tr::tr("The backup %1 is still being written.").arg(id));
    case BackupEntry::State::Debris:
        return Error(ErrorCode::Corrupt, Tr::tr("The backup %1 is incomplete (it has no manifest) "
                                                "and cannot be restored.")
                                                 .arg(id));
    case BackupEntry::State::Damaged:
        return entry->problem ? *entry->problem
                              : Error(ErrorCode::Corrupt,
                                      Tr::tr("The manifest of backup %1 is damaged.").arg(id));
    }
    return entry;
}

bool isWriterActive(const Repository &repository, quint64 systemId)
{
    return probeWriter(repository.serverPath(systemId)).active;
}

} // namespace BackupCatalog

} // namespace PgVault
