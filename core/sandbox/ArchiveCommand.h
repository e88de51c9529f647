#pragma once

#include <QString>

namespace PgVault {

// The archive_command the sandbox is configured with:
//   '<pgvault-cli>' --repo '<repository>' wal-push %p
//
// Three layers of quoting meet here, innermost first: the shell that PostgreSQL runs the
// command with (paths may contain spaces or quotes), PostgreSQL's own %-placeholders (a literal
// '%' in a path must be written "%%"), and the postgresql.conf string literal around all of it
// (quotes doubled, backslashes escaped). confValue() applies the last one.
class ArchiveCommand
{
public:
    // The command line (before postgresql.conf quoting).
    static QString build(const QString &cliPath, const QString &repositoryPath);

    // Single-quoted for /bin/sh when it contains anything but [A-Za-z0-9_./+,:=@-].
    static QString shellQuote(const QString &argument);
    // '%' → "%%", so PostgreSQL passes it through instead of reading a placeholder.
    static QString escapePercent(const QString &text);
    // A postgresql.conf string literal: 'text' with ' → '' and \ → \\.
    static QString confValue(const QString &text);

    // The pgvault-cli to archive with: $PGVAULT_CLI when set; else next to the running
    // executable (installed: both in bin/); else ../cli/pgvault-cli (the build tree's layout,
    // for the GUI run from a build); else PATH. Empty when there is none.
    static QString findCli();
};

} // namespace PgVault
