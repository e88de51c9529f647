#pragma once

#include "connection/ServerFacts.h"
#include "connection/ServerWarning.h"

#include <QList>
#include <QStringList>

namespace PgVault::Cli {

// ServerFacts and warnings as human-readable lines for `check` and `profile test`.
class ServerReport
{
public:
    // "Label   value" lines: address, version, role and privileges, WAL and archiving.
    static QStringList facts(const ServerFacts &facts);
    // One line per tool: found where and which version, or what to install.
    static QStringList clientTools(const ClientToolsStatus &tools);
    // "No problems found." or one block per warning: severity, text, fix, SQL.
    static QStringList warnings(const QList<ServerWarning> &warnings);

    // Two aligned columns; shared with other reports (check's repository section).
    static QStringList labelled(const QList<std::pair<QString, QString>> &rows);
};

} // namespace PgVault::Cli
