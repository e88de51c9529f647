#pragma once

#include <QString>

#include <optional>

namespace PgVault {

// The postmaster.pid file a running server keeps in its data directory. PostgreSQL writes, one
// per line: pid, data directory, start time, port, socket directory, listen address, shared
// memory key and (since 10) a status word: "starting", "stopping", "ready" or "standby".
// Reading it needs no connection and no permission beyond reading the data directory.
class PostmasterPid
{
public:
    // nullopt when the file is missing or unreadable (the server is not running, or we may not
    // look into the data directory).
    static std::optional<PostmasterPid> read(const QString &dataDir);

    qint64 pid() const { return m_pid; }
    int port() const { return m_port; }
    const QString &socketDir() const { return m_socketDir; }
    // "ready", "starting", "stopping", "standby"; empty when the line is not there yet.
    const QString &status() const { return m_status; }

    // Whether a process with that pid exists (kill(pid, 0); EPERM counts as alive, since it
    // means the process exists but belongs to someone else). A stale file left by a crash
    // names a dead pid, so this tells a crashed server from a running one.
    bool processAlive() const;
    // Whether the process is alive and is the server of `dataDir`: a postmaster runs with its
    // data directory as working directory (/proc/<pid>/cwd). This is what makes it safe to
    // signal the pid: a stale file's pid may have been reused by an unrelated process.
    // nullopt when that cannot be told (the process belongs to a user we may not inspect).
    std::optional<bool> isServerOf(const QString &dataDir) const;
    // Immediate shutdown (SIGQUIT) of the server of `dataDir`, waiting up to `timeoutMs` for the
    // process to end. For cleaning up without pg_ctl; false when it is still alive after that,
    // or when it could not be confirmed to be that server.
    bool stopImmediately(const QString &dataDir, int timeoutMs = 30000) const;

private:
    qint64 m_pid = 0;
    int m_port = 0;
    QString m_socketDir;
    QString m_status;
};

} // namespace PgVault
