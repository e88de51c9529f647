#pragma once

#include "DumpOptions.h"
#include "jobs/ThreadedJob.h"

namespace PgVault {

// A logical dump of one server's databases into the repository (kind "dump").
//
// preparing: connect, read the server's version and system identifier, resolve the databases
//   (a missing one is NotFound before anything is written), measure every table for
//   byte-weighted progress, locate pg_dump/pg_dumpall/pg_restore of the server's major or
//   newer (ToolMissing otherwise).
// dumping <db>: Custom: `pg_dump -Fc -Z0 --verbose` piped through zstd into "db-N.pgdump.zst".
//   Directory: `pg_dump -Fd -Z0 --jobs N` into a hidden staging folder inside the backup
//   folder, then every file compressed into "db-N/<file>.zst" and its staging copy deleted.
//   Globals: `pg_dumpall --globals-only` into "globals.sql.zst".
// verifying: every stored file is read back and re-checksummed, and each archive is piped
//   decompressed into `pg_restore --list --verbose`; its output must parse, and is stored as
//   "db-N.toc.zst" (the restore tree and selective restores read it without the archive).
// Then the manifest is written (BackupWriter::commit): only now does the backup exist.
//
// Progress bytes are table sizes: the tables pg_dump finished plus the current table's output
// so far, capped by its size (pg_dump --verbose names the table it starts). Cancel or failure
// at any point terminates the children and removes the backup folder. Result:
// {"backupId", "databases", "rawBytes", "storedBytes"}.
class DumpJob : public ThreadedJob
{
    Q_OBJECT

public:
    explicit DumpJob(DumpOptions options, QObject *parent = nullptr);
    ~DumpJob() override;

    const DumpOptions &options() const { return m_options; }

protected:
    Result<QJsonObject> work(JobContext &context) override;

private:
    DumpOptions m_options;
};

} // namespace PgVault
