#pragma once

#include "TocEntry.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QStringList>

namespace PgVault {

// Selective restore: which TOC entries of an archive to restore for a chosen set of schemas
// and tables, written as a `pg_restore -L` list file.
//
// For a table it takes the table's definition and data; the sequences that belong to it (the
// identity or serial sequence, found through the DEFAULT or identity entry that uses it) with
// their values; its indexes, constraints, triggers, rules, policies, defaults, comments and
// privileges; the partitions of a partitioned table; and, because the table cannot be created
// without them, the types, domains, functions, extensions, collations and schemas it depends
// on (each with a line in `explanations` saying why). A foreign key is taken only when the
// table it references is restored too. Objects that merely use the table (views, other
// tables) are not taken. For a schema it takes every entry in the schema plus the same
// prerequisites. Pure function of the archive's TOC (`pg_restore --list --verbose`).
struct RestoreSelection
{
    QList<TocEntry> entries;  // the chosen entries, in archive order
    QStringList explanations; // translated, one per added prerequisite or skipped object
    QStringList tables;       // "schema.table" of the chosen relations

    QList<int> dumpIds() const;

    // The -L file: the chosen entries' lines in archive order, with a comment header.
    QByteArray listFile() const;

    // tables are "schema.table" (a name without a dot means "public.name"); NotFound names a
    // table or schema the archive does not hold. Empty schemas and tables: InvalidInput.
    static Result<RestoreSelection> plan(const TocArchive &archive, const QStringList &schemas,
                                         const QStringList &tables);
};

} // namespace PgVault
