#pragma once

#include "BaseBackupOptions.h"
#include "jobs/ThreadedJob.h"

namespace PgVault {

// A physical base backup of one server into the repository (kind "base-backup", backup kind
// "base"), taken natively over the replication protocol, like `pg_basebackup -Ft -X none`.
//
// preparing: an ordinary connection checks the version (14 or newer), the user's REPLICATION
//   attribute, wal_level and max_wal_senders, so each refusal names what to change; then a
//   replication connection (replication=true) runs IDENTIFY_SYSTEM (the system identifier
//   picks the repository's server folder) and SHOW wal_segment_size. The writer lock is taken
//   and BASE_BACKUP is sent; the server's checkpoint comes first ("spread" unless
//   fastCheckpoint).
// copying: every archive the server sends ("base.tar", "<tablespace oid>.tar") is stored as
//   "<name>.zst" and PostgreSQL's backup_manifest as "backup_manifest.zst". PostgreSQL 15+
//   sends one COPY stream with typed messages (CopyMessage); 14 sends one COPY per tablespace
//   and then one for the manifest, with tar files that lack the end-of-archive blocks (added
//   here so every stored archive is a valid tar). Progress is the server's byte count against
//   its own size estimate (PROGRESS).
//   WAIT stays at the server's default (true): with archiving on, the server reports the end
//   only after every WAL segment the backup needs has been archived, so a backup that becomes
//   complete here is restorable from the archive. Its "still waiting" warnings are passed on.
// verifying: every stored file is read back against its checksum; backup_manifest must be
//   JSON whose "Files" count equals the regular files counted in the tar streams, and
//   base.tar must hold PG_VERSION, global/pg_control and backup_label.
// Then manifest.json is written (BaseBackupDetails in `details`): only now does the backup
// exist. Cancel (PQcancel, then the connection is closed) or any failure, including a server
// that dies, removes the backup folder.
// Result: {"backupId", "startLsn", "stopLsn", "rawBytes", "storedBytes"}.
class BaseBackupJob : public ThreadedJob
{
    Q_OBJECT

public:
    explicit BaseBackupJob(BaseBackupOptions options, QObject *parent = nullptr);
    ~BaseBackupJob() override;

    const BaseBackupOptions &options() const { return m_options; }

protected:
    Result<QJsonObject> work(JobContext &context) override;

private:
    BaseBackupOptions m_options;
};

} // namespace PgVault
