#pragma once

#include "connection/ConnInfo.h"
#include "jobs/ThreadedJob.h"

#include <QString>

#include <optional>

namespace PgVault {

// What restore-dump --globals is asked to do.
struct RestoreGlobalsOptions
{
    QString repositoryPath;
    QString backupId;
    ConnInfo target; // server to restore the roles and tablespaces into
    std::optional<QString> password;
};

// Restores the roles and tablespaces of a dump made with --globals (kind "restore-globals").
//
// checking: the backup must be complete, a dump, and hold "globals" (NotFound otherwise); the
//   stored globals file is re-checksummed (Corrupt naming it) before the server is touched.
// restoring: the pg_dumpall script is filtered by GlobalsRestore::plan against the target's
//   pg_roles and pg_tablespace: existing roles (and the connecting user) and tablespaces are
//   never changed, each is reported as a warning. The rest runs statement by statement; the
//   first failing statement fails the job (statements before it stay applied).
// Result: {"backupId", "server", "createdRoles", "skippedRoles", "createdTablespaces",
//          "skippedTablespaces", "statements", "skippedStatements"}.
class RestoreGlobalsJob : public ThreadedJob
{
    Q_OBJECT

public:
    explicit RestoreGlobalsJob(RestoreGlobalsOptions options, QObject *parent = nullptr);
    ~RestoreGlobalsJob() override;

    const RestoreGlobalsOptions &options() const { return m_options; }
    CancelMeaning cancelMeaning() const override;

protected:
    Result<QJsonObject> work(JobContext &context) override;

private:
    RestoreGlobalsOptions m_options;
};

} // namespace PgVault
