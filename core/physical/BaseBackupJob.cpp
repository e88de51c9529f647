#include "BaseBackupJob.h"

#include "BaseBackupDetails.h"
#include "CopyMessage.h"
#include "Lsn.h"
#include "TarMemberCounter.h"
#include "backup/BackupWriter.h"
#include "backup/StoredFileCheck.h"
#include "connection/PgConnection.h"
#include "connection/PgErrors.h"
#include "connection/PgHandles.h"
#include "repo/Repository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <functional>
#include <memory>
#include <poll.h>

namespace PgVault {

namespace {

// How long one wait for the server lasts, so that a cancel request is seen promptly.
constexpr int PollSliceMs = 200;
constexpr int MinimumMajor = 14;
constexpr int ArchiveStreamMajor = 15; // first major with the single typed COPY stream
// PostgreSQL's manifest is kept in memory for the JSON check: about 200 bytes per file, so
// this allows millions of files while a damaged stream cannot exhaust memory.
constexpr qsizetype MaxManifestBytes = qsizetype(1) << 30;
constexpr qsizetype TarEndBlocks = 2 * 512;

const QString BaseArchiveName = QStringLiteral("base.tar");
const QString BackupManifestFile = QStringLiteral("backup_manifest.zst");

struct CopyBufferFree
{
    void operator()(char *buffer) const { PQfreemem(buffer); }
};

// Server notices during a backup are worth showing: "still waiting for all required WAL
// segments to be archived" is how a broken archive_command becomes visible.
void forwardNotice(void *context, const char *message)
{
    const QString text = QString::fromUtf8(message).trimmed();
    auto *jobContext = static_cast<JobContext *>(context);
    if (text.startsWith(QLatin1String("WARNING")))
        jobContext->warning(text);
    else
        jobContext->info(text);
}

QString quoteLiteral(const QString &text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QLatin1String("''"))
           + QLatin1Char('\'');
}

class BaseBackupRun
{
public:
    BaseBackupRun(const BaseBackupOptions &options, JobContext &context)
        : m_options(options)
        , m_context(context)
    {}

    Result<QJsonObject> run();

private:
    Status checkServer();
    Status openReplication();
    Status startBackup();
    Status receiveArchiveStream();
    Status receiveLegacyStreams();
    Status readStopPoint();
    Status verify();

    Result<PgResultPtr> nextResult();
    Result<int> readCopy(char **buffer);
    // Hands every CopyData message of the current COPY to `handle` until the COPY ends.
    Status readCopyMessages(const std::function<Status(QByteArrayView)> &handle);
    Status waitReadable();
    Error serverFailure(const pg_result *result, const QString &step) const;
    Error lostConnection(const QString &step) const;

    Status beginArchive(const QString &name, const QString &location);
    Status archiveData(QByteArrayView data);
    Status endArchive();
    Status beginManifest();
    Status manifestData(QByteArrayView data);
    Status endManifest();

    ZstdWriter::Options zstdOptions() const;
    bool isLegacy() const { return m_serverVersionNum / 10000 < ArchiveStreamMajor; }

    const BaseBackupOptions &m_options;
    JobContext &m_context;

    QString m_address;
    QString m_user;
    int m_serverVersionNum = 0;
    QString m_serverVersion;
    bool m_inRecovery = false;
    quint64 m_systemId = 0;
    quint64 m_segmentSize = 0;
    PgConnection m_replication;

    BaseBackupDetails m_details;
    QList<BaseBackupArchive> m_expected; // the server's tablespace list, in sending order
    qint64 m_bytesTotal = -1;            // the server's estimate
    qint64 m_streamBytes = 0;            // tar bytes received (progress for 14)

    // Declared before the file writers so that they are destroyed (aborted) first.
    std::unique_ptr<BackupWriter> m_writer;
    std::optional<BaseBackupArchive> m_current;
    std::unique_ptr<TarMemberCounter> m_tar;
    std::unique_ptr<StoredFileWriter> m_archiveFile;
    std::unique_ptr<StoredFileWriter> m_manifestFile;
    QByteArray m_manifest;
};

ZstdWriter::Options BaseBackupRun::zstdOptions() const
{
    ZstdWriter::Options options;
    options.level = m_options.compressLevel;
    options.workers = m_options.compressThreads > 0 ? m_options.compressThreads
                                                    : std::max(1, QThread::idealThreadCount());
    return options;
}

Status BaseBackupRun::checkServer()
{
    m_context.setPhase(QStringLiteral("preparing"), BaseBackupJob::tr("Preparing"));
    if (m_options.compressLevel < 1 || m_options.compressLevel > 19) {
        return Error(ErrorCode::InvalidInput,
                     BaseBackupJob::tr("Use a compression level from 1 to 19."));
    }
    // An ordinary connection first: the refusals below name the setting or privilege to fix,
    // where a failed replication connection would only report the server's generic text.
    ConnInfo server = m_options.server;
    if (server.dbname().isEmpty())
        server.setDbname(QStringLiteral("postgres"));
    Result<PgConnection> connection = PgConnection::connect(server, m_options.password);
    if (!connection)
        return connection.error();
    m_address = connection->address();
    m_serverVersionNum = connection->serverVersionNum();
    m_serverVersion = connection->serverVersion().section(QLatin1Char(' '), 0, 0);
    if (m_serverVersionNum / 10000 < MinimumMajor) {
        return Error(ErrorCode::Unsupported,
                     BaseBackupJob::tr("The server %1 runs PostgreSQL %2; PgVault takes base "
                                       "backups of PostgreSQL %3 and newer.")
                             .arg(m_address, m_serverVersion)
                             .arg(MinimumMajor));
    }
    Result<QueryResult> facts = connection->exec(QStringLiteral(
            "SELECT current_user, r.rolsuper, r.rolreplication, current_setting('wal_level'), "
            "current_setting('max_wal_senders'), pg_is_in_recovery() "
            "FROM pg_roles r WHERE r.rolname = current_user"));
    if (!facts)
        return facts.error();
    if (facts->rowCount() != 1) {
        return Error(
                ErrorCode::Internal,
                BaseBackupJob::tr("Could not read the current user's role on %1.").arg(m_address));
    }
    const QStringList row = facts->row(0);
    m_user = row.at(0);
    const bool superuser = row.at(1) == QLatin1String("t");
    const bool replication = row.at(2) == QLatin1String("t");
    m_inRecovery = row.at(5) == QLatin1String("t");
    if (row.at(3) == QLatin1String("minimal")) {
        return Error(ErrorCode::Unsupported,
                     BaseBackupJob::tr("The server %1 runs with wal_level = minimal, which "
                                       "cannot take base backups. Set wal_level to replica "
                                       "and restart the server.")
                             .arg(m_address));
    }
    if (row.at(4).toInt() < 1) {
        return Error(ErrorCode::Unsupported,
                     BaseBackupJob::tr("The server %1 allows no replication connections "
                                       "(max_wal_senders = 0). Set max_wal_senders to at least 2 "
                                       "and restart the server.")
                             .arg(m_address));
    }
    if (!superuser && !replication) {
        Result<QString> quoted = connection->escapeIdentifier(m_user);
        return Error(ErrorCode::PermissionDenied,
                     BaseBackupJob::tr("The user “%1” may not take base backups on %2: it needs "
                                       "the REPLICATION attribute. As a superuser, run: "
                                       "ALTER ROLE %3 REPLICATION;")
                             .arg(m_user, m_address, quoted ? *quoted : m_user));
    }
    if (m_inRecovery) {
        m_context.info(BaseBackupJob::tr("%1 is a standby; the base backup is taken from it.")
                               .arg(m_address));
    }
    return {};
}

Status BaseBackupRun::openReplication()
{
    ConnInfo info = m_options.server;
    // Physical replication: the walsender accepts IDENTIFY_SYSTEM, SHOW and BASE_BACKUP.
    if (Status set = info.setValue(QStringLiteral("replication"), QStringLiteral("true")); !set)
        return set;
    Result<PgConnection> connection = PgConnection::connect(info, m_options.password);
    if (!connection) {
        return connection.error().withContext(
                BaseBackupJob::tr("Opening a replication connection to %1").arg(m_address));
    }
    m_replication = std::move(*connection);
    PQsetNoticeProcessor(m_replication.handle(), &forwardNotice, &m_context);

    Result<QueryResult> identity = m_replication.exec(QStringLiteral("IDENTIFY_SYSTEM"));
    if (!identity)
        return identity.error();
    bool ok = identity->rowCount() == 1 && identity->columnCount() >= 3;
    if (ok)
        m_systemId = identity->value(0, 0).toULongLong(&ok);
    if (!ok || m_systemId == 0) {
        return Error(ErrorCode::ServerError,
                     BaseBackupJob::tr("The server %1 sent an unexpected answer to "
                                       "IDENTIFY_SYSTEM.")
                             .arg(m_address));
    }
    Result<QString> segmentSize = m_replication.scalar(QStringLiteral("SHOW wal_segment_size"));
    if (!segmentSize)
        return segmentSize.error();
    const std::optional<quint64> size = Lsn::parseSegmentSize(*segmentSize);
    if (!size) {
        return Error(ErrorCode::ServerError,
                     BaseBackupJob::tr("The server %1 reports an unknown WAL segment size “%2”.")
                             .arg(m_address, *segmentSize));
    }
    m_segmentSize = *size;
    return {};
}

Status BaseBackupRun::waitReadable()
{
    pollfd pfd{};
    pfd.fd = PQsocket(m_replication.handle());
    if (pfd.fd < 0)
        return lostConnection(BaseBackupJob::tr("waiting for the server"));
    pfd.events = POLLIN;
    if (::poll(&pfd, 1, PollSliceMs) < 0 && errno != EINTR) {
        return Error(ErrorCode::ConnectionFailed,
                     BaseBackupJob::tr("Waiting for %1 failed.").arg(m_address),
                     QString::fromLocal8Bit(strerror(errno)));
    }
    return {};
}

// The next result of the running command, waiting in slices so that cancel is seen (the
// checkpoint before the first result may take minutes). A null result means "no more".
Result<PgResultPtr> BaseBackupRun::nextResult()
{
    pg_conn *conn = m_replication.handle();
    for (;;) {
        if (m_context.isCancelled())
            return JobContext::cancelledError();
        if (PQconsumeInput(conn) == 0)
            return lostConnection(BaseBackupJob::tr("waiting for the server"));
        if (!PQisBusy(conn))
            return PgResultPtr(PQgetResult(conn));
        if (Status waited = waitReadable(); !waited)
            return waited.error();
    }
}

Status BaseBackupRun::readCopyMessages(const std::function<Status(QByteArrayView)> &handle)
{
    for (;;) {
        char *raw = nullptr;
        Result<int> got = readCopy(&raw);
        if (!got)
            return got.error();
        if (*got == -1)
            return {};
        const std::unique_ptr<char, CopyBufferFree> owned(raw);
        if (Status handled = handle(QByteArrayView(raw, *got)); !handled)
            return handled;
    }
}

// One CopyData message (> 0: its size, *buffer to be freed with PQfreemem) or -1 at the end
// of the current COPY.
Result<int> BaseBackupRun::readCopy(char **buffer)
{
    pg_conn *conn = m_replication.handle();
    for (;;) {
        if (m_context.isCancelled())
            return JobContext::cancelledError();
        const int got = PQgetCopyData(conn, buffer, 1);
        if (got > 0 || got == -1)
            return got;
        if (got == -2)
            return lostConnection(BaseBackupJob::tr("receiving the backup"));
        if (Status waited = waitReadable(); !waited)
            return waited.error();
        if (PQconsumeInput(conn) == 0)
            return lostConnection(BaseBackupJob::tr("receiving the backup"));
    }
}

Error BaseBackupRun::lostConnection(const QString &step) const
{
    if (m_context.isCancelled())
        return JobContext::cancelledError();
    const QString raw = QString::fromUtf8(PQerrorMessage(m_replication.handle())).trimmed();
    return Error(ErrorCode::ConnectionFailed,
                 BaseBackupJob::tr("The connection to %1 broke while %2: %3. No backup was "
                                   "stored.")
                         .arg(m_address, step, PgErrors::essentialMessage(raw)),
                 raw);
}

Error BaseBackupRun::serverFailure(const pg_result *result, const QString &step) const
{
    if (m_context.isCancelled())
        return JobContext::cancelledError();
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    if (!state)
        return lostConnection(step);
    const QString sqlState = QString::fromLatin1(state);
    const QString primary
            = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)).trimmed();
    const QString hint
            = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_HINT)).trimmed();
    const QString full = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    ErrorCode code = PgErrors::codeForSqlState(sqlState, false);
    QString message;
    if (sqlState == QLatin1String("XX001")) {
        code = ErrorCode::Corrupt;
        message = BaseBackupJob::tr("The server %1 found damaged data while sending the base "
                                    "backup: %2")
                          .arg(m_address, primary);
    } else {
        message = BaseBackupJob::tr("The base backup on %1 failed while %2: %3")
                          .arg(m_address, step, primary);
    }
    if (!hint.isEmpty())
        message += QLatin1Char(' ') + hint;
    return Error(code, message, QStringLiteral("SQLSTATE %1: %2").arg(sqlState, full));
}

Status BaseBackupRun::startBackup()
{
    const bool fast = m_options.fastCheckpoint;
    m_details.label = QStringLiteral("pgvault ") + m_writer->id();
    m_details.checkpoint = fast ? QStringLiteral("fast") : QStringLiteral("spread");
    m_details.protocol
            = isLegacy() ? QStringLiteral("per-tablespace") : QStringLiteral("archive-stream");
    // TABLESPACE_MAP: base.tar gets a tablespace_map file instead of pg_tblspc symlinks, so a
    // restore can place tablespaces anywhere by writing that file (what pg_basebackup -Ft
    // asks for too). MANIFEST_CHECKSUMS SHA256 lets pg_verifybackup check every file later.
    QString command;
    if (isLegacy()) {
        command = QStringLiteral("BASE_BACKUP LABEL %1 PROGRESS%2 TABLESPACE_MAP "
                                 "MANIFEST 'yes' MANIFEST_CHECKSUMS 'SHA256'")
                          .arg(quoteLiteral(m_details.label),
                               fast ? QStringLiteral(" FAST") : QString());
    } else {
        command = QStringLiteral("BASE_BACKUP (LABEL %1, PROGRESS, CHECKPOINT %2, "
                                 "TABLESPACE_MAP, MANIFEST 'yes', MANIFEST_CHECKSUMS 'SHA256')")
                          .arg(quoteLiteral(m_details.label), quoteLiteral(m_details.checkpoint));
    }
    m_context.setPhase(QStringLiteral("preparing"),
                       fast ? BaseBackupJob::tr("Waiting for the checkpoint")
                            : BaseBackupJob::tr("Waiting for a spread checkpoint"));
    if (PQsendQuery(m_replication.handle(), command.toUtf8().constData()) == 0)
        return lostConnection(BaseBackupJob::tr("starting the backup"));

    const QString starting = BaseBackupJob::tr("starting the backup");
    Result<PgResultPtr> start = nextResult();
    if (!start)
        return start.error();
    if (PQresultStatus(start->get()) != PGRES_TUPLES_OK)
        return serverFailure(start->get(), starting);
    const pg_result *startResult = start->get();
    std::optional<quint64> startLsn;
    if (PQntuples(startResult) == 1 && PQnfields(startResult) >= 2)
        startLsn = Lsn::parse(QString::fromLatin1(PQgetvalue(startResult, 0, 0)));
    if (!startLsn) {
        return Error(
                ErrorCode::ServerError,
                BaseBackupJob::tr("The server %1 sent an unexpected start point.").arg(m_address));
    }
    m_details.startLsn = Lsn::format(*startLsn);
    m_details.timeline = QByteArray(PQgetvalue(startResult, 0, 1)).toUInt();
    m_details.startTime = QDateTime::currentDateTimeUtc();
    m_context.info(BaseBackupJob::tr("Checkpoint done; the backup starts at %1 on timeline %2.")
                           .arg(m_details.startLsn)
                           .arg(m_details.timeline));

    Result<PgResultPtr> header = nextResult();
    if (!header)
        return header.error();
    if (PQresultStatus(header->get()) != PGRES_TUPLES_OK)
        return serverFailure(header->get(), starting);
    const pg_result *list = header->get();
    if (PQntuples(list) < 1 || PQnfields(list) < 3) {
        return Error(ErrorCode::ServerError,
                     BaseBackupJob::tr("The server %1 sent no tablespace list.").arg(m_address));
    }
    qint64 total = 0;
    bool totalKnown = true;
    for (int i = 0; i < PQntuples(list); ++i) {
        BaseBackupArchive archive;
        if (PQgetisnull(list, i, 0)) {
            archive.name = BaseArchiveName;
        } else {
            archive.tablespaceOid = QByteArray(PQgetvalue(list, i, 0)).toUInt();
            archive.location = QString::fromUtf8(PQgetvalue(list, i, 1));
            archive.name = QStringLiteral("%1.tar").arg(archive.tablespaceOid);
        }
        if (PQgetisnull(list, i, 2)) {
            totalKnown = false;
        } else {
            // The server reports kilobytes.
            archive.estimatedBytes = QByteArray(PQgetvalue(list, i, 2)).toLongLong() * 1024;
            total += archive.estimatedBytes;
        }
        m_expected.append(archive);
    }
    m_bytesTotal = totalKnown ? total : -1;
    m_context.setBytesTotal(m_bytesTotal);
    m_context.setBytesDone(0);
    m_context.setItemsTotal(m_expected.size());
    m_context.setPhase(QStringLiteral("copying"), BaseBackupJob::tr("Copying"));
    return {};
}

Status BaseBackupRun::beginArchive(const QString &name, const QString &location)
{
    if (Status ended = endArchive(); !ended)
        return ended;
    if (m_manifestFile) {
        return Error(ErrorCode::ServerError,
                     BaseBackupJob::tr("The server %1 sent an archive after the manifest.")
                             .arg(m_address));
    }
    // Only uncompressed tar archives are asked for; anything else would be a server-side
    // compression or target we did not request.
    static const QRegularExpression names(QStringLiteral("^(base|[1-9][0-9]*)\\.tar$"));
    const auto expected
            = std::find_if(m_expected.cbegin(), m_expected.cend(),
                           [&name](const BaseBackupArchive &a) { return a.name == name; });
    if (!names.match(name).hasMatch() || expected == m_expected.cend()) {
        return Error(ErrorCode::ServerError,
                     BaseBackupJob::tr("The server %1 sent an unexpected archive “%2”.")
                             .arg(m_address, name));
    }
    for (const BaseBackupArchive &done : std::as_const(m_details.archives)) {
        if (done.name == name) {
            return Error(ErrorCode::ServerError,
                         BaseBackupJob::tr("The server %1 sent the archive “%2” twice.")
                                 .arg(m_address, name));
        }
    }
    m_current = *expected;
    if (!location.isEmpty())
        m_current->location = location;
    m_current->storedFile = name + QStringLiteral(".zst");
    Result<std::unique_ptr<StoredFileWriter>> file
            = m_writer->createFile(m_current->storedFile, zstdOptions());
    if (!file)
        return file.error();
    m_archiveFile = std::move(*file);
    QSet<QString> interesting;
    if (name == BaseArchiveName) {
        interesting = {QStringLiteral("PG_VERSION"), QStringLiteral("global/pg_control"),
                       QStringLiteral("backup_label")};
    }
    m_tar = std::make_unique<TarMemberCounter>(interesting);
    m_context.setCurrentItem(name);
    return {};
}

Status BaseBackupRun::archiveData(QByteArrayView data)
{
    if (!m_archiveFile) {
        return Error(ErrorCode::ServerError,
                     BaseBackupJob::tr("The server %1 sent data before naming its archive.")
                             .arg(m_address));
    }
    if (Status counted = m_tar->feed(data); !counted)
        return counted.error().withContext(m_current->name);
    if (Status written = m_archiveFile->write(data); !written)
        return written;
    m_current->tarBytes += data.size();
    m_streamBytes += data.size();
    if (isLegacy()) {
        // 14 sends no progress messages; tar headers make the stream a little larger than the
        // estimate, so never show more than 100 %.
        m_context.setBytesDone(m_bytesTotal > 0 ? std::min(m_streamBytes, m_bytesTotal)
                                                : m_streamBytes);
    }
    return {};
}

Status BaseBackupRun::endArchive()
{
    if (!m_archiveFile)
        return {};
    if (!m_tar->isTerminated()) {
        if (!isLegacy() || !m_tar->atMemberBoundary()) {
            return Error(ErrorCode::ServerError,
                         BaseBackupJob::tr("The archive “%1” from %2 ended early.")
                                 .arg(m_current->name, m_address));
        }
        // Before 15 the server leaves out tar's end-of-archive blocks (pg_basebackup adds
        // them too); with them every stored archive is a tar any tool reads.
        const QByteArray end(TarEndBlocks, '\0');
        if (Status counted = m_tar->feed(end); !counted)
            return counted;
        if (Status written = m_archiveFile->write(end); !written)
            return written;
        m_current->tarBytes += end.size();
    }
    Result<StoredFile> stored = m_archiveFile->finish();
    if (!stored)
        return stored.error();
    m_current->regularFiles = m_tar->regularFiles();
    if (m_current->name == BaseArchiveName) {
        for (const char *required : {"PG_VERSION", "global/pg_control", "backup_label"}) {
            if (!m_tar->found().contains(QLatin1String(required))) {
                return Error(ErrorCode::Corrupt,
                             BaseBackupJob::tr("The base archive from %1 holds no %2.")
                                     .arg(m_address, QLatin1String(required)));
            }
        }
    }
    m_details.archives.append(*m_current);
    m_archiveFile.reset();
    m_tar.reset();
    m_current.reset();
    m_context.addItemsDone();
    if (m_details.archives.size() == m_expected.size()) {
        // The server now writes its end-of-backup record and, with archiving on, waits for
        // the WAL to be archived before it sends the manifest.
        m_context.setCurrentItem(QString());
        m_context.setPhase(QStringLiteral("copying"),
                           BaseBackupJob::tr("Waiting for the server to end the backup"));
    }
    return {};
}

Status BaseBackupRun::beginManifest()
{
    if (Status ended = endArchive(); !ended)
        return ended;
    if (m_manifestFile) {
        return Error(ErrorCode::ServerError,
                     BaseBackupJob::tr("The server %1 sent its manifest twice.").arg(m_address));
    }
    Result<std::unique_ptr<StoredFileWriter>> file
            = m_writer->createFile(BackupManifestFile, zstdOptions());
    if (!file)
        return file.error();
    m_manifestFile = std::move(*file);
    m_context.setCurrentItem(QStringLiteral("backup_manifest"));
    return {};
}

Status BaseBackupRun::manifestData(QByteArrayView data)
{
    if (m_manifest.size() + data.size() > MaxManifestBytes) {
        return Error(ErrorCode::ServerError,
                     BaseBackupJob::tr("The backup manifest from %1 is larger than %2 bytes.")
                             .arg(m_address)
                             .arg(MaxManifestBytes));
    }
    m_manifest.append(data);
    return m_manifestFile->write(data);
}

Status BaseBackupRun::endManifest()
{
    if (!m_manifestFile) {
        return Error(ErrorCode::ServerError,
                     BaseBackupJob::tr("The server %1 sent no backup manifest.").arg(m_address));
    }
    Result<StoredFile> stored = m_manifestFile->finish();
    if (!stored)
        return stored.error();
    m_details.backupManifestFile = stored->name;
    m_manifestFile.reset();
    return {};
}

Status BaseBackupRun::receiveArchiveStream()
{
    Result<PgResultPtr> copy = nextResult();
    if (!copy)
        return copy.error();
    if (PQresultStatus(copy->get()) != PGRES_COPY_OUT)
        return serverFailure(copy->get(), BaseBackupJob::tr("starting the copy"));
    const qint64 total = m_bytesTotal;
    Status streamed = readCopyMessages([this, total](QByteArrayView raw) -> Status {
        Result<CopyMessage> message = CopyMessage::decode(raw);
        if (!message)
            return message.error().withContext(m_address);
        switch (message->type) {
        case CopyMessage::Type::NewArchive:
            if (Status begun = beginArchive(message->archiveName, message->tablespaceLocation);
                !begun)
                return begun;
            break;
        case CopyMessage::Type::Data:
            if (Status stored
                = m_manifestFile ? manifestData(message->data) : archiveData(message->data);
                !stored)
                return stored;
            break;
        case CopyMessage::Type::Progress: {
            // The estimate can be short of what is sent (files grow meanwhile): never > 100 %.
            const qint64 done = qint64(message->progressBytes);
            m_context.setBytesDone(total > 0 ? std::min(done, total) : done);
            break;
        }
        case CopyMessage::Type::Manifest:
            if (Status begun = beginManifest(); !begun)
                return begun;
            break;
        }
        return {};
    });
    if (!streamed)
        return streamed;
    if (Status ended = endArchive(); !ended)
        return ended;
    return endManifest();
}

Status BaseBackupRun::receiveLegacyStreams()
{
    const QString receiving = BaseBackupJob::tr("receiving the backup");
    // 14: one COPY per tablespace in the order of the list, then one for the manifest.
    const QList<BaseBackupArchive> expected = m_expected;
    for (const BaseBackupArchive &archive : expected) {
        Result<PgResultPtr> copy = nextResult();
        if (!copy)
            return copy.error();
        if (PQresultStatus(copy->get()) != PGRES_COPY_OUT)
            return serverFailure(copy->get(), receiving);
        if (Status begun = beginArchive(archive.name, archive.location); !begun)
            return begun;
        if (Status stored
            = readCopyMessages([this](QByteArrayView data) { return archiveData(data); });
            !stored)
            return stored;
        if (Status ended = endArchive(); !ended)
            return ended;
    }
    Result<PgResultPtr> copy = nextResult();
    if (!copy)
        return copy.error();
    if (PQresultStatus(copy->get()) != PGRES_COPY_OUT)
        return serverFailure(copy->get(), receiving);
    if (Status begun = beginManifest(); !begun)
        return begun;
    if (Status stored
        = readCopyMessages([this](QByteArrayView data) { return manifestData(data); });
        !stored)
        return stored;
    return endManifest();
}

Status BaseBackupRun::readStopPoint()
{
    const QString ending = BaseBackupJob::tr("ending the backup");
    Result<PgResultPtr> stop = nextResult();
    if (!stop)
        return stop.error();
    const pg_result *result = stop->get();
    if (PQresultStatus(result) != PGRES_TUPLES_OK)
        return serverFailure(result, ending);
    std::optional<quint64> stopLsn;
    if (PQntuples(result) == 1 && PQnfields(result) >= 2)
        stopLsn = Lsn::parse(QString::fromLatin1(PQgetvalue(result, 0, 0)));
    const std::optional<quint64> startLsn = Lsn::parse(m_details.startLsn);
    if (!stopLsn || !startLsn || *stopLsn < *startLsn) {
        return Error(
                ErrorCode::ServerError,
                BaseBackupJob::tr("The server %1 sent an unexpected stop point.").arg(m_address),
                QStringLiteral("start %1, stop %2")
                        .arg(m_details.startLsn,
                             PQntuples(result) > 0 ? QString::fromLatin1(PQgetvalue(result, 0, 0))
                                                   : QString()));
    }
    m_details.stopLsn = Lsn::format(*stopLsn);
    m_details.stopTimeline = QByteArray(PQgetvalue(result, 0, 1)).toUInt();
    m_details.stopTime = QDateTime::currentDateTimeUtc();

    // The command's own end: a checksum failure found while sending is reported here.
    Result<PgResultPtr> done = nextResult();
    if (!done)
        return done.error();
    if (PQresultStatus(done->get()) != PGRES_COMMAND_OK)
        return serverFailure(done->get(), ending);
    Result<PgResultPtr> none = nextResult();
    if (!none)
        return none.error();
    if (*none)
        return serverFailure(none->get(), ending);

    m_details.firstWalSegment
            = Lsn::segmentContaining(*startLsn, m_details.timeline, m_segmentSize);
    m_details.lastWalSegment = Lsn::segmentBefore(*stopLsn, m_details.stopTimeline, m_segmentSize);
    m_context.info(
            BaseBackupJob::tr("The backup ends at %1; restoring it needs WAL %2 to %3.")
                    .arg(m_details.stopLsn, m_details.firstWalSegment, m_details.lastWalSegment));
    return {};
}

Status BaseBackupRun::verify()
{
    m_context.setPhase(QStringLiteral("verifying"), BaseBackupJob::tr("Verifying"));
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
    m_context.setCurrentItem(QStringLiteral("backup_manifest"));
    const QString manifestPath = m_writer->path() + QLatin1Char('/') + BackupManifestFile;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(m_manifest, &parseError);
    const QJsonValue filesValue = document.object().value(u"Files");
    if (parseError.error != QJsonParseError::NoError || !document.isObject()
        || !document.object().contains(u"PostgreSQL-Backup-Manifest-Version")
        || !filesValue.isArray()) {
        return Error(ErrorCode::Corrupt,
                     BaseBackupJob::tr("PostgreSQL's backup manifest from %1 is not valid JSON "
                                       "with a file list.")
                             .arg(m_address),
                     parseError.errorString() + QStringLiteral(" at offset ")
                             + QString::number(parseError.offset) + QStringLiteral(" in ")
                             + manifestPath);
    }
    // 17 and later name the cluster in the manifest: it must be the one we identified.
    const QJsonValue systemId = document.object().value(u"System-Identifier");
    // Qt keeps JSON integers that fit a qint64 exact (toVariant() gives a qlonglong), and
    // system identifiers are below 2^63.
    if (!systemId.isUndefined() && systemId.toVariant().toULongLong() != m_systemId) {
        return Error(ErrorCode::Corrupt,
                     BaseBackupJob::tr("PostgreSQL's backup manifest from %1 names another "
                                       "cluster.")
                             .arg(m_address),
                     QStringLiteral("System-Identifier %1, expected %2")
                             .arg(systemId.toVariant().toString())
                             .arg(m_systemId));
    }
    qint64 inTars = 0;
    for (const BaseBackupArchive &archive : std::as_const(m_details.archives))
        inTars += archive.regularFiles;
    m_details.manifestFiles = filesValue.toArray().size();
    if (m_details.manifestFiles != inTars) {
        return Error(ErrorCode::Corrupt,
                     BaseBackupJob::tr("PostgreSQL's backup manifest from %1 lists %2 files, but "
                                       "the archives hold %3.")
                             .arg(m_address)
                             .arg(m_details.manifestFiles)
                             .arg(inTars));
    }
    if (m_details.archives.size() != m_expected.size()) {
        return Error(ErrorCode::ServerError,
                     BaseBackupJob::tr("The server %1 announced %2 archives but sent %3.")
                             .arg(m_address)
                             .arg(m_expected.size())
                             .arg(m_details.archives.size()));
    }
    return {};
}

Result<QJsonObject> BaseBackupRun::run()
{
    if (Status checked = checkServer(); !checked)
        return checked.error();
    if (Status opened = openReplication(); !opened)
        return opened.error();
    if (m_context.isCancelled())
        return JobContext::cancelledError();

    Result<Repository> repository = Repository::create(m_options.repositoryPath);
    if (!repository)
        return repository.error();
    Result<std::unique_ptr<BackupWriter>> writer
            = BackupWriter::begin(*repository, m_systemId, BackupKind::Base,
                                  BaseBackupJob::tr("base backup of %1").arg(m_address));
    if (!writer)
        return writer.error();
    m_writer = std::move(*writer);
    m_context.info(BaseBackupJob::tr("Writing base backup %1 of %2 (PostgreSQL %3).")
                           .arg(m_writer->id(), m_address, m_serverVersion));

    {
        // PQcancel wakes the server side (the checkpoint wait, the copy); the loops above
        // return as soon as they see the flag, and closing the connection ends the rest.
        const CancelHookGuard cancelHook(m_context, [this] { m_replication.cancel(); });
        if (Status started = startBackup(); !started)
            return started.error();
        if (Status received = isLegacy() ? receiveLegacyStreams() : receiveArchiveStream();
            !received)
            return received.error();
        if (Status stopped = readStopPoint(); !stopped)
            return stopped.error();
    }
    m_replication.close();
    if (Status verified = verify(); !verified)
        return verified.error();
    if (m_context.isCancelled())
        return JobContext::cancelledError();

    m_details.systemIdentifier = m_systemId;
    m_details.serverVersion = m_serverVersion;
    m_details.walSegmentSize = m_segmentSize;
    m_details.fromStandby = m_inRecovery;
    m_details.compressLevel = m_options.compressLevel;

    BackupManifest manifest;
    manifest.kind = BackupKind::Base;
    manifest.systemId = m_systemId;
    manifest.serverVersion = m_serverVersion;
    manifest.serverVersionNum = m_serverVersionNum;
    manifest.toolVersion = QStringLiteral("pgvault %1").arg(QLatin1String(PGVAULT_VERSION_STRING));
    manifest.options = QJsonObject{
            {QStringLiteral("fastCheckpoint"), m_options.fastCheckpoint},
            {QStringLiteral("compressLevel"), m_options.compressLevel},
    };
    manifest.details = m_details.toJson();
    Result<BackupManifest> committed = m_writer->commit(manifest);
    if (!committed)
        return committed.error();
    m_context.setPhase(QStringLiteral("done"), BaseBackupJob::tr("Done"));
    m_context.info(BaseBackupJob::tr("Base backup %1 is complete.").arg(committed->id));
    return QJsonObject{
            {QStringLiteral("backupId"), committed->id},
            {QStringLiteral("startLsn"), m_details.startLsn},
            {QStringLiteral("stopLsn"), m_details.stopLsn},
            {QStringLiteral("rawBytes"), double(committed->rawSize())},
            {QStringLiteral("storedBytes"), double(committed->storedSize())},
    };
}

} // namespace

BaseBackupJob::BaseBackupJob(BaseBackupOptions options, QObject *parent)
    : ThreadedJob(QStringLiteral("base-backup"), tr("Base backup"), parent)
    , m_options(std::move(options))
{}

BaseBackupJob::~BaseBackupJob() = default;

Result<QJsonObject> BaseBackupJob::work(JobContext &context)
{
    BaseBackupRun run(m_options, context);
    return run.run();
}

} // namespace PgVault
