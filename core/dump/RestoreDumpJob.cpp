#include "RestoreDumpJob.h"

#include "DumpDetails.h"
#include "DumpToc.h"
#include "DumpVerification.h"
#include "RestoreSelection.h"
#include "ToolMessages.h"
#include "ToolProcess.h"
#include "backup/BackupCatalog.h"
#include "backup/StoredFileCheck.h"
#include "connection/PgConnection.h"
#include "connection/Sql.h"
#include "repo/AtomicFile.h"
#include "repo/Repository.h"
#include "repo/ZstdReader.h"
#include "tools/ToolLocator.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

namespace PgVault {

namespace {

constexpr qint64 ChunkSize = 1024 * 1024;

// Objects a database holds beyond what CREATE DATABASE … TEMPLATE template0 gives it.
const char *const UserObjectsQuery
        = "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
          "        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
          "        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%') "
          "     + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
          "        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')) "
          "     + (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
          "        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
          "        AND t.typtype IN ('e', 'd', 'r', 'm')) "
          "     + (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql') "
          "     + (SELECT count(*) FROM pg_namespace WHERE nspname NOT IN "
          "        ('public', 'pg_catalog', 'information_schema') "
          "        AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%') "
          "     + (SELECT count(*) FROM pg_largeobject_metadata)";

class RestoreRun
{
public:
    RestoreRun(const RestoreDumpOptions &options, JobContext &context)
        : m_options(options)
        , m_context(context)
    {}
    ~RestoreRun() { dropCreatedDatabase(); }

    Result<QJsonObject> run();

private:
    Status findBackup();
    Status checkFiles();
    Status checkTarget();
    Status readToc();
    Status createDatabase();
    Status restore();
    Status decompressInto(const QString &dir, QString &restoreSource);
    void dropCreatedDatabase();
    std::optional<QString> password() const;
    ConnInfo maintenanceTarget() const;

    const RestoreDumpOptions &m_options;
    JobContext &m_context;
    QString m_backupDir;
    BackupManifest m_manifest;
    DumpDetails m_details;
    DumpedDatabase m_database;
    QString m_address;
    int m_targetMajor = 0;
    QString m_pgRestore;
    std::optional<TocArchive> m_toc;
    std::optional<RestoreSelection> m_selection;
    bool m_created = false;
    bool m_succeeded = false;
    QStringList m_warnings;
};

std::optional<QString> RestoreRun::password() const
{
    if (m_options.password)
        return m_options.password;
    if (m_options.target.hasPassword())
        return m_options.target.value(QStringLiteral("password"));
    return std::nullopt;
}

ConnInfo RestoreRun::maintenanceTarget() const
{
    ConnInfo target = m_options.target;
    if (target.dbname().isEmpty() || target.dbname() == m_options.targetDatabase)
        target.setDbname(QStringLiteral("postgres"));
    return target;
}

Status RestoreRun::findBackup()
{
    Result<Repository> repository = Repository::open(m_options.repositoryPath);
    if (!repository)
        return repository.error();
    Result<BackupEntry> entry = BackupCatalog::findRestorable(*repository, m_options.backupId);
    if (!entry)
        return entry.error();
    m_backupDir = entry->path;
    m_manifest = *entry->manifest;
    if (m_manifest.kind != BackupKind::Dump) {
        return Error(ErrorCode::InvalidInput,
                     RestoreDumpJob::tr("The backup %1 is not a dump; restore it with “restore”.")
                             .arg(m_options.backupId));
    }
    Result<DumpDetails> details = DumpDetails::fromJson(
            m_manifest.details,
            m_backupDir + QLatin1Char('/') + QLatin1String(BackupManifest::FileName));
    if (!details)
        return details.error();
    m_details = *details;

    QStringList names;
    for (const DumpedDatabase &db : std::as_const(m_details.databases))
        names.append(db.name);
    if (m_options.sourceDatabase.isEmpty()) {
        if (m_details.databases.size() != 1) {
            return Error(ErrorCode::InvalidInput,
                         RestoreDumpJob::tr("The backup %1 holds several databases (%2); choose "
                                            "one with --from-db.")
                                 .arg(m_options.backupId, names.join(QStringLiteral(", "))));
        }
        m_database = m_details.databases.first();
    } else if (const DumpedDatabase *db = m_details.database(m_options.sourceDatabase)) {
        m_database = *db;
    } else {
        return Error(ErrorCode::NotFound,
                     RestoreDumpJob::tr("The backup %1 holds no database “%2” (it holds %3).")
                             .arg(m_options.backupId, m_options.sourceDatabase,
                                  names.join(QStringLiteral(", "))));
    }
    return {};
}

Status RestoreRun::checkFiles()
{
    QStringList names = m_database.files;
    if (!m_database.tocFile.isEmpty())
        names.append(m_database.tocFile);
    QList<StoredFile> files;
    qint64 total = 0;
    for (const QString &name : std::as_const(names)) {
        const StoredFile *file = m_manifest.file(name);
        if (!file) {
            return Error(ErrorCode::Corrupt,
                         RestoreDumpJob::tr("The manifest of backup %1 does not list the file %2.")
                                 .arg(m_options.backupId, name));
        }
        files.append(*file);
        total += file->storedSize;
    }
    m_context.setBytesTotal(total);
    m_context.setBytesDone(0);
    for (const StoredFile &file : std::as_const(files)) {
        m_context.setCurrentItem(file.name);
        if (Status ok = checkStoredFile(m_backupDir, file, &m_context,
                                        [this](qint64 bytes) { m_context.addBytesDone(bytes); });
            !ok)
            return ok.error().withContext(
                    RestoreDumpJob::tr("Backup %1 cannot be restored").arg(m_options.backupId));
    }
    return {};
}

Status RestoreRun::checkTarget()
{
    Result<PgConnection> connection
            = PgConnection::connect(maintenanceTarget(), m_options.password);
    if (!connection)
        return connection.error();
    m_address = connection->address();
    m_targetMajor = connection->serverVersionNum() / 10000;
    Result<QueryResult> exists
            = connection->exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"),
                               {m_options.targetDatabase});
    if (!exists)
        return exists.error();
    const bool found = exists->rowCount() > 0;
    if (m_options.create && found) {
        return Error(ErrorCode::AlreadyExists,
                     RestoreDumpJob::tr("The database “%1” already exists on %2. Choose another "
                                        "name, or restore into it without --create (with "
                                        "--clean to replace its objects).")
                             .arg(m_options.targetDatabase, m_address));
    }
    if (!m_options.create && !found) {
        return Error(ErrorCode::NotFound,
                     RestoreDumpJob::tr("The database “%1” does not exist on %2; use --create to "
                                        "create it.")
                             .arg(m_options.targetDatabase, m_address));
    }
    if (!m_options.create) {
        Result<PgConnection> target = PgConnection::connect(
                m_options.target.withDatabase(m_options.targetDatabase), m_options.password);
        if (!target)
            return target.error();
        Result<QString> objects = target->scalar(QLatin1String(UserObjectsQuery));
        if (!objects)
            return objects.error();
        if (objects->toLongLong() > 0 && !m_options.clean) {
            return Error(ErrorCode::InvalidInput,
                         RestoreDumpJob::tr("The database “%1” on %2 is not empty. Restore into "
                                            "an empty database, create a new one with --create, "
                                            "or use --clean to drop and recreate the backup's "
                                            "objects in it.")
                                 .arg(m_options.targetDatabase, m_address));
        }
    }

    ToolLocator tools;
    tools.setExtraDirs(m_options.extraToolDirs);
    // pg_restore must read the archive (made by the dump's pg_dump) and talk to the target.
    const int major = std::max(m_targetMajor, m_manifest.serverVersionNum / 10000);
    Result<QString> pgRestore = tools.find(QStringLiteral("pg_restore"), major);
    if (!pgRestore)
        return pgRestore.error();
    m_pgRestore = *pgRestore;
    return {};
}

Status RestoreRun::readToc()
{
    if (!m_database.tocFile.isEmpty()) {
        Result<TocArchive> stored = DumpToc::load(m_backupDir, m_database);
        if (!stored)
            return stored.error();
        m_toc = std::move(stored).value();
    } else {
        // A dump without a stored list: ask pg_restore for it.
        Result<QByteArray> listed
                = DumpVerification::listArchive(m_backupDir, m_database, m_pgRestore, &m_context);
        if (!listed)
            return listed.error();
        Result<TocArchive> toc = DumpToc::parse(*listed, m_database);
        if (!toc)
            return toc.error();
        m_toc = std::move(toc).value();
    }
    if (!m_options.schemas.isEmpty() || !m_options.tables.isEmpty()) {
        Result<RestoreSelection> selection
                = RestoreSelection::plan(*m_toc, m_options.schemas, m_options.tables);
        if (!selection)
            return selection.error().withContext(RestoreDumpJob::tr("Backup %1, database “%2”")
                                                         .arg(m_options.backupId, m_database.name));
        m_selection = *selection;
        for (const QString &line : std::as_const(m_selection->explanations))
            m_context.info(line);
    }
    return {};
}

Status RestoreRun::createDatabase()
{
    Result<PgConnection> connection
            = PgConnection::connect(maintenanceTarget(), m_options.password);
    if (!connection)
        return connection.error();
    const QString name = Sql::quoteIdentifier(m_options.targetDatabase);
    // template0: a copy of template1 may hold objects of its own that would collide.
    QString sql = QStringLiteral("CREATE DATABASE %1 TEMPLATE template0").arg(name);
    if (!m_database.encoding.isEmpty())
        sql += QStringLiteral(" ENCODING %1").arg(Sql::quoteLiteral(m_database.encoding));
    QString withLocale = sql;
    if (!m_database.collate.isEmpty() && !m_database.ctype.isEmpty()) {
        withLocale += QStringLiteral(" LC_COLLATE %1 LC_CTYPE %2")
                              .arg(Sql::quoteLiteral(m_database.collate),
                                   Sql::quoteLiteral(m_database.ctype));
    }
    Result<QueryResult> created = connection->exec(withLocale);
    if (!created && withLocale != sql && created.error().code() != ErrorCode::PermissionDenied) {
        // The dumped database's locale may not exist on this machine.
        m_context.warning(RestoreDumpJob::tr("The database “%1” was created with the server's "
                                             "default locale: %2")
                                  .arg(m_options.targetDatabase, created.error().message()));
        created = connection->exec(sql);
    }
    if (!created)
        return created.error().withContext(m_options.targetDatabase);
    m_created = true;
    m_context.info(RestoreDumpJob::tr("Created the database “%1” on %2.")
                           .arg(m_options.targetDatabase, m_address));
    return {};
}

void RestoreRun::dropCreatedDatabase()
{
    if (!m_created || m_succeeded)
        return;
    m_created = false;
    Result<PgConnection> connection
            = PgConnection::connect(maintenanceTarget(), m_options.password);
    if (!connection)
        return;
    Result<QueryResult> dropped
            = connection->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)")
                                       .arg(Sql::quoteIdentifier(m_options.targetDatabase)));
    if (dropped) {
        m_context.info(RestoreDumpJob::tr("Dropped the partly restored database “%1” again.")
                               .arg(m_options.targetDatabase));
    }
}

Status RestoreRun::decompressInto(const QString &dir, QString &restoreSource)
{
    m_context.setPhase(QStringLiteral("extracting"),
                       RestoreDumpJob::tr("Extracting “%1”").arg(m_database.name));
    qint64 total = 0;
    for (const QString &name : std::as_const(m_database.files)) {
        if (const StoredFile *file = m_manifest.file(name))
            total += file->rawSize;
    }
    m_context.setBytesTotal(total);
    m_context.setBytesDone(0);
    QByteArray buffer(ChunkSize, Qt::Uninitialized);
    for (const QString &name : std::as_const(m_database.files)) {
        QString target;
        if (m_database.format == DumpFormat::Custom) {
            target = dir + QStringLiteral("/archive.pgdump");
            restoreSource = target;
        } else {
            // "db-1/toc.dat.zst" -> "<dir>/toc.dat"
            QString base = QFileInfo(name).fileName();
            base.chop(4);
            target = dir + QLatin1Char('/') + base;
            restoreSource = dir;
        }
        m_context.setCurrentItem(name);
        ZstdReader reader(m_backupDir + QLatin1Char('/') + name);
        if (Status opened = reader.open(); !opened)
            return opened;
        AtomicFile out(target);
        out.setDurable(false); // a throwaway copy
        if (Status opened = out.open(); !opened)
            return opened;
        for (;;) {
            if (m_context.isCancelled())
                return JobContext::cancelledError();
            Result<qint64> got = reader.read(buffer.data(), buffer.size());
            if (!got)
                return got.error();
            if (*got == 0)
                break;
            if (Status written = out.write(QByteArrayView(buffer.constData(), *got)); !written)
                return written;
            m_context.addBytesDone(*got);
        }
        if (Status committed = out.commit(); !committed)
            return committed;
    }
    return {};
}

Status RestoreRun::restore()
{
    // A custom archive is always streamed into one pg_restore: pg_dump wrote it through a pipe,
    // so it holds no data offsets, and pg_restore --jobs would then scan the archive from the
    // start for every table (2.7x slower than the stream on a pgbench database, scale 20).
    const bool directory = m_database.format == DumpFormat::Directory;
    const int jobs = directory ? m_options.jobs : 1;
    if (!directory && m_options.jobs > 1)
        m_context.info(RestoreDumpJob::tr("A custom-format dump is restored by one pg_restore "
                                          "stream; parallel restores need a directory-format "
                                          "dump."));
    std::optional<QTemporaryDir> temp;
    QString source;
    if (directory) {
        temp.emplace(QDir::tempPath() + QStringLiteral("/pgvault-restore-XXXXXX"));
        if (!temp->isValid()) {
            return Error(ErrorCode::IoError,
                         RestoreDumpJob::tr("Could not create a temporary folder in %1.")
                                 .arg(QDir::tempPath()),
                         temp->errorString());
        }
        if (Status extracted = decompressInto(temp->path(), source); !extracted)
            return extracted;
    }

    QStringList arguments{QStringLiteral("--verbose"),
                          QStringLiteral("--format=") + DumpDetails::formatName(m_database.format)};
    if (jobs > 1)
        arguments << QStringLiteral("--jobs=%1").arg(jobs);
    if (m_options.clean)
        arguments << QStringLiteral("--clean") << QStringLiteral("--if-exists");
    std::optional<QTemporaryDir> listDir;
    if (m_selection) {
        listDir.emplace(QDir::tempPath() + QStringLiteral("/pgvault-list-XXXXXX"));
        const QString listPath = listDir->path() + QStringLiteral("/restore.list");
        AtomicFile list(listPath);
        list.setDurable(false);
        if (Status s = list.open(); !s)
            return s;
        if (Status s = list.write(m_selection->listFile()); !s)
            return s;
        if (Status s = list.commit(); !s)
            return s;
        arguments << QStringLiteral("--use-list=") + listPath;
    }
    arguments << QStringLiteral("--dbname=")
                         + m_options.target.withoutPassword()
                                   .withDatabase(m_options.targetDatabase)
                                   .toString();
    if (directory)
        arguments << source;

    // Progress: the data of the restored tables, by their size at dump time.
    QMap<QString, qint64> sizes = m_database.tableBytes;
    if (m_selection) {
        QMap<QString, qint64> chosen;
        for (const QString &table : std::as_const(m_selection->tables))
            chosen.insert(table, sizes.value(table));
        sizes = chosen;
    }
    qint64 total = 0;
    for (qint64 size : std::as_const(sizes))
        total += size;
    m_context.setPhase(QStringLiteral("restoring"),
                       RestoreDumpJob::tr("Restoring “%1”").arg(m_options.targetDatabase));
    m_context.setBytesTotal(total);
    m_context.setBytesDone(0);
    m_context.setItemsTotal(m_selection ? m_selection->entries.size() : m_toc->entries.size());
    qint64 done = 0;
    qint64 current = 0;
    const auto onLine = [&](const QString &line) {
        if (const std::optional<QString> table = ToolMessages::restoringTable(line)) {
            done += current;
            current = sizes.value(*table);
            m_context.setCurrentItem(*table);
            // With several jobs tables finish in any order: count a table once it starts.
            m_context.setBytesDone(std::min(total, jobs > 1 ? done + current : done));
        }
        if (ToolMessages::isRestoreItem(line))
            m_context.addItemsDone();
    };

    ToolProcess pgRestore(m_pgRestore, arguments);
    pgRestore.setPassword(password());
    pgRestore.setCancelContext(&m_context);
    pgRestore.setStderrHandler(onLine);
    std::unique_ptr<ZstdReader> reader;
    if (!directory) {
        reader = std::make_unique<ZstdReader>(m_backupDir + QLatin1Char('/')
                                              + m_database.files.value(0));
        if (Status opened = reader->open(); !opened)
            return opened;
        pgRestore.setInput(
                [&reader](char *buffer, qint64 maxSize) { return reader->read(buffer, maxSize); });
    }
    Result<ToolProcess::Outcome> outcome = pgRestore.run();
    if (!outcome)
        return outcome.error();
    m_context.setBytesDone(total);

    QStringList errors;
    QStringList roleErrors;
    for (const QString &line : std::as_const(outcome->errorLines)) {
        if (!line.contains(QLatin1String(": error: ")))
            continue;
        (ToolMessages::isMissingRoleError(line) ? roleErrors : errors).append(line);
    }
    if (!roleErrors.isEmpty()) {
        const QString warning
                = RestoreDumpJob::tr("%n owner(s) or privilege(s) could not be restored because "
                                     "roles of the dumped server are missing on %1 (create them, "
                                     "e.g. from a dump with --globals): %2",
                                     nullptr, int(roleErrors.size()))
                          .arg(m_address, roleErrors.first());
        m_warnings.append(warning);
        m_context.warning(warning);
    }
    if (outcome->succeeded() || (errors.isEmpty() && !roleErrors.isEmpty() && !outcome->crashed))
        return {};

    QStringList shown = errors.isEmpty() ? QStringList{outcome->summary(5)} : errors.mid(0, 5);
    ErrorCode code = ErrorCode::ServerError;
    const QString all = outcome->errorLines.join(QLatin1Char('\n'));
    if (all.contains(QLatin1String("server closed the connection"))
        || all.contains(QLatin1String("connection to server")))
        code = ErrorCode::ConnectionFailed;
    return Error(
            code,
            RestoreDumpJob::tr("pg_restore reported %n error(s) restoring into “%1” on %2:\n%3",
                               nullptr, int(std::max<qsizetype>(1, errors.size())))
                    .arg(m_options.targetDatabase, m_address, shown.join(QLatin1Char('\n'))),
            outcome->detail());
}

Result<QJsonObject> RestoreRun::run()
{
    m_context.setPhase(QStringLiteral("checking"), RestoreDumpJob::tr("Checking the backup"));
    if (m_options.targetDatabase.isEmpty())
        return Error(ErrorCode::InvalidInput, RestoreDumpJob::tr("Name the target database."));
    if (m_options.jobs < 1)
        return Error(ErrorCode::InvalidInput, RestoreDumpJob::tr("Use at least one job."));
    if (Status s = findBackup(); !s)
        return s.error();
    if (Status s = checkFiles(); !s)
        return s.error();
    if (Status s = checkTarget(); !s)
        return s.error();
    if (Status s = readToc(); !s)
        return s.error();
    if (m_context.isCancelled())
        return JobContext::cancelledError();
    if (m_options.create) {
        if (Status s = createDatabase(); !s)
            return s.error();
    }
    if (Status s = restore(); !s)
        return s.error();
    if (m_context.isCancelled())
        return JobContext::cancelledError();
    m_succeeded = true;
    m_context.setPhase(QStringLiteral("done"), RestoreDumpJob::tr("Done"));
    m_context.info(
            RestoreDumpJob::tr("Restored “%1” of backup %2 into “%3” on %4.")
                    .arg(m_database.name, m_options.backupId, m_options.targetDatabase, m_address));
    return QJsonObject{
            {QStringLiteral("backupId"), m_options.backupId},
            {QStringLiteral("sourceDatabase"), m_database.name},
            {QStringLiteral("database"), m_options.targetDatabase},
            {QStringLiteral("server"), m_address},
            {QStringLiteral("tables"),
             QJsonArray::fromStringList(m_selection ? m_selection->tables : QStringList())},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(m_warnings)},
    };
}

} // namespace

RestoreDumpJob::RestoreDumpJob(RestoreDumpOptions options, QObject *parent)
    : ThreadedJob(QStringLiteral("restore-dump"), tr("Restore a dump"), parent)
    , m_options(std::move(options))
{}

RestoreDumpJob::~RestoreDumpJob() = default;

Job::CancelMeaning RestoreDumpJob::cancelMeaning() const
{
    // A database the job created is dropped again; one that existed keeps what was restored.
    return m_options.create ? CancelMeaning::Discard : CancelMeaning::KeepCompleted;
}

Result<QJsonObject> RestoreDumpJob::work(JobContext &context)
{
    RestoreRun run(m_options, context);
    return run.run();
}

} // namespace PgVault
