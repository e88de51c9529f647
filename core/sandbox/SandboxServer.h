#pragma once

#include "SandboxPaths.h"
#include "SandboxTools.h"
#include "ServerAccount.h"
#include "common/Result.h"

namespace PgVault {

class JobContext;

// Starts and stops the sandbox's postmaster with pg_ctl, as the ServerAccount.
class SandboxServer
{
public:
    enum class StopMode { Fast, Immediate };

    SandboxServer(const ServerAccount &account, const SandboxTools &tools, SandboxPaths paths);

    // Creates the socket folder when it is missing (it lives on tmpfs, gone after a reboot),
    // 0700 and owned by the server account; refuses one that is a symlink or someone else's,
    // because whoever owns that folder can connect to the sandbox without a password.
    Status ensureSocketDir(const QString &socketDir) const;

    // pg_ctl start -w: returns once the server accepts connections. Errors carry the end of the
    // server log. Not interruptible (it takes a second or two): a cancelled start would leave a
    // server coming up behind our back.
    Status start() const;
    Status stop(StopMode mode) const;
    // A postmaster process exists for the data directory.
    bool isRunning() const;

    // The last lines of the server log, for error details.
    QString logTail(int lines = 20) const;

private:
    const ServerAccount &m_account;
    const SandboxTools &m_tools;
    SandboxPaths m_paths;
};

} // namespace PgVault
