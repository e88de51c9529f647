#pragma once

#include "SandboxPaths.h"
#include "jobs/ThreadedJob.h"
#include "settings/Settings.h"

namespace PgVault {

// Removes the sandbox: stops its server, deletes its data directory, log, sandbox.json and
// socket folder, and removes the "Sandbox" profile if it still points at it. The repository is
// kept: backups and WAL in it are the user's, and it may hold other servers.
// Phases "stop" and "remove". Also clears the remains of an interrupted create. NotFound when
// there is nothing to remove. Result: {"rootDir", "repository" (kept), "profileRemoved"}.
class SandboxRemoveJob : public ThreadedJob
{
    Q_OBJECT

public:
    explicit SandboxRemoveJob(SandboxPaths paths = SandboxPaths::defaults(),
                              QString settingsFile = Settings::defaultFilePath(),
                              QStringList extraBinDirs = {}, QObject *parent = nullptr);

protected:
    Result<QJsonObject> work(JobContext &context) override;

private:
    SandboxPaths m_paths;
    QString m_settingsFile;
    QStringList m_extraBinDirs;
};

} // namespace PgVault
