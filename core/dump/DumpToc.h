#pragma once

#include "DumpDetails.h"
#include "TocEntry.h"
#include "backup/BackupCatalog.h"
#include "common/Result.h"

#include <QByteArrayView>
#include <QString>

namespace PgVault {

// The table of contents of one database of a dump backup, without a server and without the
// archive: DumpJob stores `pg_restore --list --verbose` of every database next to it
// ("db-N.toc.zst", DumpedDatabase::tocFile), and this reads it back and parses it with the
// schema and role names the dump recorded (TocParser hints). Used by RestoreDumpJob and by the
// restore dialog's tree. Reads files: call it off the UI thread.
namespace DumpToc {

// From a catalog entry: InvalidInput unless it is a complete dump; NotFound when it holds no
// `database` (naming the ones it holds) or stores no table of contents for it; Corrupt or
// IoError when the stored list cannot be read or parsed.
Result<TocArchive> load(const BackupEntry &backup, const QString &database);

// The same from a backup folder and the database's record in the manifest's details.
Result<TocArchive> load(const QString &backupDir, const DumpedDatabase &database);

// Parses `pg_restore --list --verbose` output of `database` (stored, or listed afresh from
// the archive) with its hints.
Result<TocArchive> parse(QByteArrayView listOutput, const DumpedDatabase &database);

} // namespace DumpToc

} // namespace PgVault
