#pragma once

#include "jobs/ThreadedJob.h"
#include "repo/Repository.h"

namespace PgVault {

// Deletes one folder of a server's backups/ (kind "delete-backup"): a complete backup, debris
// (no manifest), a damaged one, or the leftover of an interrupted delete. Safely:
//  - the backup is looked up first (NotFound for an unknown id; a folder being written
//    right now is refused);
//  - the server folder's writer lock (RepositoryLock) is held for the whole delete, so it never
//    races a BackupWriter or another delete ("… is locked by pid N …", ErrorCode::Locked);
//  - backups/<id>/ is renamed to backups/.deleting-<id>/ and the folder fsynced before any file
//    goes: from then on BackupCatalog lists it as debris, never as a backup, so a crash in the
//    middle leaves nothing that looks complete;
//  - then its files are removed, with progress (phase "deleting"; items: files, bytes: their
//    sizes), and the folder is fsynced again.
// Cancel stops between files; what is left is a ".deleting-" folder that verify reports and
// this job removes when asked for its id. Result: {"backupId", "systemIdentifier", "files",
// "bytes"}.
class DeleteBackupJob : public ThreadedJob
{
    Q_OBJECT

public:
    DeleteBackupJob(Repository repository, QString backupId, QObject *parent = nullptr);
    ~DeleteBackupJob() override;

    const QString &backupId() const { return m_backupId; }
    // Once renamed the backup is gone; cancelling only stops removing its files.
    CancelMeaning cancelMeaning() const override { return CancelMeaning::KeepCompleted; }

protected:
    Result<QJsonObject> work(JobContext &context) override;

private:
    Repository m_repository;
    QString m_backupId;
};

} // namespace PgVault
