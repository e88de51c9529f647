#pragma once

#include <QString>

namespace PgVault {

// Where the sandbox lives:
//   <rootDir>/data          the PostgreSQL data directory
//   <rootDir>/sandbox.json  what create chose (port, PostgreSQL, repository); written last, so
//                           it marks a finished sandbox
//   <rootDir>/server.log    the server's log (pg_ctl -l)
//   <socketDir>             the server's private unix socket folder (0700)
//
// Defaults for a normal user: rootDir = <GenericDataLocation>/pgvault/sandbox
// (~/.local/share/pgvault/sandbox); socketDir = $XDG_RUNTIME_DIR/pgvault-sandbox, or
// /tmp/pgvault-sandbox-<uid> without a runtime dir. The socket folder is kept short on purpose:
// a unix socket path is limited to ~107 bytes, and home folders can be long.
//
// As root, the server runs as "postgres" (see ServerAccount), which cannot enter /root (0700),
// so everything lives in /var/lib/pgvault: rootDir = /var/lib/pgvault/sandbox, the repository
// the server archives into = /var/lib/pgvault/repository, socketDir = /run/pgvault-sandbox.
//
// Environment overrides (tests point them at temporary folders, so that a developer's real
// sandbox is never touched): PGVAULT_SANDBOX_DIR (rootDir), PGVAULT_SANDBOX_SOCKET_DIR.
class SandboxPaths
{
public:
    // The preferred port; create falls back to a free one when it is taken.
    static constexpr int PreferredPort = 5499;

    SandboxPaths() = default;
    SandboxPaths(QString rootDir, QString socketDir);

    // The locations for this process (environment overrides, then the defaults above).
    static SandboxPaths defaults();
    // The repository the sandbox archives into when nobody chose one, as root; empty for a
    // normal user, whose default repository (Settings::defaultRepositoryPath()) is used.
    static QString rootRepositoryPath();

    const QString &rootDir() const { return m_rootDir; }
    const QString &socketDir() const { return m_socketDir; }
    QString dataDir() const;
    QString stateFile() const;
    QString logFile() const;

    bool operator==(const SandboxPaths &other) const = default;

private:
    QString m_rootDir;
    QString m_socketDir;
};

} // namespace PgVault
