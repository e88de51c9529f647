#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

// Small POSIX helpers for the repository: errno → Error with the path named, directory fsync,
// and mkdir -p that makes the new folders durable. QDir/QFile hide errno (and so ENOSPC versus
// EACCES), which the repository must tell apart.
namespace PgVault::FileSystem {

// ENOSPC/EDQUOT → DiskFull, EACCES/EPERM/EROFS → PermissionDenied, ENOENT → NotFound (these
// name `folder` when given: the fix is on the folder, and a temporary file name would only
// confuse), EEXIST → AlreadyExists, else IoError.
// `operation` ("open", "write", …) goes into the untranslated detail with strerror.
Error errnoError(int err, const QString &path, const char *operation, const QString &folder = {});

QByteArray encode(const QString &path);

// fsync() of a folder, so that entries created/renamed in it survive a power loss.
Status fsyncDirectory(const QString &dir);

// Creates `dir` and any missing parents; each folder it creates is made durable by fsyncing
// its parent. Concurrent creators are fine (EEXIST from mkdir is success when it is a folder).
Status durableMkpath(const QString &dir);

// The folder part of a path ("." when there is none).
QString parentOf(const QString &path);

// Reads a whole (small) file; files larger than maxSize are refused as Corrupt.
Result<QByteArray> readSmallFile(const QString &path, qint64 maxSize = 1024 * 1024);

} // namespace PgVault::FileSystem
