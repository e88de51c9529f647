#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace PgVault {

// What already exists on the server that globals are restored into.
struct GlobalsTarget
{
    QSet<QString> roles;       // pg_roles.rolname
    QSet<QString> tablespaces; // pg_tablespace.spcname
    QString currentUser;       // the connecting role: never created or altered
};

// A statement of the dump that is not run, and why.
struct SkippedGlobal
{
    enum class Reason {
        RoleExists,          // CREATE/ALTER/COMMENT/SECURITY LABEL of an existing role
        TablespaceExists,    // CREATE/ALTER/COMMENT/GRANT of an existing tablespace
        CurrentUser,         // the connecting role itself
        MissingRole,         // a GRANT naming a role that will not exist
        ChangesExistingRole, // a membership GRANT to a role that existed already
        MetaCommand,         // a psql backslash command (\restrict, \connect …)
    };
    Reason reason = Reason::RoleExists;
    QString name; // the role or tablespace concerned
    QString statement;
};

// The statements of a `pg_dumpall --globals-only` script to run on a target, and what was left
// out so that nothing that exists there already is changed.
struct GlobalsPlan
{
    QStringList setup;      // SET … / SELECT pg_catalog.set_config(…): session settings
    QStringList statements; // in dump order, without the setup
    QStringList createdRoles;
    QStringList createdTablespaces;
    QStringList skippedRoles;       // existing roles (and the current user), dump order
    QStringList skippedTablespaces; // existing tablespaces, dump order
    QList<SkippedGlobal> skipped;
};

namespace GlobalsRestore {

// The script's statements without comments, blank lines and psql meta-commands. pg_dumpall
// prints one statement a line, but string literals and quoted names may hold newlines and
// semicolons, so statements end at a `;` outside quotes.
QStringList splitStatements(const QString &sql);
// Meta-commands (lines starting with a backslash) are reported in `metaCommands`.
QStringList splitStatements(const QString &sql, QStringList *metaCommands);

// Filters the script for `target`:
//   - an existing role (or the connecting user): its CREATE ROLE, ALTER ROLE (attributes,
//     password, settings), COMMENT ON ROLE and SECURITY LABEL … ON ROLE are skipped;
//   - role memberships (GRANT r TO m) are kept only when both roles exist afterwards and the
//     member is created by this restore (an existing role never gains a membership); a
//     GRANTED BY naming a role that will not exist is dropped from the statement;
//   - an existing tablespace: its CREATE, ALTER, COMMENT, SECURITY LABEL, GRANT and REVOKE are
//     skipped; privileges for roles that will not exist are skipped.
// Anything else is run as dumped.
GlobalsPlan plan(const QString &sql, const GlobalsTarget &target);

// Statement parts, exposed for tests: an identifier as written by fmtId ("a ""b""" or abc).
QString unquoteIdentifier(const QString &token);

} // namespace GlobalsRestore

} // namespace PgVault
