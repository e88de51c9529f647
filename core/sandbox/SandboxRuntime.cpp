#include "SandboxRuntime.h"

#include "common/Tr.h"
#include "tools/ToolLocator.h"

namespace PgVault {

Error SandboxRuntime::notCreated(const SandboxPaths &paths)
{
    return Error(ErrorCode::NotFound,
                 Tr::tr("There is no sandbox in %1 yet. Create it first (pgvault-cli sandbox "
                        "create).")
                         .arg(paths.rootDir()));
}

Result<SandboxRuntime> SandboxRuntime::load(const SandboxPaths &paths,
                                            const QStringList &extraBinDirs)
{
    Result<SandboxState> state = SandboxState::read(paths.stateFile());
    if (!state) {
        if (state.error().code() == ErrorCode::NotFound)
            return notCreated(paths);
        return state.error();
    }
    Result<ServerAccount> account = ServerAccount::forThisProcess(
            state->serverUser.isEmpty() ? ServerAccount::defaultRootServerUser()
                                        : state->serverUser);
    if (!account)
        return account.error();

    ToolLocator::Options options;
    options.extraDirs = extraBinDirs;
    const ToolLocator locator(options);
    Result<SandboxTools> tools = SandboxTools::forMajor(locator, state->major, state->binDir);
    if (!tools)
        return tools.error();

    SandboxRuntime runtime{paths, *state, *account, *tools};
    // The socket folder the server was configured with (postgresql.conf) is what counts, even
    // if the environment now suggests another one.
    runtime.paths = SandboxPaths(paths.rootDir(), state->socketDir);
    return runtime;
}

} // namespace PgVault
