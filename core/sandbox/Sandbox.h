#pragma once

#include "SandboxPaths.h"
#include "SandboxState.h"
#include "SandboxStatus.h"
#include "common/Result.h"
#include "connection/ConnInfo.h"

#include <atomic>

namespace PgVault {

// The local demo server, as a whole: where it is and what state it is in. The work of
// creating, starting, stopping and removing it is done by the jobs (SandboxCreateJob,
// SandboxControlJob, SandboxRemoveJob); this class only looks.
class Sandbox
{
public:
    enum class StatusDepth {
        Quick, // files only (sandbox.json, postmaster.pid, kill(pid, 0)); fine on the UI thread
        Full,  // also connects over the socket to ask the server's version (blocks up to ~3 s)
    };

    explicit Sandbox(SandboxPaths paths = SandboxPaths::defaults());

    const SandboxPaths &paths() const { return m_paths; }

    SandboxStatus status(StatusDepth depth = StatusDepth::Full) const;
    // sandbox.json; NotFound when there is no sandbox.
    Result<SandboxState> state() const;

    // The name of the connection profile create adds ("Sandbox").
    static QString defaultProfileName();
    // The sample database create fills ("shop").
    static QString sampleDatabaseName();

    // How to reach the sandbox: its socket folder, port and superuser; `dbname` empty = the
    // sample database.
    static ConnInfo connInfo(const SandboxState &state, const QString &dbname = {});

private:
    SandboxPaths m_paths;
};

} // namespace PgVault
