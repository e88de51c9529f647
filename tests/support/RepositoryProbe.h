#pragma once

#include <QString>
#include <QStringList>

namespace PgVault::Test {

// What a test sees in a repository folder, without going through the code under test's writer.

// Names of every folder under servers/*/backups/ (hidden ones too: in-progress deletions), sorted.
// A test asserts with it that a failed or cancelled backup left nothing behind.
QStringList backupFolderNames(const QString &repositoryPath);

// The folder of backup `id` (BackupCatalog::find); empty when there is none.
QString backupFolderPath(const QString &repositoryPath, const QString &id);

} // namespace PgVault::Test
