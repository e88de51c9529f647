#include "DumpDetails.h"

#include "common/Tr.h"

#include <QJsonArray>

namespace PgVault {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

const DumpedDatabase *DumpDetails::database(const QString &name) const
{
    for (const DumpedDatabase &db : databases) {
        if (db.name == name)
            return &db;
    }
    return nullptr;
}

QString DumpDetails::formatName(DumpFormat format)
{
    return format == DumpFormat::Directory ? QStringLiteral("directory") : QStringLiteral("custom");
}

std::optional<DumpFormat> DumpDetails::formatFromName(const QString &name)
{
    if (name == QLatin1String("custom"))
        return DumpFormat::Custom;
    if (name == QLatin1String("directory"))
        return DumpFormat::Directory;
    return std::nullopt;
}

QJsonObject DumpDetails::toJson() const
{
    QJsonObject dbs;
    for (const DumpedDatabase &db : databases) {
        QJsonObject sizes;
        for (auto it = db.tableBytes.cbegin(); it != db.tableBytes.cend(); ++it)
            sizes.insert(it.key(), double(it.value()));
        dbs.insert(db.name, QJsonObject{
                                    {QStringLiteral("format"), formatName(db.format)},
                                    {QStringLiteral("stem"), db.stem},
                                    {QStringLiteral("files"), toArray(db.files)},
                                    {QStringLiteral("toc"), db.tocFile},
                                    {QStringLiteral("archiveBytes"), double(db.archiveBytes)},
                                    {QStringLiteral("encoding"), db.encoding},
                                    {QStringLiteral("collate"), db.collate},
                                    {QStringLiteral("ctype"), db.ctype},
                                    {QStringLiteral("schemas"), toArray(db.schemas)},
                                    {QStringLiteral("roles"), toArray(db.roles)},
                                    {QStringLiteral("tableBytes"), sizes},
                            });
    }
    QJsonObject json{
            {QStringLiteral("format"), formatName(format)},
            {QStringLiteral("databases"), dbs},
    };
    if (!globalsFile.isEmpty())
        json.insert(QStringLiteral("globals"), globalsFile);
    return json;
}

Result<DumpDetails> DumpDetails::fromJson(const QJsonObject &json, const QString &source)
{
    const auto corrupt = [&source](const QString &what) {
        return Error(ErrorCode::Corrupt,
                     Tr::tr("The dump manifest %1 is damaged: %2.").arg(source, what));
    };
    DumpDetails details;
    const std::optional<DumpFormat> format
            = formatFromName(json.value(QStringLiteral("format")).toString());
    if (!format)
        return corrupt(Tr::tr("unknown dump format"));
    details.format = *format;
    details.globalsFile = json.value(QStringLiteral("globals")).toString();
    const QJsonValue dbs = json.value(QStringLiteral("databases"));
    if (!dbs.isObject())
        return corrupt(Tr::tr("no list of databases"));
    const QJsonObject dbObject = dbs.toObject();
    for (auto it = dbObject.constBegin(); it != dbObject.constEnd(); ++it) {
        const QJsonObject o = it.value().toObject();
        DumpedDatabase db;
        db.name = it.key();
        const std::optional<DumpFormat> dbFormat
                = formatFromName(o.value(QStringLiteral("format")).toString());
        if (!dbFormat)
            return corrupt(Tr::tr("unknown format of database “%1”").arg(db.name));
        db.format = *dbFormat;
        db.stem = o.value(QStringLiteral("stem")).toString();
        db.files = toList(o.value(QStringLiteral("files")));
        if (db.files.isEmpty())
            return corrupt(Tr::tr("no files for database “%1”").arg(db.name));
        db.tocFile = o.value(QStringLiteral("toc")).toString();
        db.archiveBytes = qint64(o.value(QStringLiteral("archiveBytes")).toDouble());
        db.encoding = o.value(QStringLiteral("encoding")).toString();
        db.collate = o.value(QStringLiteral("collate")).toString();
        db.ctype = o.value(QStringLiteral("ctype")).toString();
        db.schemas = toList(o.value(QStringLiteral("schemas")));
        db.roles = toList(o.value(QStringLiteral("roles")));
        const QJsonObject sizes = o.value(QStringLiteral("tableBytes")).toObject();
        for (auto s = sizes.constBegin(); s != sizes.constEnd(); ++s)
            db.tableBytes.insert(s.key(), qint64(s.value().toDouble()));
        details.databases.append(db);
    }
    return details;
}

} // namespace PgVault
