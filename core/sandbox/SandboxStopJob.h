#pragma once

#include "SandboxPaths.h"
#include "jobs/ThreadedJob.h"

#include <QStringList>

namespace PgVault {

// Stops the sandbox server (pg_ctl stop -m fast -w: open sessions are ended, then a clean
// shutdown checkpoint; phase "stop"). Stopping a stopped sandbox succeeds and says so; NotFound
// when there is no sandbox. Result: SandboxStatus::toJson() afterwards.
class SandboxStopJob : public ThreadedJob
{
    Q_OBJECT

public:
    explicit SandboxStopJob(SandboxPaths paths = SandboxPaths::defaults(),
                            QStringList extraBinDirs = {}, QObject *parent = nullptr);

protected:
    Result<QJsonObject> work(JobContext &context) override;

private:
    SandboxPaths m_paths;
    QStringList m_extraBinDirs;
};

} // namespace PgVault
