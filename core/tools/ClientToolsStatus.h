#pragma once

#include "ToolVersion.h"
#include "common/Error.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace PgVault {

class ToolLocator;

// Which PostgreSQL programs PgVault needs for a server of a given major are installed here:
// pg_dump and pg_restore of that major or newer (dumps), pg_ctl and initdb of exactly that
// major (restores, test restores, sandbox). Part of ServerFacts; feeds the "client tools
// missing" warning.
struct ClientToolsStatus
{
    struct Tool
    {
        QString name;
        bool exactMajor = false; // server program: must match the major exactly
        QString path;            // empty when missing
        std::optional<ToolVersion> version;
        std::optional<Error> error; // ToolMissing (with the package to install) when missing

        bool found() const { return !path.isEmpty(); }
    };

    int serverMajor = 0;
    QList<Tool> tools;

    bool allFound() const;
    QStringList missingTools() const;
    // nullptr when the tool was not checked.
    const Tool *tool(const QString &name) const;

    // Blocks while unknown programs run `--version` (milliseconds each; cached afterwards).
    static ClientToolsStatus check(const ToolLocator &locator, int serverMajor);
    static QStringList clientToolNames(); // pg_dump, pg_restore
    static QStringList serverToolNames(); // pg_ctl, initdb
};

} // namespace PgVault

Q_DECLARE_METATYPE(PgVault::ClientToolsStatus)
