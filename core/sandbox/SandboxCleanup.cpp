#include "SandboxCleanup.h"

#include "PostmasterPid.h"
#include "common/Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace PgVault {

namespace {

bool isSandboxEntry(const QString &name)
{
    return name == QLatin1String("data") || name == QLatin1String("server.log")
           || name == QLatin1String("sandbox.json")
           || name.startsWith(QLatin1String(".sandbox.json.tmp."));
}

bool isSocketEntry(const QString &name)
{
    return name.startsWith(QLatin1String(".s.PGSQL."));
}

} // namespace

bool SandboxCleanup::holdsOnlySandboxEntries(const QString &rootDir)
{
    const QDir dir(rootDir);
    if (!dir.exists())
        return true;
    const QStringList entries
            = dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    return std::all_of(entries.cbegin(), entries.cend(), isSandboxEntry);
}

Status SandboxCleanup::removeServerFiles(const SandboxPaths &paths)
{
    if (!holdsOnlySandboxEntries(paths.rootDir())) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("%1 holds files that are not the sandbox's; PgVault leaves it alone. "
                            "Remove them, or choose another folder with PGVAULT_SANDBOX_DIR.")
                             .arg(paths.rootDir()));
    }

    if (const std::optional<PostmasterPid> pid = PostmasterPid::read(paths.dataDir())) {
        if (pid->processAlive() && !pid->stopImmediately(paths.dataDir())) {
            return Error(ErrorCode::ServerError,
                         Tr::tr("A server is still running on %1 and could not be stopped.")
                                 .arg(paths.dataDir()),
                         QStringLiteral("pid %1").arg(pid->pid()));
        }
    }

    QDir data(paths.dataDir());
    if (data.exists() && !data.removeRecursively()) {
        return Error(
                ErrorCode::PermissionDenied,
                Tr::tr("Could not remove the sandbox's data directory %1.").arg(paths.dataDir()));
    }
    for (const QString &file : {paths.logFile(), paths.stateFile()}) {
        if (QFileInfo::exists(file) && !QFile::remove(file))
            return Error(ErrorCode::PermissionDenied, Tr::tr("Could not remove %1.").arg(file));
    }
    const QDir root(paths.rootDir());
    for (const QString &name :
         root.entryList({QStringLiteral(".sandbox.json.tmp.*")}, QDir::Files | QDir::Hidden))
        QFile::remove(root.filePath(name));
    if (root.exists() && root.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
        QDir().rmdir(paths.rootDir());

    // The socket folder is ours when it holds only PostgreSQL's socket and lock files (left by
    // a server that was killed); anything else stays.
    QDir sockets(paths.socketDir());
    if (sockets.exists()) {
        const QStringList entries = sockets.entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                                      | QDir::NoDotAndDotDot);
        if (std::all_of(entries.cbegin(), entries.cend(), isSocketEntry)) {
            for (const QString &name : entries)
                QFile::remove(sockets.filePath(name));
            QDir().rmdir(paths.socketDir());
        }
    }
    return {};
}

} // namespace PgVault
