#include "ToolVersion.h"

#include <QRegularExpression>

namespace PgVault {

int ToolVersion::versionNum() const
{
    return major * 10000 + minor;
}

std::optional<ToolVersion> ToolVersion::parse(const QString &versionOutput)
{
    const QString firstLine = versionOutput.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
    // "<name> (PostgreSQL) 15.20 ..." ; development builds say "18devel", "17beta2", "16rc1".
    static const QRegularExpression re(
            QStringLiteral(R"(\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?(?:\.(\d+))?)"));
    const QRegularExpressionMatch m = re.match(firstLine);
    if (!m.hasMatch())
        return std::nullopt;
    ToolVersion v;
    v.text = firstLine;
    v.major = m.captured(1).toInt();
    if (v.major < 10) {
        // 9.6.24: major "9.6" is reported as 9, minor 24 (server_version_num 90624).
        v.minor = m.captured(2).toInt() * 100 + m.captured(3).toInt();
    } else {
        v.minor = m.captured(2).toInt();
    }
    if (v.major <= 0)
        return std::nullopt;
    return v;
}

} // namespace PgVault
