#pragma once

#include "SandboxPaths.h"
#include "jobs/ThreadedJob.h"

#include <QStringList>

namespace PgVault {

// Starts the existing sandbox server (pg_ctl start -w; phase "start"). Starting one that is
// already running succeeds and says so. Fails with NotFound when there is no sandbox.
// Not cancellable in the middle: pg_ctl start takes a second or two, and an interrupted start
// would leave a server coming up unnoticed. Result: SandboxStatus::toJson() afterwards.
class SandboxStartJob : public ThreadedJob
{
    Q_OBJECT

public:
    explicit SandboxStartJob(SandboxPaths paths = SandboxPaths::defaults(),
                             QStringList extraBinDirs = {}, QObject *parent = nullptr);

protected:
    Result<QJsonObject> work(JobContext &context) override;

private:
    SandboxPaths m_paths;
    QStringList m_extraBinDirs;
};

} // namespace PgVault
