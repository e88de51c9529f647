#include "ServerRecord.h"

#include "JsonFile.h"
#include "common/Tr.h"

namespace PgVault {

QJsonObject ServerRecord::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("systemIdentifier"), QString::number(systemId));
    o.insert(QStringLiteral("displayName"), displayName);
    o.insert(QStringLiteral("majorVersion"), majorVersion);
    o.insert(QStringLiteral("firstSeen"), firstSeen.toUTC().toString(Qt::ISODate));
    o.insert(QStringLiteral("lastSeen"), lastSeen.toUTC().toString(Qt::ISODate));
    return o;
}

Result<ServerRecord> ServerRecord::fromJson(const QJsonObject &json, const QString &source)
{
    ServerRecord r;
    bool ok = false;
    r.systemId = json.value(QStringLiteral("systemIdentifier")).toString().toULongLong(&ok);
    if (!ok || r.systemId == 0)
        return Error(ErrorCode::Corrupt, Tr::tr("%1 has no valid system identifier").arg(source));
    r.displayName = json.value(QStringLiteral("displayName")).toString();
    r.majorVersion = json.value(QStringLiteral("majorVersion")).toInt();
    r.firstSeen = QDateTime::fromString(json.value(QStringLiteral("firstSeen")).toString(),
                                        Qt::ISODate);
    r.lastSeen
            = QDateTime::fromString(json.value(QStringLiteral("lastSeen")).toString(), Qt::ISODate);
    return r;
}

Result<ServerRecord> ServerRecord::load(const QString &path)
{
    Result<QJsonObject> json = JsonFile::readObject(path);
    if (!json)
        return json.error();
    return fromJson(*json, path);
}

Status ServerRecord::save(const QString &path) const
{
    return JsonFile::write(path, toJson());
}

Status ServerRecord::recordSeen(const QString &serverDir, quint64 systemId, int majorVersion,
                                std::chrono::seconds slack)
{
    const QString path = serverDir + QLatin1Char('/') + QLatin1String(FileName);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<ServerRecord> existing = load(path);
    ServerRecord record;
    if (existing) {
        record = *existing;
        const bool majorChanged = majorVersion > 0 && record.majorVersion != majorVersion;
        const bool stale = !record.lastSeen.isValid()
                           || record.lastSeen.secsTo(now) >= qint64(slack.count());
        if (!majorChanged && !stale)
            return {};
        if (majorVersion > 0)
            record.majorVersion = majorVersion;
    } else if (existing.error().code() == ErrorCode::NotFound) {
        record.systemId = systemId;
        record.majorVersion = majorVersion;
        record.firstSeen = now;
    } else {
        return existing.error();
    }
    record.lastSeen = now;
    return record.save(path);
}

} // namespace PgVault
