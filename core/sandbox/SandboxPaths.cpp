#include "SandboxPaths.h"

#include "ServerAccount.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <unistd.h>

namespace PgVault {

namespace {

// Longest socket folder we accept: sun_path holds 108 bytes, and PostgreSQL appends
// "/.s.PGSQL.<port>" (up to 17 bytes) plus the terminating NUL.
constexpr qsizetype MaxSocketDirLength = 90;

QString envPath(const char *name)
{
    const QString value = qEnvironmentVariable(name).trimmed();
    return value.isEmpty() ? QString() : QDir::cleanPath(QDir(value).absolutePath());
}

QString defaultSocketDir(bool root)
{
    if (root) {
        // /run is root's and on tmpfs: the folder is re-created on every start.
        return QStringLiteral("/run/pgvault-sandbox");
    }
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QFileInfo(runtime).isDir()) {
        const QString dir = QDir::cleanPath(runtime) + QStringLiteral("/pgvault-sandbox");
        if (dir.size() <= MaxSocketDirLength)
            return dir;
    }
    return QStringLiteral("/tmp/pgvault-sandbox-%1").arg(::geteuid());
}

} // namespace

SandboxPaths::SandboxPaths(QString rootDir, QString socketDir)
    : m_rootDir(std::move(rootDir))
    , m_socketDir(std::move(socketDir))
{}

SandboxPaths SandboxPaths::defaults()
{
    const bool root = ServerAccount::processIsRoot();

    QString rootDir = envPath("PGVAULT_SANDBOX_DIR");
    if (rootDir.isEmpty()) {
        rootDir = root ? QStringLiteral("/var/lib/pgvault/sandbox")
                       : QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                                  + QStringLiteral("/pgvault/sandbox");
    }
    QString socketDir = envPath("PGVAULT_SANDBOX_SOCKET_DIR");
    if (socketDir.isEmpty())
        socketDir = defaultSocketDir(root);
    return SandboxPaths(rootDir, socketDir);
}

QString SandboxPaths::rootRepositoryPath()
{
    return QStringLiteral("/var/lib/pgvault/repository");
}

QString SandboxPaths::dataDir() const
{
    return m_rootDir + QStringLiteral("/data");
}

QString SandboxPaths::stateFile() const
{
    return m_rootDir + QStringLiteral("/sandbox.json");
}

QString SandboxPaths::logFile() const
{
    return m_rootDir + QStringLiteral("/server.log");
}

} // namespace PgVault
