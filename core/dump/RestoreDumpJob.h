#pragma once

#include "DumpOptions.h"
#include "jobs/ThreadedJob.h"

namespace PgVault {

// Restores one database of a dump backup into a server with pg_restore (kind "restore-dump").
//
// checking: the backup must be complete and a dump; every stored file of the chosen database
//   is re-checksummed first (Corrupt naming the file), so a damaged backup is refused before
//   the target is touched. Then the target: with `create` the database must not exist
//   (AlreadyExists) and is created like the dumped one (template0, its encoding and locale);
//   without it it must exist (NotFound), and when it holds objects already `clean` is required
//   (InvalidInput naming database and server).
// restoring <db>: pg_restore of the target server's major or newer. One job: the archive is
//   decompressed straight into `pg_restore -d` stdin. More jobs (custom format needs a
//   seekable file) or a directory dump: it is decompressed into a temporary folder under the
//   system temp folder, removed afterwards, and restored with `pg_restore -j N`. Schemas and
//   tables select entries through a `-L` list (RestoreSelection). Owners are kept; errors
//   that only say a role is missing become warnings, any other error fails the job with
//   pg_restore's error lines. A database this job created is dropped again when the restore
//   fails or is cancelled.
// Progress: table data weighted by the sizes recorded at dump time ("processing data for
// table"), items by TOC entries. Result: {"backupId", "database", "server", "warnings"}.
class RestoreDumpJob : public ThreadedJob
{
    Q_OBJECT

public:
    explicit RestoreDumpJob(RestoreDumpOptions options, QObject *parent = nullptr);
    ~RestoreDumpJob() override;

    const RestoreDumpOptions &options() const { return m_options; }
    CancelMeaning cancelMeaning() const override;

protected:
    Result<QJsonObject> work(JobContext &context) override;

private:
    RestoreDumpOptions m_options;
};

} // namespace PgVault
