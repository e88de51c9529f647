#pragma once

#include "common/Error.h"
#include "dump/DumpDetails.h"
#include "dump/TocEntry.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace PgVault {

// The table of contents of one database of a dump backup, for the restore dialog's tree.
//
// This only strings together what core offers (the stored `pg_restore --list --verbose` named
// by DumpedDatabase::tocFile, ZstdReader, TocParser with the dump's schema and role hints), the
// way RestoreDumpJob reads it. Core has no public "TOC of database X of backup Y" yet; when it
// gets one, this goes. It blocks on the disk: call it off the UI thread.
struct DumpTocLoader
{
    Q_DECLARE_TR_FUNCTIONS(PgVault::DumpTocLoader)

public:
    struct Outcome
    {
        std::optional<TocArchive> toc;
        std::optional<Error> error;
    };

    static Outcome load(const QString &backupDir, const DumpedDatabase &database);
};

} // namespace PgVault
