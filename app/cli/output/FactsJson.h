#pragma once

#include "connection/ServerFacts.h"
#include "connection/ServerWarning.h"

#include <QJsonArray>
#include <QJsonObject>

namespace PgVault::Cli {

// ServerFacts, ClientToolsStatus and ServerWarnings as JSON for `check --json` and
// `profile test --json`. Field names follow the C++ members (camelCase); "could not be
// determined" is null; sizes are bytes; times are ISO 8601 UTC.
class FactsJson
{
public:
    static QJsonObject facts(const ServerFacts &facts);
    static QJsonObject clientTools(const ClientToolsStatus &tools);
    static QJsonArray warnings(const QList<ServerWarning> &warnings);
    static QString severityName(ServerWarning::Severity severity);
};

} // namespace PgVault::Cli
