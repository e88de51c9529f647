#include "SandboxHome.h"

#include "tools/ToolLocator.h"

#include <QDir>
#include <QFile>

#include <sys/stat.h>
#include <unistd.h>

namespace PgVault::Test {

SandboxHome::SandboxHome(const QString &pathTemplate)
    : SandboxHome(pathTemplate, Names())
{}

SandboxHome::SandboxHome(const QString &pathTemplate, const Names &names)
    : m_dir(pathTemplate)
{
    setUp(names);
}

QString SandboxHome::subdir(const QString &name) const
{
    const QString dir = path() + QLatin1Char('/') + name;
    QDir().mkpath(dir);
    return dir;
}

void SandboxHome::setUp(const Names &names)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary home: ") + m_dir.errorString();
        return;
    }
    const bool root = ::geteuid() == 0;
    // As root the sandbox server runs as "postgres", which must be able to enter this folder.
    if (::chmod(QFile::encodeName(path()).constData(), root ? 0755 : 0700) != 0) {
        m_error = QStringLiteral("chmod failed on ") + path();
        return;
    }
    qputenv("HOME", QFile::encodeName(path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(subdir(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(subdir(names.dataHome)));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(subdir(QStringLiteral("cache"))));
    qputenv("XDG_STATE_HOME", QFile::encodeName(subdir(QStringLiteral("state"))));
    m_runtimeDir = subdir(names.runtimeDir);
    if (::chmod(QFile::encodeName(m_runtimeDir).constData(), 0700) != 0) {
        m_error = QStringLiteral("chmod failed on ") + m_runtimeDir;
        return;
    }
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_runtimeDir));
    for (const char *name :
         {"PGVAULT_REPO", "PGVAULT_SANDBOX_DIR", "PGVAULT_SANDBOX_SOCKET_DIR",
          "PGVAULT_SANDBOX_USER", "PGHOST", "PGPORT", "PGDATA", "PGUSER", "PGDATABASE"})
        qunsetenv(name);
    if (root) {
        const auto inside = [this](const QString &name) {
            return QFile::encodeName(path() + QLatin1Char('/') + name);
        };
        qputenv("PGVAULT_SANDBOX_DIR", inside(names.rootSandbox));
        qputenv("PGVAULT_SANDBOX_SOCKET_DIR", inside(names.rootSocket));
        qputenv("PGVAULT_REPO", inside(names.rootRepository));
    }
}

bool SandboxHome::isUnder(const QString &path, const QString &folder)
{
    return QDir::cleanPath(path).startsWith(QDir::cleanPath(folder) + QLatin1Char('/'));
}

bool SandboxHome::haveServerInstallation()
{
    const ToolLocator locator;
    for (const PgInstallation &installation : locator.installations()) {
        if (installation.tools.contains(QStringLiteral("initdb")))
            return true;
    }
    return false;
}

} // namespace PgVault::Test
