#pragma once

#include <QIcon>
#include <QString>

namespace PgVault {

// The SVG icons of resources/pgvault.qrc (registered by the executable: pgvaultInitResources()).
// SVG scales to any device pixel ratio, so the icons stay sharp on high-DPI screens.
class Icons
{
public:
    static QIcon icon(const QString &name); // ":/icons/<name>.svg"
    static QIcon application();
    static QIcon addServer() { return icon(QStringLiteral("add-server")); }
    static QIcon cancel() { return icon(QStringLiteral("cancel")); }
    static QIcon error() { return icon(QStringLiteral("error")); }
    static QIcon job() { return icon(QStringLiteral("job")); }
    static QIcon ok() { return icon(QStringLiteral("ok")); }
    static QIcon overview() { return icon(QStringLiteral("overview")); }
    static QIcon refresh() { return icon(QStringLiteral("refresh")); }
    static QIcon restore() { return icon(QStringLiteral("restore")); }
    static QIcon sandbox() { return icon(QStringLiteral("sandbox")); }
    static QIcon timeline() { return icon(QStringLiteral("timeline")); }
    static QIcon warning() { return icon(QStringLiteral("warning")); }
    static QIcon dump() { return icon(QStringLiteral("dump")); }
    static QIcon verify() { return icon(QStringLiteral("verify")); }
    static QIcon baseBackup() { return icon(QStringLiteral("base-backup")); }
    static QIcon deleteIcon() { return icon(QStringLiteral("delete")); }
};

} // namespace PgVault
