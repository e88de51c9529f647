#pragma once

#include "backup/BackupCatalog.h"
#include "backup/VerifyJob.h"
#include "common/Result.h"

namespace PgVault {

class JobContext;

// Reading a stored base backup back against PostgreSQL's own backup_manifest: the base-backup
// kind's check for VerifyJob::setKindCheck(BackupKind::Base, …). Needs no server.
namespace BaseBackupVerification {

// Decompresses every stored <name>.tar.zst, walks its tar members and compares each regular
// file with the "Files" entry of backup_manifest (tablespace archives under "pg_tblspc/<oid>/"):
// size always, and the checksum when its algorithm is SHA256. The manifest's own checksum (and
// system identifier, when it has one) is checked first. Problems: a listed file missing from
// the archives, a size or checksum mismatch, a file the manifest does not list (except what
// pg_verifybackup ignores too), a damaged tar. Each names the stored archive and the path
// inside it; they are all in one Corrupt error (message: the first few; detail: all).
// Unsupported when the only findings are files whose checksum algorithm we cannot compute.
Status check(const BackupEntry &entry, JobContext &context);
VerifyJob::KindCheck kindCheck();

} // namespace BaseBackupVerification

} // namespace PgVault
