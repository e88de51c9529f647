#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Where the PostgreSQL server binaries of each major are. Searched in this order:
//   1. $PGVAULT_PG_BINDIRS (colon-separated bin dirs; tools/run-tests.sh exports what
//      tools/install-postgres-majors.sh installed)
//   2. /usr/lib/postgresql/<N>/bin (Debian's packages)
//   3. the npm cache of tools/install-postgres-majors.sh: $PGVAULT_PG_CACHE,
//      $HOME/.cache/pgvault/postgres, /var/cache/pgvault/postgres (node_modules/*/native/bin)
// A dir counts when it holds initdb, pg_ctl and postgres; its major is what `postgres --version`
// says (asked once per dir and process).
namespace PgVault::Test::PgBinaries {

QStringList candidateDirs();
// 0 when dir holds no usable server.
int majorOf(const QString &dir);
// "18.4" for PostgreSQL 18.4; empty when dir holds no usable server.
QString versionOf(const QString &dir);
QString binDir(int major);
QList<int> availableMajors();
// One line for error messages: what was searched and how to install what is missing.
QString searchedDescription();

} // namespace PgVault::Test::PgBinaries
