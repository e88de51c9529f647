#pragma once

#include <QString>

#include <memory>
#include <span>
#include <vector>

namespace PgVault::Cli {

class Command;

// Every pgvault-cli command, in the order `--help` lists them.
//
// The list is generated at configure time from PGVAULT_CLI_COMMANDS in app/cli/CMakeLists.txt
// (CommandList.inc: one #include and one factory per entry), so adding a command is one new
// file pair in app/cli/commands/ plus one line in that list: no registration code to forget,
// and no static initialisers, which a static library would drop.
class CommandRegistry
{
public:
    using Factory = std::unique_ptr<Command> (*)();

    static std::span<const Factory> factories();
    // One instance of every command (constructors are cheap by contract).
    static std::vector<std::unique_ptr<Command>> createAll();

    template<typename T>
    static std::unique_ptr<Command> make()
    {
        return std::make_unique<T>();
    }
};

} // namespace PgVault::Cli
