#pragma once

#include "DumpOptions.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace PgVault {

// One dumped database, as recorded in a dump manifest's `details`.
struct DumpedDatabase
{
    QString name;
    DumpFormat format = DumpFormat::Custom;
    // Stored files, relative to the backup folder. Custom: the archive ("db-1.pgdump.zst").
    // Directory: every file of pg_dump's folder ("db-1/toc.dat.zst", "db-1/3456.dat.zst", …).
    QStringList files;
    QString tocFile;         // `pg_restore --list --verbose` of the archive ("db-1.toc.zst")
    qint64 archiveBytes = 0; // raw archive size
    QString encoding;        // for CREATE DATABASE on restore
    QString collate;
    QString ctype;
    QStringList schemas; // TocParser hints
    QStringList roles;
    QMap<QString, qint64> tableBytes; // "schema.table" -> size when dumped (progress weights)

    // "db-1": the stem of this database's stored files.
    QString stem;
};

// The `details` object of a dump manifest:
//   {"format": "custom", "globals": "globals.sql.zst",
//    "databases": {"shop": {"format": "custom", "files": [...], "toc": "db-1.toc.zst", …}}}
// Database names may hold any character; they are only ever JSON keys, never file names.
struct DumpDetails
{
    DumpFormat format = DumpFormat::Custom;
    QString globalsFile; // empty without --globals
    QList<DumpedDatabase> databases;

    const DumpedDatabase *database(const QString &name) const;

    QJsonObject toJson() const;
    // Corrupt naming `source` for a details object that does not describe a dump.
    static Result<DumpDetails> fromJson(const QJsonObject &json, const QString &source);

    static QString formatName(DumpFormat format);
    static std::optional<DumpFormat> formatFromName(const QString &name);
};

} // namespace PgVault
