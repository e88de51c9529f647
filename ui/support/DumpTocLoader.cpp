#include "DumpTocLoader.h"

#include "dump/TocParser.h"
#include "repo/ZstdReader.h"

#include <QCoreApplication>
#include <QDir>

namespace PgVault {

DumpTocLoader::Outcome DumpTocLoader::load(const QString &backupDir, const DumpedDatabase &database)
{
    Outcome outcome;
    if (database.tocFile.isEmpty()) {
        outcome.error = Error(ErrorCode::NotFound,
                              tr("This backup stores no table of contents for “%1”, "
                                 "so its objects cannot be listed. The whole database "
                                 "can still be restored.")
                                      .arg(database.name));
        return outcome;
    }
    const Result<QByteArray> list = ZstdReader::readAll(QDir(backupDir).filePath(database.tocFile));
    if (!list) {
        outcome.error = list.error();
        return outcome;
    }
    Result<TocArchive> toc
            = TocParser::parse(*list, TocParser::Hints{database.schemas, database.roles});
    if (!toc) {
        outcome.error = toc.error();
        return outcome;
    }
    outcome.toc = std::move(toc).value();
    return outcome;
}

} // namespace PgVault
