#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace PgVault {

// Reading pg_dump's and pg_restore's --verbose stderr, line by line. Pure functions.
namespace ToolMessages {

// `pg_dump: dumping contents of table "public.orders"` -> "public.orders" (names unquoted,
// exactly as TocEntry::qualifiedName() writes them).
std::optional<QString> dumpingTable(const QString &line);
// `pg_restore: processing data for table "public.orders"` -> "public.orders".
std::optional<QString> restoringTable(const QString &line);
// `pg_restore: creating TABLE "public.orders"`, `executing SEQUENCE SET …`, … : one TOC item.
bool isRestoreItem(const QString &line);

// "pg_dump: error: …", "pg_restore: error: …", "FATAL: …", "ERROR: …", and the "DETAIL:" /
// "Command was:" lines that follow an error.
bool isError(const QString &line);
// An error caused only by a role missing on the target (ALTER … OWNER TO / GRANT … TO a role
// that does not exist): worth a warning, not a failed restore.
bool isMissingRoleError(const QString &line);
// A line a tool starts itself ("pg_dump: …"), as opposed to the continuation of a statement
// quoted after "Command was:".
bool isToolLine(const QString &line);
// "pg_restore: warning: errors ignored on restore: 3"
bool isErrorsIgnoredSummary(const QString &line);

// The error lines of a tool's stderr with their continuation lines ("Command was: …"),
// without progress chatter; at most `limit` lines, the last ones.
QStringList errorLines(const QStringList &stderrLines, int limit = 20);

} // namespace ToolMessages

} // namespace PgVault
