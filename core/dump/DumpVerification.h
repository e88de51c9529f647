#pragma once

#include "DumpDetails.h"
#include "backup/BackupCatalog.h"
#include "backup/VerifyJob.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace PgVault {

class JobContext;
class ToolLocator;

// Reading a stored dump back: shared by DumpJob (before the manifest is written), RestoreDumpJob
// (before the target is touched) and VerifyJob (the dump kind's extra check).
namespace DumpVerification {

// `pg_restore --list --verbose` of one dumped database, fed from the stored (compressed)
// archive: custom archives are decompressed into pg_restore's stdin and read to their end
// (zstd's checksum verified); for directory dumps toc.dat is decompressed into a temporary
// folder. Corrupt naming the file when the archive cannot be listed.
Result<QByteArray> listArchive(const QString &backupDir, const DumpedDatabase &database,
                               const QString &pgRestore, JobContext *context);

// The dump kind's check for VerifyJob::setKindCheck(BackupKind::Dump, …): every database's
// archive must be listed by pg_restore (of the dumped server's major or newer) and the list
// must parse. ToolMissing when no suitable pg_restore is installed.
Status check(const BackupEntry &entry, JobContext &context, const ToolLocator &tools);
VerifyJob::KindCheck kindCheck(QStringList extraToolDirs = {});

} // namespace DumpVerification

} // namespace PgVault
