#include "CommandRegistry.h"

#include "Command.h"

// Generated from PGVAULT_CLI_COMMANDS (app/cli/CMakeLists.txt): the commands' headers and
// PgVault::Cli::Generated::commandFactories[].
#include "CommandList.inc"

namespace PgVault::Cli {

std::span<const CommandRegistry::Factory> CommandRegistry::factories()
{
    return Generated::commandFactories;
}

std::vector<std::unique_ptr<Command>> CommandRegistry::createAll()
{
    std::vector<std::unique_ptr<Command>> commands;
    for (const Factory factory : factories())
        commands.push_back(factory());
    return commands;
}

} // namespace PgVault::Cli
