#pragma once

#include "SandboxPaths.h"
#include "jobs/ThreadedJob.h"

#include <QStringList>

namespace PgVault {

// Starts or stops the existing sandbox server under the sandbox lock.
//  - Start: pg_ctl start -w (phase "start"). Not cancellable in the middle: it takes a second or
//    two, and an interrupted start would leave a server coming up unnoticed.
//  - Stop: pg_ctl stop -m fast -w (phase "stop"): open sessions end, then a clean shutdown
//    checkpoint.
// Asking for the state the server is already in succeeds and says so. NotFound when there is no
// sandbox. Result: SandboxStatus::toJson() afterwards.
class SandboxControlJob : public ThreadedJob
{
    Q_OBJECT

public:
    enum class Action { Start, Stop };

    explicit SandboxControlJob(Action action, SandboxPaths paths = SandboxPaths::defaults(),
                               QStringList extraBinDirs = {}, QObject *parent = nullptr);

protected:
    Result<QJsonObject> work(JobContext &context) override;

private:
    Action m_action;
    SandboxPaths m_paths;
    QStringList m_extraBinDirs;
};

} // namespace PgVault
