#include "Icons.h"

namespace PgVault {

QIcon Icons::icon(const QString &name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

QIcon Icons::application()
{
    return icon(QStringLiteral(PGVAULT_APP_ID));
}

} // namespace PgVault
