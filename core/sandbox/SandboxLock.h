#pragma once

#include "SandboxPaths.h"
#include "common/Result.h"

namespace PgVault {

// Makes the sandbox jobs take turns: the GUI and a CLI (or two CLIs) creating, starting,
// stopping or removing the same sandbox at once would tear each other's work down — a create
// whose initdb loses the race rolls back, and its rollback must not delete the winner's files.
//
// An flock() on "<rootDir>.lock", next to the sandbox folder (the folder itself comes and goes).
// The kernel drops the lock when the process dies, so a crash never leaves it stuck.
class SandboxLock
{
public:
    SandboxLock() = default;
    ~SandboxLock();
    SandboxLock(SandboxLock &&other) noexcept;
    SandboxLock &operator=(SandboxLock &&other) = delete;
    SandboxLock(const SandboxLock &) = delete;
    SandboxLock &operator=(const SandboxLock &) = delete;

    // Locked when another process (or job) holds it; does not wait.
    static Result<SandboxLock> acquire(const SandboxPaths &paths);
    static QString lockFile(const SandboxPaths &paths);

private:
    int m_fd = -1;
};

} // namespace PgVault
