#include "SandboxRemoveJob.h"

#include "Sandbox.h"
#include "SandboxCleanup.h"
#include "SandboxLock.h"
#include "SandboxProfile.h"
#include "SandboxRuntime.h"
#include "SandboxServer.h"

namespace PgVault {

SandboxRemoveJob::SandboxRemoveJob(SandboxPaths paths, QString settingsFile,
                                   QStringList extraBinDirs, QObject *parent)
    : ThreadedJob(QStringLiteral("sandbox-remove"), tr("Remove the sandbox server"), parent)
    , m_paths(std::move(paths))
    , m_settingsFile(std::move(settingsFile))
    , m_extraBinDirs(std::move(extraBinDirs))
{}

Result<QJsonObject> SandboxRemoveJob::work(JobContext &context)
{
    context.setItemsTotal(2);
    context.setPhase(QStringLiteral("stop"), tr("Stopping"));
    Result<SandboxLock> lock = SandboxLock::acquire(m_paths);
    if (!lock)
        return lock.error();
    const SandboxStatus status = Sandbox(m_paths).status(Sandbox::StatusDepth::Quick);
    if (!status.isCreated() && !status.leftovers && !status.problem)
        return SandboxRuntime::notCreated(m_paths);

    SandboxPaths paths = m_paths;
    if (status.config)
        paths = SandboxPaths(m_paths.rootDir(), status.config->socketDir);

    if (status.isRunning()) {
        // A clean shutdown when pg_ctl is at hand; SandboxCleanup falls back to an immediate
        // shutdown by signal (PostgreSQL may have been uninstalled meanwhile).
        if (Result<SandboxRuntime> runtime = SandboxRuntime::load(m_paths, m_extraBinDirs)) {
            const SandboxServer server(runtime->account, runtime->tools, runtime->paths);
            if (Status stopped = server.stop(SandboxServer::StopMode::Fast); !stopped)
                context.warning(stopped.error().toString());
        }
    }
    context.addItemsDone();
    if (context.isCancelled())
        return JobContext::cancelledError();

    context.setPhase(QStringLiteral("remove"), tr("Removing the files"));
    if (Status removed = SandboxCleanup::removeServerFiles(paths); !removed)
        return removed.error();

    bool profileRemoved = false;
    if (status.config) {
        const QString name = status.config->profileName.isEmpty() ? Sandbox::defaultProfileName()
                                                                  : status.config->profileName;
        Result<bool> removed
                = SandboxProfile::removeIfPointsAt(m_settingsFile, name, paths.socketDir());
        if (removed)
            profileRemoved = *removed;
        else
            context.warning(removed.error().toString());
        if (!status.config->repository.isEmpty()) {
            context.info(tr("The repository %1 was kept; it may hold backups you want.")
                                 .arg(status.config->repository));
        }
    }
    context.addItemsDone();
    return QJsonObject{
            {QStringLiteral("rootDir"), m_paths.rootDir()},
            {QStringLiteral("repository"), status.config ? status.config->repository : QString()},
            {QStringLiteral("profileRemoved"), profileRemoved},
    };
}

} // namespace PgVault
