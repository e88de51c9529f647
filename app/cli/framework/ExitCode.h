#pragma once

#include <optional>

namespace PgVault::Cli {

// The exit status contract of pgvault-cli (ARCHITECTURE.md, "CLI contract").
enum class ExitCode : int {
    Success = 0, // done
    Failure = 1, // failed or cancelled; the message is on stderr
    Usage = 2,   // the command line was wrong (unknown command, bad argument, unknown profile)
};

// What Command::run() returns: an exit code when the command is done, or std::nullopt when it
// is still running (a Job or an asynchronous step) and will call CommandContext::finish().
using CommandStatus = std::optional<ExitCode>;

inline constexpr std::nullopt_t StillRunning = std::nullopt;

} // namespace PgVault::Cli
