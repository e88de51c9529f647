#pragma once

#include "ConnectionTarget.h"

#include "common/Result.h"
#include "connection/ServerFacts.h"

#include <functional>
#include <memory>

namespace PgVault {
class ServerInspector;
class ToolLocator;
} // namespace PgVault

namespace PgVault::Cli {

class CommandContext;
class StatusLine;

// Connects to a server and collects its ServerFacts for a command (`check`, `profile test`)
// without blocking the event loop, so Ctrl+C and the connect timeout work as everywhere else.
// Shows the steps as a transient line on a terminal and, with --verbose, on stderr.
class ServerInspection
{
public:
    using Done = std::function<void(const Result<ServerFacts> &facts)>;

    explicit ServerInspection(CommandContext &context);
    ~ServerInspection();
    ServerInspection(const ServerInspection &) = delete;
    ServerInspection &operator=(const ServerInspection &) = delete;

    // With a locator, the facts include which client tools of the server's major exist.
    void start(const ConnectionTarget &target, std::shared_ptr<const ToolLocator> tools, Done done);

private:
    CommandContext &m_context;
    std::unique_ptr<ServerInspector> m_inspector;
    std::unique_ptr<StatusLine> m_status;
};

} // namespace PgVault::Cli
