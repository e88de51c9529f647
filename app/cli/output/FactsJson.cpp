#include "FactsJson.h"

namespace PgVault::Cli {

namespace {

template<typename T>
QJsonValue optional(const std::optional<T> &value)
{
    if (!value)
        return QJsonValue(QJsonValue::Null);
    if constexpr (std::is_same_v<T, qint64> || std::is_same_v<T, int>)
        return QJsonValue(qint64(*value));
    else
        return QJsonValue(*value);
}

QJsonValue time(const QDateTime &value)
{
    if (!value.isValid())
        return QJsonValue(QJsonValue::Null);
    return value.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject archiver(const ServerFacts::Archiver &a)
{
    return {
            {QStringLiteral("archivedCount"), a.archivedCount},
            {QStringLiteral("lastArchivedWal"), a.lastArchivedWal},
            {QStringLiteral("lastArchivedTime"), time(a.lastArchivedTime)},
            {QStringLiteral("failedCount"), a.failedCount},
            {QStringLiteral("lastFailedWal"), a.lastFailedWal},
            {QStringLiteral("lastFailedTime"), time(a.lastFailedTime)},
            {QStringLiteral("statsReset"), time(a.statsReset)},
            {QStringLiteral("isFailing"), a.isFailing()},
    };
}

} // namespace

QJsonObject FactsJson::facts(const ServerFacts &f)
{
    QJsonArray databases;
    for (const ServerFacts::Database &db : f.databases) {
        databases.append(QJsonObject{{QStringLiteral("name"), db.name},
                                     {QStringLiteral("sizeBytes"), optional(db.sizeBytes)},
                                     {QStringLiteral("isTemplate"), db.isTemplate},
                                     {QStringLiteral("allowsConnections"), db.allowsConnections}});
    }
    QJsonObject settings;
    for (auto it = f.settings.cbegin(); it != f.settings.cend(); ++it)
        settings.insert(it.key(), it.value());

    return {
            {QStringLiteral("host"), f.host},
            {QStringLiteral("port"), f.port},
            {QStringLiteral("address"), f.address},
            {QStringLiteral("database"), f.database},
            {QStringLiteral("inspectedAt"), time(f.inspectedAt)},
            {QStringLiteral("serverVersion"), f.serverVersion},
            {QStringLiteral("serverVersionNum"), f.serverVersionNum},
            {QStringLiteral("major"), f.major},
            {QStringLiteral("inRecovery"), f.inRecovery},
            // A string: JSON numbers lose precision above 2^53.
            {QStringLiteral("systemIdentifier"),
             f.systemIdentifier ? QJsonValue(f.systemIdentifierText()) : QJsonValue()},
            {QStringLiteral("dataDirectory"), optional(f.dataDirectory)},
            {QStringLiteral("dataDirectoryIsLocal"), f.dataDirectoryIsLocal},
            {QStringLiteral("localityReason"), f.localityReason},
            {QStringLiteral("currentUser"), f.currentUser},
            {QStringLiteral("isSuperuser"), f.isSuperuser},
            {QStringLiteral("hasReplication"), f.hasReplication},
            {QStringLiteral("canReplicate"), f.canReplicate()},
            {QStringLiteral("walLevel"), optional(f.walLevel)},
            {QStringLiteral("archiveMode"), optional(f.archiveMode)},
            {QStringLiteral("archiveCommand"), optional(f.archiveCommand)},
            {QStringLiteral("archiveLibrary"), optional(f.archiveLibrary)},
            {QStringLiteral("archivingEnabled"), f.archivingEnabled()},
            {QStringLiteral("archiveCommandConfigured"), f.archiveCommandConfigured()},
            {QStringLiteral("maxWalSenders"), optional(f.maxWalSenders)},
            {QStringLiteral("maxReplicationSlots"), optional(f.maxReplicationSlots)},
            {QStringLiteral("replicationSlotsUsed"), optional(f.replicationSlotsUsed)},
            {QStringLiteral("dataChecksums"), optional(f.dataChecksums)},
            {QStringLiteral("blockSize"), optional(f.blockSize)},
            {QStringLiteral("segmentSize"), optional(f.segmentSize)},
            {QStringLiteral("walSegmentSize"), optional(f.walSegmentSize)},
            {QStringLiteral("walBlockSize"), optional(f.walBlockSize)},
            {QStringLiteral("settings"), settings},
            {QStringLiteral("archiver"),
             f.archiver ? QJsonValue(archiver(*f.archiver)) : QJsonValue()},
            {QStringLiteral("databases"), databases},
            {QStringLiteral("clientTools"),
             f.clientTools ? QJsonValue(clientTools(*f.clientTools)) : QJsonValue()},
            {QStringLiteral("notes"), QJsonArray::fromStringList(f.notes)},
    };
}

QJsonObject FactsJson::clientTools(const ClientToolsStatus &tools)
{
    QJsonArray list;
    for (const ClientToolsStatus::Tool &tool : tools.tools) {
        QJsonObject entry{
                {QStringLiteral("name"), tool.name},
                {QStringLiteral("exactMajor"), tool.exactMajor},
                {QStringLiteral("found"), tool.found()},
                {QStringLiteral("path"), tool.found() ? QJsonValue(tool.path) : QJsonValue()},
                {QStringLiteral("version"),
                 tool.version ? QJsonValue(tool.version->text) : QJsonValue()},
                {QStringLiteral("major"),
                 tool.version ? QJsonValue(tool.version->major) : QJsonValue()},
        };
        if (tool.error)
            entry.insert(QStringLiteral("error"), tool.error->message());
        list.append(entry);
    }
    return {
            {QStringLiteral("serverMajor"), tools.serverMajor},
            {QStringLiteral("allFound"), tools.allFound()},
            {QStringLiteral("missing"), QJsonArray::fromStringList(tools.missingTools())},
            {QStringLiteral("tools"), list},
    };
}

QJsonArray FactsJson::warnings(const QList<ServerWarning> &warnings)
{
    QJsonArray list;
    for (const ServerWarning &w : warnings) {
        list.append(QJsonObject{
                {QStringLiteral("id"), w.id},
                {QStringLiteral("severity"), severityName(w.severity)},
                {QStringLiteral("text"), w.text},
                {QStringLiteral("fixHint"), w.fixHint},
                {QStringLiteral("fixSql"), w.fixSql},
                {QStringLiteral("fixNeedsRestart"), w.fixNeedsRestart},
        });
    }
    return list;
}

QString FactsJson::severityName(ServerWarning::Severity severity)
{
    switch (severity) {
    case ServerWarning::Severity::Info: return QStringLiteral("info");
    case ServerWarning::Severity::Warning: return QStringLiteral("warning");
    case ServerWarning::Severity::Critical: return QStringLiteral("critical");
    }
    return QStringLiteral("warning");
}

} // namespace PgVault::Cli
