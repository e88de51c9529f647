#include "ServerReport.h"

#include "framework/CliTr.h"

#include "common/Format.h"

#include <QLocale>

namespace PgVault::Cli {

namespace {

QString orUnknown(const std::optional<QString> &value)
{
    return value ? *value : Tr::tr("unknown (not visible to this user)");
}

QString yesNo(bool value)
{
    return value ? Tr::tr("yes") : Tr::tr("no");
}

QString privileges(const ServerFacts &f)
{
    QStringList list;
    if (f.isSuperuser)
        list.append(Tr::tr("superuser"));
    if (f.hasReplication)
        list.append(Tr::tr("replication"));
    if (list.isEmpty())
        list.append(Tr::tr("no superuser, no replication"));
    return Tr::tr("%1 (%2)").arg(f.currentUser, list.join(QStringLiteral(", ")));
}

QString archiving(const ServerFacts &f)
{
    QString text = Tr::tr("archive_mode %1").arg(orUnknown(f.archiveMode));
    if (f.archiveCommand && f.archiveCommandConfigured())
        text += Tr::tr(", archive_command “%1”").arg(*f.archiveCommand);
    if (f.archiveLibrary && !f.archiveLibrary->isEmpty())
        text += Tr::tr(", archive_library “%1”").arg(*f.archiveLibrary);
    return text;
}

QString archiverState(const ServerFacts::Archiver &a)
{
    QString text = Tr::tr("%1 archived, %2 failed").arg(a.archivedCount).arg(a.failedCount);
    if (a.lastArchivedTime.isValid()) {
        text += Tr::tr("; last archived %1 at %2")
                        .arg(a.lastArchivedWal, QLocale().toString(a.lastArchivedTime.toLocalTime(),
                                                                   QLocale::ShortFormat));
    }
    if (a.isFailing())
        text += Tr::tr("; FAILING since %1 (%2)")
                        .arg(QLocale().toString(a.lastFailedTime.toLocalTime(),
                                                QLocale::ShortFormat),
                             a.lastFailedWal);
    return text;
}

} // namespace

QStringList ServerReport::labelled(const QList<std::pair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &[label, value] : rows)
        width = qMax(width, label.size());
    QStringList lines;
    for (const auto &[label, value] : rows)
        lines.append(label.leftJustified(width + 2) + value);
    return lines;
}

QStringList ServerReport::facts(const ServerFacts &f)
{
    QList<std::pair<QString, QString>> rows;
    rows.append({Tr::tr("Server"), Tr::tr("%1, database “%2”").arg(f.address, f.database)});
    rows.append({Tr::tr("Version"), Tr::tr("PostgreSQL %1").arg(f.serverVersion)});
    if (f.inRecovery)
        rows.append({Tr::tr("Role of server"), Tr::tr("standby (in recovery)")});
    if (f.systemIdentifier)
        rows.append({Tr::tr("System id"), f.systemIdentifierText()});
    rows.append({Tr::tr("Connected as"), privileges(f)});
    QString dataDir = orUnknown(f.dataDirectory);
    if (f.dataDirectory)
        dataDir += f.dataDirectoryIsLocal ? Tr::tr(" (on this machine)")
                                          : Tr::tr(" (not on this machine)");
    rows.append({Tr::tr("Data directory"), dataDir});
    rows.append({Tr::tr("wal_level"), orUnknown(f.walLevel)});
    rows.append({Tr::tr("Archiving"), archiving(f)});
    if (f.archiver)
        rows.append({Tr::tr("Archiver"), archiverState(*f.archiver)});
    if (f.maxWalSenders) {
        QString replication = Tr::tr("max_wal_senders %1").arg(*f.maxWalSenders);
        if (f.maxReplicationSlots) {
            replication += Tr::tr(", replication slots %1 of %2 used")
                                   .arg(f.replicationSlotsUsed.value_or(0))
                                   .arg(*f.maxReplicationSlots);
        }
        rows.append({Tr::tr("Replication"), replication});
    }
    if (f.dataChecksums)
        rows.append({Tr::tr("Data checksums"), yesNo(*f.dataChecksums)});
    QStringList names;
    for (const ServerFacts::Database &db : f.databases) {
        // The ones one can work with; template0 and the like are nobody's data.
        if (db.allowsConnections) {
            names.append(db.sizeBytes ? Tr::tr("%1 (%2)").arg(db.name, formatBytes(*db.sizeBytes))
                                      : db.name);
        }
    }
    if (!names.isEmpty())
        rows.append({Tr::tr("Databases"), names.join(QStringLiteral(", "))});
    QStringList lines = labelled(rows);
    for (const QString &note : f.notes)
        lines.append(Tr::tr("Note: %1").arg(note));
    return lines;
}

QStringList ServerReport::clientTools(const ClientToolsStatus &tools)
{
    QList<std::pair<QString, QString>> rows;
    for (const ClientToolsStatus::Tool &tool : tools.tools) {
        QString value;
        if (tool.found()) {
            value = tool.version ? Tr::tr("%1 (%2)").arg(tool.path, tool.version->text) : tool.path;
        } else {
            value = tool.error ? tool.error->message() : Tr::tr("not found");
        }
        rows.append({tool.name, value});
    }
    return labelled(rows);
}

QStringList ServerReport::warnings(const QList<ServerWarning> &warnings)
{
    if (warnings.isEmpty())
        return {Tr::tr("No problems found.")};
    QStringList lines;
    for (const ServerWarning &w : warnings) {
        QString severity;
        switch (w.severity) {
        case ServerWarning::Severity::Info: severity = Tr::tr("Note"); break;
        case ServerWarning::Severity::Warning: severity = Tr::tr("Warning"); break;
        case ServerWarning::Severity::Critical: severity = Tr::tr("Critical"); break;
        }
        lines.append(QStringLiteral("%1: %2").arg(severity, w.text));
        if (!w.fixHint.isEmpty())
            lines.append(QStringLiteral("  ") + w.fixHint);
        if (!w.fixSql.isEmpty()) {
            lines.append(
                    QStringLiteral("    ") + w.fixSql
                    + (w.fixNeedsRestart ? Tr::tr("   (then restart the server)") : QString()));
        }
    }
    return lines;
}

} // namespace PgVault::Cli
