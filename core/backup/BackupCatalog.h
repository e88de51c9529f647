#pragma once

#include "BackupManifest.h"
#include "repo/Repository.h"

#include <QList>
#include <optional>

namespace PgVault {

// What `list` and the Backups page show: every backup folder of every server in a repository.
// Reading never takes the writer lock and never blocks a writer.
struct BackupEntry
{
    quint64 systemId = 0;
    QString id;
    QString path;                           // the backup folder
    QString relativePath;                   // the same, relative to the repository, for messages
    std::optional<BackupManifest> manifest; // set when manifest.json exists and parses

    enum class State {
        Complete,   // manifest present and readable: restorable (subject to verify)
        InProgress, // no manifest, the server folder's writer lock is held: being written now
        Debris,     // no manifest, nobody writing: left by a crash; verify reports, expire removes
        Damaged,    // manifest present but unreadable
    };
    State state = State::Debris;
    std::optional<Error> problem; // why Damaged

    bool isRestorable() const { return state == State::Complete; }
    // "complete", "in-progress", "debris", "damaged": stable, for --json and tests.
    static QString stateName(State state);
};

namespace BackupCatalog {

// DeleteBackupJob first renames backups/<id>/ to backups/.deleting-<id>/ and then removes its
// files. Such a folder is never a backup, whatever it still holds (its manifest may well be
// intact): the catalog lists it as debris (in progress while the lock is held), so a delete
// that crashed half-way never leaves something that looks restorable.
inline constexpr QLatin1String DeletingPrefix(".deleting-");
bool isDeletionLeftover(QStringView name);

// All backups of all servers, sorted by server then id (= start time).
Result<QList<BackupEntry>> scan(const Repository &repository);
// All backups of one server.
Result<QList<BackupEntry>> scan(const Repository &repository, quint64 systemId);
// A backup by id (ids are unique per server; the first server holding it wins).
// NotFound names the id and lists nothing else.
Result<BackupEntry> find(const Repository &repository, const QString &id);
// find(), for a restore: only a Complete backup is returned. In progress: Locked; without a
// manifest: Corrupt ("incomplete … cannot be restored"); damaged manifest: its error.
Result<BackupEntry> findRestorable(const Repository &repository, const QString &id);

// Whether a writer holds servers/<id>/writer.lock right now. Probed without waiting and
// without taking the lock when a writer holds it (see BackupCatalog.cpp).
bool isWriterActive(const Repository &repository, quint64 systemId);

} // namespace BackupCatalog

} // namespace PgVault
