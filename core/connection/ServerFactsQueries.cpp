#include "ServerFactsQueries.h"

#include "common/Tr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace PgVault {

namespace {

bool isTrue(const QString &value)
{
    return value == QLatin1String("t") || value == QLatin1String("true")
           || value == QLatin1String("on");
}

std::optional<int> toInt(const QString &value)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok ? std::optional<int>(n) : std::nullopt;
}

QDateTime fromEpoch(const QString &seconds)
{
    if (seconds.isNull())
        return {};
    bool ok = false;
    const double value = seconds.toDouble(&ok);
    if (!ok)
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(value * 1000.0), Qt::UTC);
}

const QStringList &settingNames()
{
    static const QStringList names = {
            QStringLiteral("data_directory"),
            QStringLiteral("wal_level"),
            QStringLiteral("archive_mode"),
            QStringLiteral("archive_command"),
            QStringLiteral("archive_library"),
            QStringLiteral("max_wal_senders"),
            QStringLiteral("max_replication_slots"),
            QStringLiteral("data_checksums"),
            QStringLiteral("block_size"),
            QStringLiteral("segment_size"),
            QStringLiteral("wal_segment_size"),
            QStringLiteral("wal_block_size"),
    };
    return names;
}

void applyBasics(const QueryResult &r, ServerFacts &f)
{
    if (r.rowCount() == 0)
        return;
    f.serverVersion = r.value(0, QStringLiteral("server_version"));
    f.serverVersionNum = r.value(0, QStringLiteral("server_version_num")).toInt();
    f.major = f.serverVersionNum >= 100000 ? f.serverVersionNum / 10000 : f.serverVersionNum / 100;
    f.currentUser = r.value(0, QStringLiteral("role_name"));
    f.isSuperuser = isTrue(r.value(0, QStringLiteral("rolsuper")));
    f.hasReplication = isTrue(r.value(0, QStringLiteral("rolreplication")));
    f.inRecovery = isTrue(r.value(0, QStringLiteral("in_recovery")));
}

void applySettings(const QueryResult &r, ServerFacts &f)
{
    for (int row = 0; row < r.rowCount(); ++row) {
        const QString name = r.value(row, 0);
        const QString setting = r.value(row, 1);
        const QString unit = r.value(row, 2);
        f.settings.insert(name, unit.isEmpty() ? setting : setting + QLatin1Char(' ') + unit);

        if (name == QLatin1String("data_directory"))
            f.dataDirectory = setting;
        else if (name == QLatin1String("wal_level"))
            f.walLevel = setting;
        else if (name == QLatin1String("archive_mode"))
            f.archiveMode = setting;
        else if (name == QLatin1String("archive_command"))
            f.archiveCommand = setting;
        else if (name == QLatin1String("archive_library"))
            f.archiveLibrary = setting;
        else if (name == QLatin1String("max_wal_senders"))
            f.maxWalSenders = toInt(setting);
        else if (name == QLatin1String("max_replication_slots"))
            f.maxReplicationSlots = toInt(setting);
        else if (name == QLatin1String("data_checksums"))
            f.dataChecksums = isTrue(setting);
        else if (name == QLatin1String("block_size"))
            f.blockSize = toInt(setting);
        else if (name == QLatin1String("wal_block_size"))
            f.walBlockSize = toInt(setting);
        else if (name == QLatin1String("segment_size"))
            f.segmentSize = ServerFactsQueries::settingInBytes(setting, unit);
        else if (name == QLatin1String("wal_segment_size"))
            f.walSegmentSize = ServerFactsQueries::settingInBytes(setting, unit);
    }
    if (!f.dataDirectory) {
        f.notes.append(Tr::tr("The data directory is unknown: reading it needs superuser or "
                              "membership in pg_read_all_settings."));
    }
}

void applySystemIdentifier(const QueryResult &r, ServerFacts &f)
{
    if (r.rowCount() == 0 || r.isNull(0, 0))
        return;
    // bigint in SQL; the identifier itself is unsigned (IDENTIFY_SYSTEM prints it so).
    bool ok = false;
    const qint64 signedValue = r.value(0, 0).toLongLong(&ok);
    if (ok)
        f.systemIdentifier = quint64(signedValue);
}

void applySlots(const QueryResult &r, ServerFacts &f)
{
    if (r.rowCount() > 0)
        f.replicationSlotsUsed = toInt(r.value(0, 0));
}

void applyArchiver(const QueryResult &r, ServerFacts &f)
{
    if (r.rowCount() == 0)
        return;
    ServerFacts::Archiver a;
    a.archivedCount = r.value(0, QStringLiteral("archived_count")).toLongLong();
    a.lastArchivedWal = r.value(0, QStringLiteral("last_archived_wal"));
    a.lastArchivedTime = fromEpoch(r.value(0, QStringLiteral("last_archived_time")));
    a.failedCount = r.value(0, QStringLiteral("failed_count")).toLongLong();
    a.lastFailedWal = r.value(0, QStringLiteral("last_failed_wal"));
    a.lastFailedTime = fromEpoch(r.value(0, QStringLiteral("last_failed_time")));
    a.statsReset = fromEpoch(r.value(0, QStringLiteral("stats_reset")));
    f.archiver = a;
}

void applyDatabases(const QueryResult &r, ServerFacts &f)
{
    f.databases.clear();
    for (int row = 0; row < r.rowCount(); ++row) {
        ServerFacts::Database db;
        db.name = r.value(row, 0);
        if (!r.isNull(row, 1))
            db.sizeBytes = r.value(row, 1).toLongLong();
        db.isTemplate = isTrue(r.value(row, 2));
        db.allowsConnections = isTrue(r.value(row, 3));
        f.databases.append(db);
    }
}

} // namespace

QList<ServerFactsQueries::Step> ServerFactsQueries::steps()
{
    QList<Step> steps;
    steps.append({QStringLiteral("basics"),
                  Tr::tr("the server version and role"),
                  QStringLiteral("SELECT current_setting('server_version') AS server_version,"
                                 " current_setting('server_version_num') AS server_version_num,"
                                 " r.rolname AS role_name, r.rolsuper, r.rolreplication,"
                                 " pg_is_in_recovery() AS in_recovery"
                                 " FROM pg_roles r WHERE r.rolname = current_user"),
                  {},
                  true,
                  applyBasics});
    steps.append({QStringLiteral("settings"),
                  Tr::tr("the server settings"),
                  QStringLiteral("SELECT name, setting, unit FROM pg_settings"
                                 " WHERE name = ANY (string_to_array($1, ','))"),
                  {settingNames().join(QLatin1Char(','))},
                  true,
                  applySettings});
    steps.append({QStringLiteral("system identifier"),
                  Tr::tr("the system identifier"),
                  QStringLiteral("SELECT system_identifier FROM pg_control_system()"),
                  {},
                  false,
                  applySystemIdentifier});
    steps.append({QStringLiteral("replication slots"),
                  Tr::tr("the replication slots"),
                  QStringLiteral("SELECT count(*) FROM pg_replication_slots"),
                  {},
                  false,
                  applySlots});
    // The columns are the same from 9.4 to 18; times as epoch seconds, independent of the
    // session's DateStyle and TimeZone.
    steps.append({QStringLiteral("archiver"),
                  Tr::tr("the archiver statistics"),
                  QStringLiteral("SELECT archived_count, last_archived_wal,"
                                 " extract(epoch FROM last_archived_time) AS last_archived_time,"
                                 " failed_count, last_failed_wal,"
                                 " extract(epoch FROM last_failed_time) AS last_failed_time,"
                                 " extract(epoch FROM stats_reset) AS stats_reset"
                                 " FROM pg_stat_archiver"),
                  {},
                  false,
                  applyArchiver});
    steps.append({QStringLiteral("databases"),
                  Tr::tr("the database list"),
                  QStringLiteral("SELECT datname,"
                                 " CASE WHEN has_database_privilege(oid, 'CONNECT')"
                                 " THEN pg_database_size(oid) END,"
                                 " datistemplate, datallowconn"
                                 " FROM pg_database ORDER BY datname"),
                  {},
                  false,
                  applyDatabases});
    return steps;
}

void ServerFactsQueries::applyConnection(ServerFacts &facts, const QString &host, int port,
                                         const QString &address, const QString &database)
{
    facts.host = host;
    facts.port = port;
    facts.address = address;
    facts.database = database;
    facts.inspectedAt = QDateTime::currentDateTimeUtc();
}

void ServerFactsQueries::noteFailure(ServerFacts &facts, const Step &step, const Error &error)
{
    facts.notes.append(Tr::tr("Could not read %1: %2").arg(step.title, error.message()));
}

bool ServerFactsQueries::isLocalHost(const QString &host)
{
    if (host.startsWith(QLatin1Char('/')) || host.startsWith(QLatin1Char('@')))
        return true; // unix socket directory (or abstract socket)
    const QString h = host.toLower();
    return h == QLatin1String("localhost") || h == QLatin1String("127.0.0.1")
           || h == QLatin1String("::1") || h == QLatin1String("[::1]");
}

void ServerFactsQueries::assessLocality(ServerFacts &facts)
{
    facts.dataDirectoryIsLocal = false;
    if (!isLocalHost(facts.host)) {
        facts.localityReason
                = Tr::tr("The server is reached over the network at %1, so its data directory is "
                         "not on this machine.")
                          .arg(facts.address);
        return;
    }
    if (!facts.dataDirectory || facts.dataDirectory->isEmpty()) {
        facts.localityReason
                = Tr::tr("Connected locally, but the data directory is unknown (it needs superuser "
                         "or pg_read_all_settings), so PgVault cannot tell whether it is on this "
                         "machine.");
        return;
    }
    const QString dir = *facts.dataDirectory;
    if (!QFileInfo(dir).isDir()) {
        facts.localityReason
                = Tr::tr("Connected locally, but the data directory %1 does not exist here (the "
                         "server may run in a container or another namespace).")
                          .arg(dir);
        return;
    }
    QFile version(QDir(dir).filePath(QStringLiteral("PG_VERSION")));
    if (!version.open(QIODevice::ReadOnly)) {
        facts.localityReason = Tr::tr("The data directory %1 exists here, but its PG_VERSION "
                                      "file cannot be read by this user (%2).")
                                       .arg(dir, version.errorString());
        return;
    }
    const QString text = QString::fromLatin1(version.read(32)).trimmed();
    if (facts.major > 0 && text != QString::number(facts.major)) {
        facts.localityReason = Tr::tr("The data directory %1 here belongs to PostgreSQL %2, not "
                                      "to the PostgreSQL %3 server connected to.")
                                       .arg(dir, text)
                                       .arg(facts.major);
        return;
    }
    facts.dataDirectoryIsLocal = true;
    facts.localityReason
            = Tr::tr("The server runs on this machine: connected via %1 and its data directory %2 "
                     "is readable here.")
                      .arg(facts.address, dir);
}

std::optional<qint64> ServerFactsQueries::settingInBytes(const QString &setting,
                                                         const QString &unit)
{
    bool ok = false;
    const qint64 value = setting.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    if (unit.isEmpty() || unit == QLatin1String("B"))
        return value;
    static const QRegularExpression re(QStringLiteral(R"(^(\d*)\s*(B|kB|MB|GB|TB)$)"));
    const QRegularExpressionMatch m = re.match(unit);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 count = m.captured(1).isEmpty() ? 1 : m.captured(1).toLongLong();
    const QString suffix = m.captured(2);
    qint64 factor = 1;
    if (suffix == QLatin1String("kB"))
        factor = 1024;
    else if (suffix == QLatin1String("MB"))
        factor = 1024 * 1024;
    else if (suffix == QLatin1String("GB"))
        factor = qint64(1024) * 1024 * 1024;
    else if (suffix == QLatin1String("TB"))
        factor = qint64(1024) * 1024 * 1024 * 1024;
    return value * count * factor;
}

} // namespace PgVault
