#include "RepositoryProbe.h"

#include "CliTr.h"

#include "repo/Repository.h"

#include <QDir>
#include <QFileInfo>

#include <unistd.h>

namespace PgVault::Cli {

namespace {

// access(2) rather than QFileInfo::isWritable(): it asks the kernel with our real ids, which
// also covers ACLs and read-only mounts.
bool canWrite(const QString &path)
{
    return ::access(QFile::encodeName(path).constData(), W_OK | X_OK) == 0;
}

// Where mkdir -p would start creating folders.
QString nearestExistingParent(const QString &path)
{
    QString dir = QDir::cleanPath(QDir(path).absolutePath());
    while (!QFileInfo::exists(dir) && dir != QDir::rootPath())
        dir = QFileInfo(dir).absolutePath(); // the parent
    return dir;
}

} // namespace

RepositoryProbe RepositoryProbe::probe(const QString &path, std::optional<quint64> systemIdentifier)
{
    RepositoryProbe p;
    p.path = path;
    const QFileInfo info(path);
    p.exists = info.isDir();

    if (!p.exists) {
        if (info.exists()) {
            p.problem = Tr::tr("%1 exists but is not a folder.").arg(path);
            p.state = p.problem;
            return p;
        }
        const QString parent = nearestExistingParent(path);
        p.writable = canWrite(parent);
        p.state = p.writable ? Tr::tr("does not exist yet; the first backup creates it")
                             : Tr::tr("does not exist, and %1 is not writable").arg(parent);
        if (!p.writable)
            p.problem = Tr::tr("The repository %1 cannot be created: %2 is not writable.")
                                .arg(path, parent);
        return p;
    }

    p.writable = canWrite(path);
    Result<Repository> repository = Repository::open(path);
    if (repository) {
        p.isRepository = true;
        p.formatVersion = repository->formatVersion();
        if (systemIdentifier)
            p.holdsServer = repository->serverIds().contains(*systemIdentifier);
        p.state = Tr::tr("PgVault repository (format %1)").arg(p.formatVersion);
        if (systemIdentifier) {
            p.state += p.holdsServer ? Tr::tr(", holds backups of this server")
                                     : Tr::tr(", nothing of this server yet");
        }
    } else if (repository.error().code() == ErrorCode::NotFound
               && QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        p.state = Tr::tr("empty folder; the first backup makes it a repository");
    } else {
        p.problem = repository.error().message();
        p.state = Tr::tr("not usable");
    }
    if (!p.writable) {
        p.state += Tr::tr(", not writable");
        if (p.problem.isEmpty())
            p.problem = Tr::tr("The repository %1 is not writable for this user.").arg(path);
    } else {
        p.state += Tr::tr(", writable");
    }
    return p;
}

QJsonObject RepositoryProbe::toJson() const
{
    return {
            {QStringLiteral("path"), path},
            {QStringLiteral("exists"), exists},
            {QStringLiteral("isRepository"), isRepository},
            {QStringLiteral("formatVersion"),
             isRepository ? QJsonValue(formatVersion) : QJsonValue()},
            {QStringLiteral("writable"), writable},
            {QStringLiteral("holdsServer"), holdsServer},
            {QStringLiteral("problem"), problem.isEmpty() ? QJsonValue() : QJsonValue(problem)},
    };
}

} // namespace PgVault::Cli
