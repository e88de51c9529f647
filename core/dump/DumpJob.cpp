#include "DumpJob.h"

#include "DumpDetails.h"
#include "DumpVerification.h"
#include "ToolMessages.h"
#include "ToolProcess.h"
#include "backup/BackupWriter.h"
#include "backup/StoredFileCheck.h"
#include "connection/PgConnection.h"
#include "repo/InputFile.h"
#include "repo/Repository.h"
#include "tools/ToolLocator.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

#include <algorithm>

namespace PgVault {

namespace {

constexpr qint64 ChunkSize = 1024 * 1024;

struct DatabaseFacts
{
    QString name;
    QString encoding;
    QString collate;
    QString ctype;
};

// What happened, from pg_dump's words: the user must know whether to fix privileges, the
// network or the server.
ErrorCode classifyToolFailure(const ToolProcess::Outcome &outcome)
{
    const QString text = outcome.errorLines.join(QLatin1Char('\n'));
    if (text.contains(QLatin1String("permission denied")))
        return ErrorCode::PermissionDenied;
    if (text.contains(QLatin1String("server closed the connection"))
        || text.contains(QLatin1String("terminating connection"))
        || text.contains(QLatin1String("could not connect"))
        || text.contains(QLatin1String("connection to server"))
        || text.contains(QLatin1String("no connection to the server")))
        return ErrorCode::ConnectionFailed;
    if (text.contains(QLatin1String("password authentication failed")))
        return ErrorCode::AuthenticationFailed;
    if (outcome.crashed)
        return ErrorCode::Internal;
    return ErrorCode::ServerError;
}

// Byte-weighted progress of one pg_dump run from its --verbose lines and its output.
class DumpProgress
{
public:
    DumpProgress(JobContext &context, const QMap<QString, qint64> &sizes, qint64 base)
        : m_context(context)
        , m_sizes(sizes)
        , m_base(base)
    {}

    void onLine(const QString &line)
    {
        const std::optional<QString> table = ToolMessages::dumpingTable(line);
        if (!table)
            return;
        m_finished += m_currentSize;
        m_currentSize = m_sizes.value(*table);
        m_currentStart = m_output;
        m_context.setCurrentItem(*table);
        m_context.addItemsDone();
        update();
    }
    void onOutput(qint64 bytes)
    {
        m_output += bytes;
        update();
    }
    qint64 done() const { return m_base + m_finished + m_currentSize; }

private:
    void update()
    {
        m_context.setBytesDone(m_base + m_finished
                               + std::min(m_output - m_currentStart, m_currentSize));
    }

    JobContext &m_context;
    const QMap<QString, qint64> &m_sizes;
    qint64 m_base = 0;
    qint64 m_finished = 0;
    qint64 m_currentSize = 0;
    qint64 m_currentStart = 0;
    qint64 m_output = 0;
};

class DumpRun
{
public:
    DumpRun(const DumpOptions &options, JobContext &context)
        : m_options(options)
        , m_context(context)
    {}

    Result<QJsonObject> run();

private:
    Status prepare();
    Status dumpDatabase(DumpedDatabase &database);
    Status dumpCustom(DumpedDatabase &database, const QString &connString);
    Status dumpDirectory(DumpedDatabase &database, const QString &connString);
    Status dumpGlobals();
    Status verify();
    Error toolFailure(const QString &tool, const QString &database,
                      const ToolProcess::Outcome &outcome) const;
    ZstdWriter::Options zstdOptions() const;
    QString connString(const QString &database) const;
    std::optional<QString> password() const;

    const DumpOptions &m_options;
    JobContext &m_context;
    ToolLocator m_tools;
    QString m_pgDump;
    QString m_pgDumpall;
    QString m_pgRestore;
    QString m_toolVersion;
    quint64 m_systemId = 0;
    QString m_serverVersion;
    int m_serverVersionNum = 0;
    QString m_address;
    QList<DatabaseFacts> m_databases;
    DumpDetails m_details;
    qint64 m_bytesBase = 0;
    std::unique_ptr<BackupWriter> m_writer;
};

std::optional<QString> DumpRun::password() const
{
    if (m_options.password)
        return m_options.password;
    if (m_options.server.hasPassword())
        return m_options.server.value(QStringLiteral("password"));
    return std::nullopt; // the child's libpq looks in PGPASSWORD and ~/.pgpass itself
}

QString DumpRun::connString(const QString &database) const
{
    // Never the password: it goes to the child's environment (see ToolProcess).
    return m_options.server.withoutPassword().withDatabase(database).toString();
}

ZstdWriter::Options DumpRun::zstdOptions() const
{
    ZstdWriter::Options options;
    options.level = m_options.compressLevel;
    options.workers = m_options.compressThreads > 0 ? m_options.compressThreads
                                                    : std::max(1, QThread::idealThreadCount());
    return options;
}

Error DumpRun::toolFailure(const QString &tool, const QString &database,
                           const ToolProcess::Outcome &outcome) const
{
    const QString what = outcome.summary(3);
    QString message;
    if (database.isEmpty()) {
        message = DumpJob::tr("%1 failed on %2: %3").arg(tool, m_address, what);
    } else {
        message = DumpJob::tr("%1 failed for database “%2” on %3: %4")
                          .arg(tool, database, m_address, what);
    }
    return Error(classifyToolFailure(outcome), message, outcome.detail());
}

Status DumpRun::prepare()
{
    m_context.setPhase(QStringLiteral("preparing"), DumpJob::tr("Preparing"));
    if (m_options.format == DumpFormat::Custom && m_options.jobs > 1) {
        return Error(ErrorCode::InvalidInput,
                     DumpJob::tr("Parallel dumps (%1 jobs) need the directory format.")
                             .arg(m_options.jobs));
    }
    if (m_options.jobs < 1 || m_options.compressLevel < 1 || m_options.compressLevel > 19) {
        return Error(ErrorCode::InvalidInput,
                     DumpJob::tr("Use at least one job and a compression level from 1 to 19."));
    }

    ConnInfo server = m_options.server;
    if (server.dbname().isEmpty())
        server.setDbname(QStringLiteral("postgres"));
    Result<PgConnection> connection = PgConnection::connect(server, m_options.password);
    if (!connection)
        return connection.error();
    m_address = connection->address();
    m_serverVersionNum = connection->serverVersionNum();
    m_serverVersion = connection->serverVersion().section(QLatin1Char(' '), 0, 0);
    Result<QString> sysid = connection->scalar(
            QStringLiteral("SELECT system_identifier FROM pg_control_system()"));
    if (!sysid)
        return sysid.error();
    m_systemId = sysid->toULongLong();

    Result<QueryResult> all = connection->exec(QStringLiteral(
            "SELECT datname, datallowconn, datistemplate, pg_encoding_to_char(encoding), "
            "datcollate, datctype FROM pg_database ORDER BY datname"));
    if (!all)
        return all.error();
    QMap<QString, DatabaseFacts> known;
    QStringList connectable;
    for (const QStringList &row : all->rows()) {
        known.insert(row.at(0), DatabaseFacts{row.at(0), row.at(3), row.at(4), row.at(5)});
        if (row.at(1) == QLatin1String("t") && row.at(2) == QLatin1String("f"))
            connectable.append(row.at(0));
    }
    QStringList wanted = m_options.databases;
    if (m_options.allDatabases)
        wanted = connectable;
    else if (wanted.isEmpty())
        wanted = {connection->database()};
    wanted.removeDuplicates();
    if (wanted.isEmpty()) {
        return Error(ErrorCode::NotFound,
                     DumpJob::tr("The server %1 has no database to dump.").arg(m_address));
    }
    for (const QString &name : std::as_const(wanted)) {
        if (!known.contains(name)) {
            return Error(
                    ErrorCode::NotFound,
                    DumpJob::tr("The database “%1” does not exist on %2.").arg(name, m_address));
        }
        m_databases.append(known.value(name));
    }
    connection->close();

    // The client tools must be of the server's major or newer: an older pg_dump refuses a
    // newer server, and the archive must be readable by the pg_restore we verify with.
    m_tools.setExtraDirs(m_options.extraToolDirs);
    const int major = m_serverVersionNum / 10000;
    Result<ToolCandidate> pgDump = m_tools.locate(QStringLiteral("pg_dump"), major);
    if (!pgDump)
        return pgDump.error();
    m_pgDump = pgDump->path;
    m_toolVersion = pgDump->version.text;
    Result<QString> pgRestore = m_tools.find(QStringLiteral("pg_restore"), major);
    if (!pgRestore)
        return pgRestore.error();
    m_pgRestore = *pgRestore;
    if (m_options.globals) {
        Result<QString> pgDumpall = m_tools.find(QStringLiteral("pg_dumpall"), major);
        if (!pgDumpall)
            return pgDumpall.error();
        m_pgDumpall = *pgDumpall;
    }

    // Table sizes weight the progress; schema and role names help reading the TOC later.
    qint64 total = 0;
    int index = 0;
    for (const DatabaseFacts &facts : std::as_const(m_databases)) {
        if (m_context.isCancelled())
            return JobContext::cancelledError();
        DumpedDatabase database;
        database.name = facts.name;
        database.format = m_options.format;
        database.stem = QStringLiteral("db-%1").arg(++index);
        database.encoding = facts.encoding;
        database.collate = facts.collate;
        database.ctype = facts.ctype;
        Result<PgConnection> db
                = PgConnection::connect(server.withDatabase(facts.name), m_options.password);
        if (!db)
            return db.error();
        Result<QueryResult> sizes = db->exec(QStringLiteral(
                "SELECT n.nspname, c.relname, pg_table_size(c.oid) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relkind IN ('r', 'm') AND n.nspname <> 'information_schema' "
                "AND n.nspname NOT LIKE 'pg\\_%'"));
        if (!sizes)
            return sizes.error().withContext(facts.name);
        for (const QStringList &row : sizes->rows()) {
            const qint64 size = row.at(2).toLongLong();
            database.tableBytes.insert(row.at(0) + QLatin1Char('.') + row.at(1), size);
            total += size;
        }
        Result<QueryResult> names
                = db->exec(QStringLiteral("SELECT nspname FROM pg_namespace UNION ALL "
                                          "SELECT NULL UNION ALL SELECT rolname FROM pg_roles"));
        if (!names)
            return names.error().withContext(facts.name);
        bool roles = false;
        for (const QStringList &row : names->rows()) {
            if (row.at(0).isNull())
                roles = true;
            else if (roles)
                database.roles.append(row.at(0));
            else
                database.schemas.append(row.at(0));
        }
        m_details.databases.append(database);
    }
    m_details.format = m_options.format;
    m_context.setBytesTotal(total);
    m_context.setItemsTotal(-1);
    return {};
}

Status DumpRun::dumpCustom(DumpedDatabase &database, const QString &conn)
{
    const QString name = database.stem + QStringLiteral(".pgdump.zst");
    Result<std::unique_ptr<StoredFileWriter>> file = m_writer->createFile(name, zstdOptions());
    if (!file)
        return file.error();
    DumpProgress progress(m_context, database.tableBytes, m_bytesBase);
    ToolProcess pgDump(m_pgDump, {QStringLiteral("--format=custom"), QStringLiteral("--compress=0"),
                                  QStringLiteral("--verbose"), QStringLiteral("--dbname=") + conn});
    pgDump.setPassword(password());
    pgDump.setCancelContext(&m_context);
    pgDump.setStderrHandler([&progress](const QString &line) { progress.onLine(line); });
    StoredFileWriter &out = **file;
    pgDump.setOutputHandler([&out, &progress](QByteArrayView bytes) {
        progress.onOutput(bytes.size());
        return out.write(bytes);
    });
    Result<ToolProcess::Outcome> outcome = pgDump.run();
    if (!outcome)
        return outcome.error().withContext(database.name);
    if (!outcome->succeeded())
        return toolFailure(QStringLiteral("pg_dump"), database.name, *outcome);
    Result<StoredFile> stored = out.finish();
    if (!stored)
        return stored.error();
    database.files = {stored->name};
    database.archiveBytes = stored->rawSize;
    return {};
}

Status DumpRun::dumpDirectory(DumpedDatabase &database, const QString &conn)
{
    // Inside the backup folder: a failed or cancelled dump removes it with the folder, and it
    // is on the repository's file system, whose free space the user chose for backups.
    const QString staging = m_writer->path() + QStringLiteral("/.staging-") + database.stem;
    DumpProgress progress(m_context, database.tableBytes, m_bytesBase);
    ToolProcess pgDump(
            m_pgDump, {QStringLiteral("--format=directory"), QStringLiteral("--compress=0"),
                       QStringLiteral("--jobs=%1").arg(m_options.jobs), QStringLiteral("--verbose"),
                       QStringLiteral("--file=") + staging, QStringLiteral("--dbname=") + conn});
    pgDump.setPassword(password());
    pgDump.setCancelContext(&m_context);
    pgDump.setStderrHandler([&progress](const QString &line) { progress.onLine(line); });
    Result<ToolProcess::Outcome> outcome = pgDump.run();
    if (!outcome)
        return outcome.error().withContext(database.name);
    if (!outcome->succeeded())
        return toolFailure(QStringLiteral("pg_dump"), database.name, *outcome);

    m_context.setPhase(QStringLiteral("compressing"),
                       DumpJob::tr("Compressing “%1”").arg(database.name));
    QStringList names = QDir(staging).entryList(QDir::Files, QDir::Name);
    // toc.dat first: it is what a restore and a verify read before anything else.
    if (names.removeAll(QStringLiteral("toc.dat")) > 0)
        names.prepend(QStringLiteral("toc.dat"));
    QByteArray buffer(ChunkSize, Qt::Uninitialized);
    for (const QString &fileName : std::as_const(names)) {
        const QString source = staging + QLatin1Char('/') + fileName;
        Result<std::unique_ptr<StoredFileWriter>> file = m_writer->createFile(
                database.stem + QLatin1Char('/') + fileName + QStringLiteral(".zst"),
                zstdOptions());
        if (!file)
            return file.error();
        m_context.setCurrentItem(fileName);
        InputFile input(source);
        if (Status opened = input.open(); !opened)
            return opened.error();
        for (;;) {
            if (m_context.isCancelled())
                return JobContext::cancelledError();
            Result<qint64> got = input.read(buffer.data(), buffer.size());
            if (!got)
                return got.error();
            if (*got == 0)
                break;
            if (Status written = (*file)->write(QByteArrayView(buffer.constData(), *got)); !written)
                return written.error();
        }
        Result<StoredFile> stored = (*file)->finish();
        if (!stored)
            return stored.error();
        database.files.append(stored->name);
        database.archiveBytes += stored->rawSize;
        QFile::remove(source); // frees the space as soon as the compressed copy is safe
    }
    QDir().rmdir(staging);
    return {};
}

Status DumpRun::dumpDatabase(DumpedDatabase &database)
{
    m_context.setPhase(QStringLiteral("dumping"), DumpJob::tr("Dumping “%1”").arg(database.name));
    m_context.info(DumpJob::tr("Dumping database “%1”.").arg(database.name));
    const QString conn = connString(database.name);
    Status status = database.format == DumpFormat::Directory ? dumpDirectory(database, conn)
                                                             : dumpCustom(database, conn);
    if (!status)
        return status;
    qint64 size = 0;
    for (qint64 bytes : std::as_const(database.tableBytes))
        size += bytes;
    m_bytesBase += size;
    m_context.setBytesDone(m_bytesBase);
    return {};
}

Status DumpRun::dumpGlobals()
{
    m_context.setPhase(QStringLiteral("dumping"), DumpJob::tr("Dumping roles and tablespaces"));
    Result<std::unique_ptr<StoredFileWriter>> file
            = m_writer->createFile(QStringLiteral("globals.sql.zst"), zstdOptions());
    if (!file)
        return file.error();
    ConnInfo server = m_options.server.withoutPassword();
    if (server.dbname().isEmpty())
        server.setDbname(QStringLiteral("postgres"));
    ToolProcess pgDumpall(m_pgDumpall, {QStringLiteral("--globals-only"),
                                        QStringLiteral("--dbname=") + server.toString()});
    pgDumpall.setPassword(password());
    pgDumpall.setCancelContext(&m_context);
    StoredFileWriter &out = **file;
    pgDumpall.setOutputHandler([&out](QByteArrayView bytes) { return out.write(bytes); });
    Result<ToolProcess::Outcome> outcome = pgDumpall.run();
    if (!outcome)
        return outcome.error();
    if (!outcome->succeeded())
        return toolFailure(QStringLiteral("pg_dumpall"), QString(), *outcome);
    Result<StoredFile> stored = out.finish();
    if (!stored)
        return stored.error();
    m_details.globalsFile = stored->name;
    return {};
}

Status DumpRun::verify()
{
    m_context.setPhase(QStringLiteral("verifying"), DumpJob::tr("Verifying"));
    const QList<StoredFile> files = m_writer->finishedFiles();
    qint64 stored = 0;
    for (const StoredFile &file : files)
        stored += file.storedSize;
    m_context.setBytesTotal(stored);
    m_context.setBytesDone(0);
    for (const StoredFile &file : files) {
        m_context.setCurrentItem(file.name);
        if (Status ok = checkStoredFile(m_writer->path(), file, &m_context,
                                        [this](qint64 bytes) { m_context.addBytesDone(bytes); });
            !ok)
            return ok;
    }
    for (DumpedDatabase &database : m_details.databases) {
        m_context.setCurrentItem(database.name);
        Result<QByteArray> list = DumpVerification::listArchive(m_writer->path(), database,
                                                                m_pgRestore, &m_context);
        if (!list)
            return list.error();
        Result<StoredFile> toc
                = m_writer->storeSmallFile(database.stem + QStringLiteral(".toc.zst"), *list);
        if (!toc)
            return toc.error();
        database.tocFile = toc->name;
    }
    return {};
}

Result<QJsonObject> DumpRun::run()
{
    if (Status prepared = prepare(); !prepared)
        return prepared.error();
    if (m_context.isCancelled())
        return JobContext::cancelledError();

    Result<Repository> repository = Repository::create(m_options.repositoryPath);
    if (!repository)
        return repository.error();
    QStringList names;
    for (const DumpedDatabase &database : std::as_const(m_details.databases))
        names.append(database.name);
    Result<std::unique_ptr<BackupWriter>> writer
            = BackupWriter::begin(*repository, m_systemId, BackupKind::Dump,
                                  DumpJob::tr("dump of %1").arg(names.join(QStringLiteral(", "))));
    if (!writer)
        return writer.error();
    m_writer = std::move(*writer);
    m_context.info(DumpJob::tr("Writing backup %1 with %2.").arg(m_writer->id(), m_toolVersion));

    for (DumpedDatabase &database : m_details.databases) {
        if (m_context.isCancelled())
            return JobContext::cancelledError();
        if (Status dumped = dumpDatabase(database); !dumped)
            return dumped.error();
    }
    if (m_options.globals) {
        if (Status dumped = dumpGlobals(); !dumped)
            return dumped.error();
    }
    if (Status verified = verify(); !verified)
        return verified.error();
    if (m_context.isCancelled())
        return JobContext::cancelledError();

    BackupManifest manifest;
    manifest.kind = BackupKind::Dump;
    manifest.systemId = m_systemId;
    manifest.serverVersion = m_serverVersion;
    manifest.serverVersionNum = m_serverVersionNum;
    manifest.toolVersion = m_toolVersion;
    manifest.databases = names;
    manifest.options = QJsonObject{
            {QStringLiteral("format"), DumpDetails::formatName(m_options.format)},
            {QStringLiteral("jobs"), m_options.jobs},
            {QStringLiteral("compressLevel"), m_options.compressLevel},
            {QStringLiteral("globals"), m_options.globals},
            {QStringLiteral("allDatabases"), m_options.allDatabases},
    };
    manifest.details = m_details.toJson();
    Result<BackupManifest> committed = m_writer->commit(manifest);
    if (!committed)
        return committed.error();
    m_context.setPhase(QStringLiteral("done"), DumpJob::tr("Done"));
    m_context.info(DumpJob::tr("Backup %1 is complete: %n database(s).", nullptr, int(names.size()))
                           .arg(committed->id));
    return QJsonObject{
            {QStringLiteral("backupId"), committed->id},
            {QStringLiteral("databases"), QJsonArray::fromStringList(names)},
            {QStringLiteral("rawBytes"), double(committed->rawSize())},
            {QStringLiteral("storedBytes"), double(committed->storedSize())},
    };
}

} // namespace

DumpJob::DumpJob(DumpOptions options, QObject *parent)
    : ThreadedJob(QStringLiteral("dump"), tr("Dump"), parent)
    , m_options(std::move(options))
{}

DumpJob::~DumpJob() = default;

Result<QJsonObject> DumpJob::work(JobContext &context)
{
    DumpRun run(m_options, context);
    return run.run();
}

} // namespace PgVault
