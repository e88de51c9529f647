#include "Sql.h"

namespace PgVault {

QString Sql::quoteIdentifier(const QString &identifier)
{
    QString out = identifier;
    out.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString Sql::quoteLiteral(const QString &literal)
{
    QString out = literal;
    out.replace(QLatin1Char('\''), QLatin1String("''"));
    if (out.contains(QLatin1Char('\\'))) {
        out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        return QLatin1String("E'") + out + QLatin1Char('\'');
    }
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

} // namespace PgVault
