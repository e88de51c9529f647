#include "SandboxControlJob.h"

#include "Sandbox.h"
#include "SandboxLock.h"
#include "SandboxRuntime.h"
#include "SandboxServer.h"

namespace PgVault {

namespace {

QString titleFor(SandboxControlJob::Action action)
{
    return action == SandboxControlJob::Action::Start
                   ? SandboxControlJob::tr("Start the sandbox server")
                   : SandboxControlJob::tr("Stop the sandbox server");
}

} // namespace

SandboxControlJob::SandboxControlJob(Action action, SandboxPaths paths, QStringList extraBinDirs,
                                     QObject *parent)
    : ThreadedJob(action == Action::Start ? QStringLiteral("sandbox-start")
                                          : QStringLiteral("sandbox-stop"),
                  titleFor(action), parent)
    , m_action(action)
    , m_paths(std::move(paths))
    , m_extraBinDirs(std::move(extraBinDirs))
{}

Result<QJsonObject> SandboxControlJob::work(JobContext &context)
{
    const bool start = m_action == Action::Start;
    if (start)
        context.setPhase(QStringLiteral("start"), tr("Starting"));
    else
        context.setPhase(QStringLiteral("stop"), tr("Stopping"));
    context.setItemsTotal(1);
    Result<SandboxLock> lock = SandboxLock::acquire(m_paths);
    if (!lock)
        return lock.error();
    Result<SandboxRuntime> runtime = SandboxRuntime::load(m_paths, m_extraBinDirs);
    if (!runtime)
        return runtime.error();

    const Sandbox sandbox(m_paths);
    const bool running = sandbox.status(Sandbox::StatusDepth::Quick).isRunning();
    const SandboxServer server(runtime->account, runtime->tools, runtime->paths);
    if (start && running) {
        context.info(tr("The sandbox server is already running."));
    } else if (start) {
        if (Status ready = server.ensureSocketDir(runtime->state.socketDir); !ready)
            return ready.error();
        if (Status started = server.start(); !started)
            return started.error();
        context.info(tr("The sandbox server is running on port %1.").arg(runtime->state.port));
    } else if (!running) {
        context.info(tr("The sandbox server is not running."));
    } else {
        if (Status stopped = server.stop(SandboxServer::StopMode::Fast); !stopped)
            return stopped.error();
        context.info(tr("The sandbox server has stopped."));
    }
    context.addItemsDone();
    // A started server is worth a full look (it answers queries); a stopped one is not.
    const auto depth = start ? Sandbox::StatusDepth::Full : Sandbox::StatusDepth::Quick;
    return sandbox.status(depth).toJson();
}

} // namespace PgVault
