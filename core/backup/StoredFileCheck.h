#pragma once

#include "BackupManifest.h"
#include "common/Result.h"

#include <QString>

#include <functional>

namespace PgVault {

class JobContext;

// Reads a stored file of a backup folder back: it must exist, have its stored size and the
// SHA-256 of its StoredFile record. Corrupt (naming the file) otherwise; Cancelled when the
// context is cancelled. `progress` gets stored bytes as they are read. Shared by every kind of
// backup (dump and base) before the manifest is written, and by restores before they start.
Status checkStoredFile(const QString &backupDir, const StoredFile &file, JobContext *context,
                       const std::function<void(qint64 bytes)> &progress = {});

// The Corrupt error for a stored file: "The stored file <path> is damaged: <why>."
Error corruptStoredFile(const QString &path, const QString &why, const QString &detail = {});

} // namespace PgVault
