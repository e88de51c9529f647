#pragma once

#include "SandboxCreateOptions.h"
#include "jobs/ThreadedJob.h"

namespace PgVault {

// Creates the sandbox: a local PostgreSQL server with a sample database, WAL archiving into a
// PgVault repository and a "Sandbox" connection profile. Phases (JobProgress::phase):
//   "find-postgresql"  Finding PostgreSQL
//   "create-cluster"   Creating the cluster (initdb)
//   "configure"        Configuring (archiving, socket, port; the repository)
//   "start"            Starting
//   "sample-database"  Creating the sample database ("shop")
//   "profile"          Adding the profile
// Progress is by phase (itemsDone/itemsTotal = 6).
//
// Cancelling (and any failure) removes everything this job created: the server is stopped, the
// data directory, log and socket folder are removed, a new repository is removed, and the
// profile is removed or put back as it was. A sandbox that already exists is never touched:
// the job then fails with ErrorCode::AlreadyExists before doing anything.
//
// Result (resultData()): SandboxStatus::toJson() of the running sandbox, plus
//   "profileId" (QUuid string, no braces), "profileName", "profileAdded" (false = updated).
// The GUI finds the profile with ProfileStore::find(QUuid(resultData()["profileId"])).
class SandboxCreateJob : public ThreadedJob
{
    Q_OBJECT

public:
    explicit SandboxCreateJob(SandboxCreateOptions options = {}, QObject *parent = nullptr);

    const SandboxCreateOptions &options() const { return m_options; }

protected:
    Result<QJsonObject> work(JobContext &context) override;

private:
    SandboxCreateOptions m_options;
};

} // namespace PgVault
