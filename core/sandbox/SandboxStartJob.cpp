#include "SandboxStartJob.h"

#include "Sandbox.h"
#include "SandboxLock.h"
#include "SandboxRuntime.h"
#include "SandboxServer.h"

namespace PgVault {

SandboxStartJob::SandboxStartJob(SandboxPaths paths, QStringList extraBinDirs, QObject *parent)
    : ThreadedJob(QStringLiteral("sandbox-start"), tr("Start the sandbox server"), parent)
    , m_paths(std::move(paths))
    , m_extraBinDirs(std::move(extraBinDirs))
{}

Result<QJsonObject> SandboxStartJob::work(JobContext &context)
{
    context.setPhase(QStringLiteral("start"), tr("Starting"));
    context.setItemsTotal(1);
    Result<SandboxLock> lock = SandboxLock::acquire(m_paths);
    if (!lock)
        return lock.error();
    Result<SandboxRuntime> runtime = SandboxRuntime::load(m_paths, m_extraBinDirs);
    if (!runtime)
        return runtime.error();

    const Sandbox sandbox(m_paths);
    if (sandbox.status(Sandbox::StatusDepth::Quick).isRunning()) {
        context.info(tr("The sandbox server is already running."));
    } else {
        const SandboxServer server(runtime->account, runtime->tools, runtime->paths);
        if (Status ready = server.ensureSocketDir(runtime->state.socketDir); !ready)
            return ready.error();
        if (Status started = server.start(); !started)
            return started.error();
        context.info(tr("The sandbox server is running on port %1.").arg(runtime->state.port));
    }
    context.addItemsDone();
    return sandbox.status(Sandbox::StatusDepth::Full).toJson();
}

} // namespace PgVault
