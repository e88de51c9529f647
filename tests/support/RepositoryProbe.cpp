#include "RepositoryProbe.h"

#include "backup/BackupCatalog.h"
#include "repo/Repository.h"

#include <QDir>

namespace PgVault::Test {

QStringList backupFolderNames(const QString &repositoryPath)
{
    QStringList result;
    const QDir servers(repositoryPath + QStringLiteral("/servers"));
    for (const QString &server : servers.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir backups(servers.filePath(server) + QStringLiteral("/backups"));
        for (const QString &b : backups.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden))
            result.append(b);
    }
    result.sort();
    return result;
}

QString backupFolderPath(const QString &repositoryPath, const QString &id)
{
    Result<Repository> repository = Repository::open(repositoryPath);
    if (!repository)
        return {};
    Result<BackupEntry> entry = BackupCatalog::find(*repository, id);
    return entry ? entry->path : QString();
}

} // namespace PgVault::Test
