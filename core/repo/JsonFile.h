#pragma once

#include "AtomicFile.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QString>

namespace PgVault::JsonFile {

// The small JSON files of the repository and the sandbox (manifests, server.json, state), read
// and written one way: a file holds one JSON object; it is written indented, atomically and
// durably (AtomicFile).

// NotFound / IoError from reading pass through; a file that is not one JSON object is Corrupt
// ("<path> is not valid JSON", the parser's words as detail). A file larger than maxSize is
// refused (FileSystem::readSmallFile): these files are read whole into memory.
Result<QJsonObject> readObject(const QString &path, qint64 maxSize = 1024 * 1024);

Status write(const QString &path, const QJsonObject &object,
             AtomicFile::Mode mode = AtomicFile::Mode::Replace);

} // namespace PgVault::JsonFile
