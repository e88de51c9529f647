#include "BaseBackupDetails.h"

#include "common/Tr.h"

#include <QJsonArray>

namespace PgVault {

namespace {

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject BaseBackupDetails::toJson() const
{
    QJsonArray archiveList;
    for (const BaseBackupArchive &archive : archives) {
        QJsonObject item{
                {QStringLiteral("name"), archive.name},
                {QStringLiteral("file"), archive.storedFile},
                {QStringLiteral("tarBytes"), double(archive.tarBytes)},
                {QStringLiteral("regularFiles"), double(archive.regularFiles)},
                {QStringLiteral("estimatedBytes"), double(archive.estimatedBytes)},
        };
        if (archive.tablespaceOid != 0) {
            item.insert(QStringLiteral("tablespaceOid"), double(archive.tablespaceOid));
            item.insert(QStringLiteral("location"), archive.location);
        }
        archiveList.append(item);
    }
    return QJsonObject{
            {QStringLiteral("label"), label},
            {QStringLiteral("startLsn"), startLsn},
            {QStringLiteral("stopLsn"), stopLsn},
            {QStringLiteral("timeline"), double(timeline)},
            {QStringLiteral("stopTimeline"), double(stopTimeline)},
            {QStringLiteral("startTime"), isoTime(startTime)},
            {QStringLiteral("stopTime"), isoTime(stopTime)},
            // A u64 does not survive a JSON double: text, as in the repository's folder names.
            {QStringLiteral("systemIdentifier"), QString::number(systemIdentifier)},
            {QStringLiteral("serverVersion"), serverVersion},
            {QStringLiteral("walSegmentSize"), double(walSegmentSize)},
            {QStringLiteral("firstWalSegment"), firstWalSegment},
            {QStringLiteral("lastWalSegment"), lastWalSegment},
            {QStringLiteral("checkpoint"), checkpoint},
            {QStringLiteral("fromStandby"), fromStandby},
            {QStringLiteral("protocol"), protocol},
            {QStringLiteral("compression"), QJsonObject{{QStringLiteral("method"), compression},
                                                        {QStringLiteral("level"), compressLevel}}},
            {QStringLiteral("archives"), archiveList},
            {QStringLiteral("backupManifest"), backupManifestFile},
            {QStringLiteral("manifestFiles"), double(manifestFiles)},
    };
}

Result<BaseBackupDetails> BaseBackupDetails::fromJson(const QJsonObject &json,
                                                      const QString &source)
{
    auto corrupt = [&source](const QString &field) {
        return Error(ErrorCode::Corrupt,
                     Tr::tr("The base backup details in %1 are damaged (field “%2”).")
                             .arg(source, field));
    };
    BaseBackupDetails d;
    for (const char *field : {"startLsn", "stopLsn", "firstWalSegment", "lastWalSegment"}) {
        if (!json.value(QLatin1String(field)).isString())
            return corrupt(QLatin1String(field));
    }
    d.label = json.value(u"label").toString();
    d.startLsn = json.value(u"startLsn").toString();
    d.stopLsn = json.value(u"stopLsn").toString();
    d.timeline = quint32(json.value(u"timeline").toDouble());
    d.stopTimeline = quint32(json.value(u"stopTimeline").toDouble());
    d.startTime = QDateTime::fromString(json.value(u"startTime").toString(), Qt::ISODateWithMs);
    d.stopTime = QDateTime::fromString(json.value(u"stopTime").toString(), Qt::ISODateWithMs);
    bool ok = false;
    d.systemIdentifier = json.value(u"systemIdentifier").toString().toULongLong(&ok);
    if (!ok)
        return corrupt(QStringLiteral("systemIdentifier"));
    d.serverVersion = json.value(u"serverVersion").toString();
    d.walSegmentSize = quint64(json.value(u"walSegmentSize").toDouble());
    d.firstWalSegment = json.value(u"firstWalSegment").toString();
    d.lastWalSegment = json.value(u"lastWalSegment").toString();
    d.checkpoint = json.value(u"checkpoint").toString();
    d.fromStandby = json.value(u"fromStandby").toBool();
    d.protocol = json.value(u"protocol").toString();
    const QJsonObject compression = json.value(u"compression").toObject();
    d.compression = compression.value(u"method").toString();
    d.compressLevel = compression.value(u"level").toInt();
    const QJsonValue archives = json.value(u"archives");
    if (!archives.isArray())
        return corrupt(QStringLiteral("archives"));
    for (const QJsonValue &value : archives.toArray()) {
        const QJsonObject item = value.toObject();
        BaseBackupArchive archive;
        archive.name = item.value(u"name").toString();
        archive.storedFile = item.value(u"file").toString();
        if (archive.name.isEmpty() || archive.storedFile.isEmpty())
            return corrupt(QStringLiteral("archives"));
        archive.tablespaceOid = quint32(item.value(u"tablespaceOid").toDouble());
        archive.location = item.value(u"location").toString();
        archive.estimatedBytes = qint64(item.value(u"estimatedBytes").toDouble(-1));
        archive.tarBytes = qint64(item.value(u"tarBytes").toDouble());
        archive.regularFiles = qint64(item.value(u"regularFiles").toDouble());
        d.archives.append(archive);
    }
    d.backupManifestFile = json.value(u"backupManifest").toString();
    d.manifestFiles = qint64(json.value(u"manifestFiles").toDouble());
    return d;
}

} // namespace PgVault
