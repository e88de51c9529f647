#include "RestoreGlobalsJob.h"

#include "DumpDetails.h"
#include "GlobalsRestore.h"
#include "backup/BackupCatalog.h"
#include "backup/StoredFileCheck.h"
#include "connection/PgConnection.h"
#include "repo/Repository.h"
#include "repo/ZstdReader.h"

#include <QJsonArray>

namespace PgVault {

namespace {

constexpr qint64 MaxGlobalsSize = qint64(256) * 1024 * 1024;

struct Backup
{
    QString dir;
    BackupManifest manifest;
    DumpDetails details;
};

Result<Backup> findBackup(const RestoreGlobalsOptions &options)
{
    Result<Repository> repository = Repository::open(options.repositoryPath);
    if (!repository)
        return repository.error();
    Result<BackupEntry> entry = BackupCatalog::findRestorable(*repository, options.backupId);
    if (!entry)
        return entry.error();
    Backup backup;
    backup.dir = entry->path;
    backup.manifest = *entry->manifest;
    if (backup.manifest.kind != BackupKind::Dump) {
        return Error(ErrorCode::InvalidInput,
                     RestoreGlobalsJob::tr("The backup %1 is not a dump; restore it with "
                                           "“restore”.")
                             .arg(options.backupId));
    }
    Result<DumpDetails> details = DumpDetails::fromJson(
            backup.manifest.details,
            backup.dir + QLatin1Char('/') + QLatin1String(BackupManifest::FileName));
    if (!details)
        return details.error();
    backup.details = *details;
    if (backup.details.globalsFile.isEmpty()) {
        return Error(ErrorCode::NotFound,
                     RestoreGlobalsJob::tr("The backup %1 holds no roles and tablespaces (it was "
                                           "made without --globals).")
                             .arg(options.backupId));
    }
    return backup;
}

QSet<QString> names(const QueryResult &result)
{
    QSet<QString> set;
    for (const QStringList &row : result.rows())
        set.insert(row.value(0));
    return set;
}

} // namespace

RestoreGlobalsJob::RestoreGlobalsJob(RestoreGlobalsOptions options, QObject *parent)
    : ThreadedJob(QStringLiteral("restore-globals"), tr("Restore roles and tablespaces"), parent)
    , m_options(std::move(options))
{}

RestoreGlobalsJob::~RestoreGlobalsJob() = default;

Job::CancelMeaning RestoreGlobalsJob::cancelMeaning() const
{
    // Roles and tablespaces created before the cancel stay.
    return CancelMeaning::KeepCompleted;
}

Result<QJsonObject> RestoreGlobalsJob::work(JobContext &context)
{
    context.setPhase(QStringLiteral("checking"), tr("Checking the backup"));
    Result<Backup> backup = findBackup(m_options);
    if (!backup)
        return backup.error();
    const StoredFile *file = backup->manifest.file(backup->details.globalsFile);
    if (!file) {
        return Error(ErrorCode::Corrupt,
                     tr("The manifest of backup %1 does not list the file %2.")
                             .arg(m_options.backupId, backup->details.globalsFile));
    }
    context.setBytesTotal(file->storedSize);
    context.setBytesDone(0);
    context.setCurrentItem(file->name);
    if (Status ok = checkStoredFile(backup->dir, *file, &context,
                                    [&context](qint64 bytes) { context.addBytesDone(bytes); });
        !ok)
        return ok.error().withContext(tr("Backup %1 cannot be restored").arg(m_options.backupId));
    Result<QByteArray> script
            = ZstdReader::readAll(backup->dir + QLatin1Char('/') + file->name, MaxGlobalsSize);
    if (!script)
        return script.error();

    Result<PgConnection> connection = PgConnection::connect(m_options.target, m_options.password);
    if (!connection)
        return connection.error();
    const QString server = connection->address();
    Result<QueryResult> roles
            = connection->exec(QStringLiteral("SELECT rolname FROM pg_catalog.pg_roles"));
    if (!roles)
        return roles.error();
    Result<QueryResult> tablespaces
            = connection->exec(QStringLiteral("SELECT spcname FROM pg_catalog.pg_tablespace"));
    if (!tablespaces)
        return tablespaces.error();
    Result<QString> user = connection->scalar(QStringLiteral("SELECT current_user"));
    if (!user)
        return user.error();
    const GlobalsTarget target{names(*roles), names(*tablespaces), *user};
    const GlobalsPlan plan = GlobalsRestore::plan(QString::fromUtf8(*script), target);

    for (const QString &role : plan.skippedRoles)
        context.warning(tr("Role “%1” exists on %2 and was left unchanged.").arg(role, server));
    for (const QString &tablespace : plan.skippedTablespaces)
        context.warning(
                tr("Tablespace “%1” exists on %2 and was left unchanged.").arg(tablespace, server));
    QJsonArray skippedStatements;
    for (const SkippedGlobal &skipped : plan.skipped) {
        skippedStatements.append(skipped.statement);
        if (skipped.reason == SkippedGlobal::Reason::MissingRole)
            context.warning(tr("Skipped because the role “%1” does not exist on %2: %3")
                                    .arg(skipped.name, server, skipped.statement));
        else if (skipped.reason == SkippedGlobal::Reason::ChangesExistingRole)
            context.warning(tr("Skipped because it would change the existing role “%1”: %2")
                                    .arg(skipped.name, skipped.statement));
    }

    if (context.isCancelled())
        return JobContext::cancelledError();
    context.setPhase(QStringLiteral("restoring"),
                     tr("Restoring roles and tablespaces into %1").arg(server));
    context.setItemsTotal(plan.setup.size() + plan.statements.size());
    for (const QString &statement : plan.setup + plan.statements) {
        if (context.isCancelled())
            return JobContext::cancelledError();
        context.setCurrentItem(statement.left(80));
        Result<QueryResult> ran = connection->exec(statement);
        if (!ran) {
            return ran.error().withContext(
                    tr("Restoring the roles and tablespaces of backup %1 into %2 stopped at “%3”")
                            .arg(m_options.backupId, server, statement));
        }
        context.addItemsDone();
    }
    context.setPhase(QStringLiteral("done"), tr("Done"));
    context.info(tr("Restored %n role(s) and %1 tablespace(s) of backup %2 into %3.", nullptr,
                    int(plan.createdRoles.size()))
                         .arg(QString::number(plan.createdTablespaces.size()), m_options.backupId,
                              server));
    return QJsonObject{
            {QStringLiteral("backupId"), m_options.backupId},
            {QStringLiteral("server"), server},
            {QStringLiteral("createdRoles"), QJsonArray::fromStringList(plan.createdRoles)},
            {QStringLiteral("skippedRoles"), QJsonArray::fromStringList(plan.skippedRoles)},
            {QStringLiteral("createdTablespaces"),
             QJsonArray::fromStringList(plan.createdTablespaces)},
            {QStringLiteral("skippedTablespaces"),
             QJsonArray::fromStringList(plan.skippedTablespaces)},
            {QStringLiteral("statements"), int(plan.statements.size())},
            {QStringLiteral("skippedStatements"), skippedStatements},
    };
}

} // namespace PgVault
