#include "ToolMessages.h"

#include <QRegularExpression>

namespace PgVault::ToolMessages {

namespace {

std::optional<QString> quotedAfter(const QString &line, QLatin1String marker)
{
    const qsizetype at = line.indexOf(marker);
    if (at < 0)
        return std::nullopt;
    // The name is everything between the first quote after the marker and the last quote of
    // the line: names may contain quotes themselves, unescaped.
    const qsizetype open = at + marker.size();
    if (open >= line.size() || line.at(open) != QLatin1Char('"'))
        return std::nullopt;
    const qsizetype close = line.lastIndexOf(QLatin1Char('"'));
    if (close <= open)
        return std::nullopt;
    return line.mid(open + 1, close - open - 1);
}

} // namespace

std::optional<QString> dumpingTable(const QString &line)
{
    return quotedAfter(line, QLatin1String("dumping contents of table "));
}

std::optional<QString> restoringTable(const QString &line)
{
    return quotedAfter(line, QLatin1String("processing data for table "));
}

bool isRestoreItem(const QString &line)
{
    static const QRegularExpression item(
            QStringLiteral("^pg_restore: (creating|executing|processing data for table|"
                           "processing item|restoring large object) "));
    return item.match(line).hasMatch();
}

bool isError(const QString &line)
{
    static const QRegularExpression error(QStringLiteral(
            "(^[a-z_]+: (error|detail|hint): )|(^(pg_[a-z_]+: )?(ERROR|FATAL|PANIC):)|"
            "(^(DETAIL|HINT|CONTEXT|LINE \\d+):)|(^Command was: )|"
            "(: (ERROR|FATAL):  )"));
    return error.match(line).hasMatch();
}

bool isMissingRoleError(const QString &line)
{
    static const QRegularExpression role(QStringLiteral("ERROR:  role \".*\" does not exist"));
    return role.match(line).hasMatch();
}

bool isToolLine(const QString &line)
{
    static const QRegularExpression tool(QStringLiteral("^pg_[a-z_]+: "));
    return tool.match(line).hasMatch();
}

bool isErrorsIgnoredSummary(const QString &line)
{
    return line.contains(QLatin1String("errors ignored on restore:"));
}

QStringList errorLines(const QStringList &stderrLines, int limit)
{
    QStringList result;
    bool inError = false;
    for (const QString &line : stderrLines) {
        if (isError(line)) {
            inError = true;
            result.append(line);
        } else if (inError && !isToolLine(line)) {
            result.append(line); // a multi-line statement after "Command was:"
        } else {
            inError = false;
            if (isErrorsIgnoredSummary(line))
                result.append(line);
        }
    }
    if (result.size() > limit)
        result = result.mid(result.size() - limit);
    return result;
}

} // namespace PgVault::ToolMessages
