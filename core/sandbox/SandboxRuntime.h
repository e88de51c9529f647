#pragma once

#include "SandboxPaths.h"
#include "SandboxState.h"
#include "SandboxTools.h"
#include "ServerAccount.h"
#include "common/Result.h"

#include <QStringList>

namespace PgVault {

// What start, stop and remove need to act on an existing sandbox: its sandbox.json, the account
// its server runs as, and the programs of its PostgreSQL major.
struct SandboxRuntime
{
    SandboxPaths paths;
    SandboxState state;
    ServerAccount account;
    SandboxTools tools;

    // NotFound (with what to do) when there is no sandbox; ToolMissing when its PostgreSQL
    // major is no longer installed.
    static Result<SandboxRuntime> load(const SandboxPaths &paths,
                                       const QStringList &extraBinDirs = {});
    // The error for "there is no sandbox at `paths`".
    static Error notCreated(const SandboxPaths &paths);
};

} // namespace PgVault
