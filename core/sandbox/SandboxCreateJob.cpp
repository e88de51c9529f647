#include "SandboxCreateJob.h"

#include "SandboxCreator.h"
#include "SandboxLock.h"

namespace PgVault {

SandboxCreateJob::SandboxCreateJob(SandboxCreateOptions options, QObject *parent)
    : ThreadedJob(QStringLiteral("sandbox-create"), tr("Create the sandbox server"), parent)
    , m_options(std::move(options))
{}

Result<QJsonObject> SandboxCreateJob::work(JobContext &context)
{
    Result<SandboxLock> lock = SandboxLock::acquire(m_options.paths);
    if (!lock)
        return lock.error();
    SandboxCreator creator(m_options, context);
    return creator.run();
}

} // namespace PgVault
