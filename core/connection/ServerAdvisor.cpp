#include "ServerAdvisor.h"

#include "Sql.h"
#include "common/Tr.h"

#include <QLocale>

#include <algorithm>
#include <climits>

namespace PgVault {

namespace {

QString formatTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : Tr::tr("an unknown time");
}

void checkReplication(const ServerFacts &f, QList<ServerWarning> &out)
{
    if (f.canReplicate())
        return;
    out.append(
            {QStringLiteral("no-replication-privilege"), ServerWarning::Severity::Warning,
             Tr::tr("The user “%1” lacks the REPLICATION privilege: physical base backups "
                    "and WAL streaming are not possible; logical dumps still work.")
                     .arg(f.currentUser),
             Tr::tr("A superuser can grant it with the SQL below (and pg_hba.conf needs a "
                    "line for the “replication” database)."),
             QStringLiteral("ALTER ROLE %1 REPLICATION;").arg(Sql::quoteIdentifier(f.currentUser)),
             false});
}

void checkWalLevel(const ServerFacts &f, QList<ServerWarning> &out)
{
    if (!f.walLevel || *f.walLevel != QLatin1String("minimal"))
        return;
    out.append({QStringLiteral("wal-level-minimal"), ServerWarning::Severity::Critical,
                Tr::tr("wal_level is minimal: the WAL lacks what base backups, WAL archiving and "
                       "point-in-time recovery need, so only logical dumps are possible."),
                Tr::tr("Set wal_level to replica and restart the server."),
                QStringLiteral("ALTER SYSTEM SET wal_level = 'replica';"), true});
}

void checkArchiving(const ServerFacts &f, QList<ServerWarning> &out)
{
    if (f.archiveMode && *f.archiveMode == QLatin1String("off")) {
        out.append({QStringLiteral("archive-mode-off"), ServerWarning::Severity::Warning,
                    Tr::tr("archive_mode is off: finished WAL segments are not archived, so "
                           "point-in-time recovery between backups is not possible (unless WAL "
                           "is streamed with wal-receive)."),
                    Tr::tr("Turn archiving on with the archiving assistant, or set archive_mode "
                           "and archive_command and restart the server."),
                    QStringLiteral("ALTER SYSTEM SET archive_mode = 'on';"), true});
        return;
    }
    if (f.archivingEnabled() && f.archiveCommand && !f.archiveCommandConfigured()) {
        out.append({QStringLiteral("archive-command-missing"), ServerWarning::Severity::Critical,
                    Tr::tr("Archiving is on but neither archive_command nor archive_library is "
                           "set: WAL segments pile up in pg_wal until the disk is full."),
                    Tr::tr("Set archive_command to PgVault's wal-push (the archiving assistant "
                           "does it) and reload the server."),
                    QString(), false});
    }
}

void checkArchiver(const ServerFacts &f, QList<ServerWarning> &out)
{
    if (!f.archiver || f.archiver->failedCount <= 0)
        return;
    const ServerFacts::Archiver &a = *f.archiver;
    const QString text = Tr::tr("The archiver has failed %n time(s); last failure on %1 for "
                                "segment %2.",
                                nullptr, int(std::min<qint64>(a.failedCount, INT_MAX)))
                                 .arg(formatTime(a.lastFailedTime), a.lastFailedWal);
    if (a.isFailing()) {
        out.append({QStringLiteral("archiver-failing"), ServerWarning::Severity::Critical,
                    text + QLatin1Char(' ')
                            + Tr::tr("Archiving is failing now: WAL segments pile up in pg_wal "
                                     "and point-in-time recovery past the last archived segment "
                                     "is not possible."),
                    Tr::tr("Look at the server log for the archive_command's error and fix the "
                           "command or the repository it writes to."),
                    QString(), false});
    } else {
        out.append({QStringLiteral("archiver-failed-before"), ServerWarning::Severity::Info,
                    text + QLatin1Char(' ')
                            + Tr::tr("Segments have been archived successfully since (last: %1).")
                                      .arg(a.lastArchivedWal),
                    QString(), QString(), false});
    }
}

void checkWalSenders(const ServerFacts &f, QList<ServerWarning> &out)
{
    if (f.maxWalSenders && *f.maxWalSenders == 0) {
        out.append({QStringLiteral("no-wal-senders"), ServerWarning::Severity::Warning,
                    Tr::tr("max_wal_senders is 0: base backups and WAL streaming are not "
                           "possible."),
                    Tr::tr("Set max_wal_senders to at least 2 and restart the server."),
                    QStringLiteral("ALTER SYSTEM SET max_wal_senders = 10;"), true});
    }
    if (f.maxReplicationSlots && f.replicationSlotsUsed && *f.maxReplicationSlots > 0
        && *f.replicationSlotsUsed >= *f.maxReplicationSlots) {
        out.append({QStringLiteral("replication-slots-exhausted"), ServerWarning::Severity::Warning,
                    Tr::tr("All %n replication slot(s) are in use: wal-receive cannot create a "
                           "slot of its own.",
                           nullptr, *f.maxReplicationSlots),
                    Tr::tr("Drop unused slots or raise max_replication_slots (restart needed)."),
                    QString(), false});
    }
}

void checkChecksums(const ServerFacts &f, QList<ServerWarning> &out)
{
    if (f.dataChecksums && !*f.dataChecksums) {
        out.append({QStringLiteral("data-checksums-off"), ServerWarning::Severity::Info,
                    Tr::tr("Data checksums are off: damaged data pages are not detected while "
                           "backing up."),
                    Tr::tr("They can be enabled with pg_checksums --enable while the server is "
                           "stopped."),
                    QString(), false});
    }
}

void checkDataDirectory(const ServerFacts &f, QList<ServerWarning> &out)
{
    if (f.dataDirectory)
        return;
    out.append({QStringLiteral("data-directory-unknown"), ServerWarning::Severity::Info,
                Tr::tr("The data directory is unknown to the user “%1”, so PgVault cannot tell "
                       "whether the server runs on this machine.")
                        .arg(f.currentUser),
                Tr::tr("Grant pg_read_all_settings to the user to let PgVault see it."),
                QStringLiteral("GRANT pg_read_all_settings TO %1;")
                        .arg(Sql::quoteIdentifier(f.currentUser)),
                false});
}

void checkClientTools(const ServerFacts &f, QList<ServerWarning> &out)
{
    if (!f.clientTools)
        return;
    for (const ClientToolsStatus::Tool &tool : f.clientTools->tools) {
        if (tool.found())
            continue;
        const bool dumpTool = !tool.exactMajor;
        const QString blocks
                = dumpTool
                          ? Tr::tr("Dumps and dump restores of this server are not possible.")
                          : Tr::tr(
                                  "Point-in-time restores and test restores of this server are not "
                                  "possible here.");
        const QString what = tool.exactMajor
                                     ? Tr::tr("%1 of PostgreSQL %2 is not installed.")
                                               .arg(tool.name)
                                               .arg(f.major)
                                     : Tr::tr("%1 of PostgreSQL %2 or newer is not installed.")
                                               .arg(tool.name)
                                               .arg(f.major);
        out.append({QStringLiteral("client-tool-missing:") + tool.name,
                    dumpTool ? ServerWarning::Severity::Warning : ServerWarning::Severity::Info,
                    what + QLatin1Char(' ') + blocks,
                    tool.error ? tool.error->message() : QString(), QString(), false});
    }
}

} // namespace

QList<ServerWarning> ServerAdvisor::warnings(const ServerFacts &facts)
{
    QList<ServerWarning> out;
    checkWalLevel(facts, out);
    checkArchiving(facts, out);
    checkArchiver(facts, out);
    checkReplication(facts, out);
    checkWalSenders(facts, out);
    checkClientTools(facts, out);
    checkDataDirectory(facts, out);
    checkChecksums(facts, out);
    std::stable_sort(out.begin(), out.end(), [](const ServerWarning &a, const ServerWarning &b) {
        return int(a.severity) > int(b.severity);
    });
    return out;
}

} // namespace PgVault
