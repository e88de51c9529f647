#include "ClientToolsStatus.h"

#include "ToolLocator.h"

#include <algorithm>

namespace PgVault {

bool ClientToolsStatus::allFound() const
{
    return std::all_of(tools.cbegin(), tools.cend(), [](const Tool &t) { return t.found(); });
}

QStringList ClientToolsStatus::missingTools() const
{
    QStringList out;
    for (const Tool &t : tools) {
        if (!t.found())
            out.append(t.name);
    }
    return out;
}

const ClientToolsStatus::Tool *ClientToolsStatus::tool(const QString &name) const
{
    for (const Tool &t : tools) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

ClientToolsStatus ClientToolsStatus::check(const ToolLocator &locator, int serverMajor)
{
    ClientToolsStatus status;
    status.serverMajor = serverMajor;
    const auto add = [&](const QString &name, bool exact) {
        Tool t;
        t.name = name;
        t.exactMajor = exact;
        Result<ToolCandidate> found = exact ? locator.locateExact(name, serverMajor)
                                            : locator.locate(name, serverMajor);
        if (found) {
            t.path = found->path;
            t.version = found->version;
        } else {
            t.error = found.error();
        }
        status.tools.append(t);
    };
    for (const QString &name : clientToolNames())
        add(name, false);
    for (const QString &name : serverToolNames())
        add(name, true);
    return status;
}

QStringList ClientToolsStatus::clientToolNames()
{
    return {QStringLiteral("pg_dump"), QStringLiteral("pg_restore")};
}

QStringList ClientToolsStatus::serverToolNames()
{
    return {QStringLiteral("pg_ctl"), QStringLiteral("initdb")};
}

} // namespace PgVault
