#pragma once

#include "SandboxPaths.h"
#include "common/Result.h"

namespace PgVault {

// Removes a sandbox's server files: what an interrupted or cancelled create left behind, or a
// whole sandbox for SandboxRemoveJob. Works without pg_ctl (PostgreSQL may have been
// uninstalled since): a server still running on the data directory is shut down with SIGQUIT
// after checking that the pid really is that server.
//
// Only the sandbox's own entries are touched: data/, server.log, sandbox.json (and its
// temporary files), the root folder when that leaves it empty, and the socket folder when it
// holds nothing but PostgreSQL's socket files. The repository is never touched here.
class SandboxCleanup
{
public:
    static Status removeServerFiles(const SandboxPaths &paths);
    // True when the root folder is missing or holds only entries a sandbox makes, so that
    // removing them cannot destroy anything else (PGVAULT_SANDBOX_DIR may point anywhere).
    static bool holdsOnlySandboxEntries(const QString &rootDir);
};

} // namespace PgVault
