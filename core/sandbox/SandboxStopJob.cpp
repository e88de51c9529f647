#include "SandboxStopJob.h"

#include "Sandbox.h"
#include "SandboxLock.h"
#include "SandboxRuntime.h"
#include "SandboxServer.h"

namespace PgVault {

SandboxStopJob::SandboxStopJob(SandboxPaths paths, QStringList extraBinDirs, QObject *parent)
    : ThreadedJob(QStringLiteral("sandbox-stop"), tr("Stop the sandbox server"), parent)
    , m_paths(std::move(paths))
    , m_extraBinDirs(std::move(extraBinDirs))
{}

Result<QJsonObject> SandboxStopJob::work(JobContext &context)
{
    context.setPhase(QStringLiteral("stop"), tr("Stopping"));
    context.setItemsTotal(1);
    Result<SandboxLock> lock = SandboxLock::acquire(m_paths);
    if (!lock)
        return lock.error();
    Result<SandboxRuntime> runtime = SandboxRuntime::load(m_paths, m_extraBinDirs);
    if (!runtime)
        return runtime.error();

    const Sandbox sandbox(m_paths);
    if (!sandbox.status(Sandbox::StatusDepth::Quick).isRunning()) {
        context.info(tr("The sandbox server is not running."));
    } else {
        const SandboxServer server(runtime->account, runtime->tools, runtime->paths);
        if (Status stopped = server.stop(SandboxServer::StopMode::Fast); !stopped)
            return stopped.error();
        context.info(tr("The sandbox server has stopped."));
    }
    context.addItemsDone();
    return sandbox.status(Sandbox::StatusDepth::Quick).toJson();
}

} // namespace PgVault
