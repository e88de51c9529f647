#pragma once

#include "BackupCatalog.h"
#include "jobs/ThreadedJob.h"
#include "repo/Repository.h"

#include <QJsonObject>

#include <functional>
#include <map>

namespace PgVault {

// Checks backups without a server: for every complete backup, each file of its manifest exists,
// has the stored size, the SHA-256 of the manifest, and decompresses completely (zstd's content
// checksum included) to the raw size. Folders without a manifest (debris), leftovers of an
// interrupted delete (BackupCatalog::DeletingPrefix) and unreadable manifests are problems
// too; folders being written (or deleted) right now are skipped (one backup asked for by id:
// Locked).
//
// Phases (JobProgress::phase): "scanning", then "verifying" per backup (bytes: the stored bytes
// read; total: the stored size of all complete backups; items: files), and "checking" while a
// kind check runs. Cancel is honoured between chunks.
//
// Kind checks: what only one kind can check (a dump: pg_restore --list reads each archive) is
// registered by the code that owns the kind, with setKindCheck() before start(). It runs on the
// worker thread after the checksums of a backup passed; an error becomes a problem of the
// backup (its message should name the file), an error with ErrorCode::Cancelled cancels.
//
// Result (resultData(), and report() also after a failure):
//   {"repository": path, "verified": n, "bytes": n, "problemCount": n,
//    "backups": [{"id", "systemIdentifier", "kind", "state", "ok", "skipped",
//                 "problems": [{"file", "message"}]}]}
// File paths in problems are relative to the repository. Any problem fails the job with
// ErrorCode::Corrupt; the message names the first bad file and the detail lists all problems.
class VerifyJob : public ThreadedJob
{
    Q_OBJECT

public:
    using KindCheck = std::function<Status(const BackupEntry &entry, JobContext &context)>;

    // An empty backupId verifies every backup of every server.
    explicit VerifyJob(Repository repository, QString backupId = {}, QObject *parent = nullptr);
    ~VerifyJob() override;

    void setKindCheck(BackupKind kind, KindCheck check);

    const QString &backupId() const { return m_backupId; }
    // The result object as described above, also when problems failed the job; empty before
    // the job finished (or when it stopped before verifying, e.g. cancelled or unknown id).
    const QJsonObject &report() const { return m_report; }

protected:
    Result<QJsonObject> work(JobContext &context) override;

private:
    Repository m_repository;
    QString m_backupId;
    std::map<BackupKind, KindCheck> m_kindChecks;
    QJsonObject m_report;
};

} // namespace PgVault
