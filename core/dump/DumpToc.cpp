#include "DumpToc.h"

#include "TocParser.h"
#include "common/Tr.h"
#include "repo/ZstdReader.h"

namespace PgVault::DumpToc {

Result<TocArchive> load(const BackupEntry &backup, const QString &database)
{
    if (!backup.isRestorable() || !backup.manifest || backup.manifest->kind != BackupKind::Dump)
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("%1 is not a complete dump, so it has no table of contents to show")
                             .arg(backup.id));
    Result<DumpDetails> details = DumpDetails::fromJson(
            backup.manifest->details,
            backup.relativePath + QLatin1Char('/') + QLatin1String(BackupManifest::FileName));
    if (!details)
        return details.error();
    const DumpedDatabase *dumped = details->database(database);
    if (!dumped) {
        QStringList names;
        for (const DumpedDatabase &db : std::as_const(details->databases))
            names.append(db.name);
        return Error(ErrorCode::NotFound,
                     Tr::tr("The backup %1 holds no database “%2” (it holds %3).")
                             .arg(backup.id, database, names.join(QStringLiteral(", "))));
    }
    return load(backup.path, *dumped);
}

Result<TocArchive> load(const QString &backupDir, const DumpedDatabase &database)
{
    if (database.tocFile.isEmpty())
        return Error(ErrorCode::NotFound,
                     Tr::tr("This backup stores no table of contents for “%1”, so its objects "
                            "cannot be listed. The whole database can still be restored.")
                             .arg(database.name));
    const Result<QByteArray> list
            = ZstdReader::readAll(backupDir + QLatin1Char('/') + database.tocFile);
    if (!list)
        return list.error();
    return parse(*list, database);
}

Result<TocArchive> parse(QByteArrayView listOutput, const DumpedDatabase &database)
{
    return TocParser::parse(listOutput, TocParser::Hints{database.schemas, database.roles});
}

} // namespace PgVault::DumpToc
