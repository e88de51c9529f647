#include "BackupWriter.h"

#include "BackupId.h"
#include "common/Tr.h"
#include "repo/AtomicFile.h"
#include "repo/Checksum.h"
#include "repo/FileSystem.h"
#include "repo/RepositoryLock.h"

#include <QDir>
#include <QLoggingCategory>
#include <QMutex>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <sys/stat.h>

namespace PgVault {

namespace {

Q_LOGGING_CATEGORY(lcBackupWriter, "pgvault.backup.writer")

// Same-second backups of one kind are rare (a script, a test); a thousand means a clock stuck
// or a folder full of debris, and then failing is better than looping.
constexpr int MaxSequence = 1000;

// What the backup writer and its file writers share. File writers may finish on other threads
// and may even outlive the BackupWriter, hence shared ownership and the mutex.
struct WriterState
{
    QMutex mutex;
    QString backupId;
    QSet<QString> names; // finished or being written
    QList<StoredFile> finished;
    int open = 0;
    bool closed = false; // committed or aborted: no more files
};

class StoredFileWriterImpl final : public StoredFileWriter
{
public:
    StoredFileWriterImpl(std::shared_ptr<WriterState> state, QString name, const QString &path,
                         ZstdWriter::Options options)
        : m_state(std::move(state))
        , m_name(std::move(name))
        , m_file(path, AtomicFile::Mode::CreateNew)
        , m_zstd(
                  [this](QByteArrayView stored) {
                      m_checksum.add(stored);
                      return m_file.write(stored);
                  },
                  options)
    {}

    ~StoredFileWriterImpl() override
    {
        if (!m_done)
            abort();
    }

    Status open() { return m_file.open(); }

    Status write(QByteArrayView raw) override
    {
        if (Status usable = checkUsable(); !usable)
            return usable;
        Status s = m_zstd.write(raw);
        if (!s)
            fail(s.error());
        return s;
    }

    Result<StoredFile> finish() override
    {
        if (Status usable = checkUsable(); !usable)
            return usable.error();
        Status s = m_zstd.finish();
        if (s)
            s = m_file.commit();
        if (!s) {
            fail(s.error());
            return s.error();
        }
        m_done = true;
        const StoredFile file{m_name, m_file.bytesWritten(), m_zstd.rawBytes(),
                              m_checksum.result()};
        QMutexLocker locker(&m_state->mutex);
        --m_state->open;
        if (m_state->closed) {
            // The backup was abandoned while this file was written; its folder is gone or going.
            return Error(ErrorCode::Cancelled,
                         Tr::tr("backup %1 was abandoned before %2 was stored")
                                 .arg(m_state->backupId, m_name));
        }
        m_state->finished.append(file);
        return file;
    }

    void abort() override
    {
        if (m_done)
            return;
        m_done = true;
        m_file.abort();
        QMutexLocker locker(&m_state->mutex);
        --m_state->open;
        m_state->names.remove(m_name);
    }

    qint64 rawBytes() const override { return m_zstd.rawBytes(); }
    qint64 storedBytes() const override { return m_zstd.storedBytes(); }

private:
    Status checkUsable() const
    {
        if (m_failure)
            return *m_failure;
        if (m_done)
            return Error(
                    ErrorCode::Internal,
                    Tr::tr("%1 of backup %2 is already closed").arg(m_name, m_state->backupId));
        return {};
    }

    // A failed file keeps failing with its first error; the partial file is removed at once,
    // which on a full disk is exactly the space the user needs back.
    void fail(const Error &error)
    {
        m_failure = error;
        abort();
    }

    std::shared_ptr<WriterState> m_state;
    QString m_name;
    Checksum m_checksum;
    AtomicFile m_file;
    ZstdWriter m_zstd;
    std::optional<Error> m_failure;
    bool m_done = false;
};

} // namespace

class BackupWriter::Private
{
public:
    explicit Private(const Repository &repo)
        : repository(repo)
    {}

    Repository repository;
    quint64 systemId = 0;
    BackupKind kind = BackupKind::Dump;
    std::unique_ptr<RepositoryLock> lock;
    std::shared_ptr<WriterState> state = std::make_shared<WriterState>();
    bool committed = false;
    bool aborted = false;
};

Result<std::unique_ptr<BackupWriter>> BackupWriter::begin(const Repository &repository,
                                                          quint64 systemId, BackupKind kind,
                                                          const QString &purpose)
{
    if (Status s = repository.ensureServer(systemId); !s)
        return s.error();
    Result<std::unique_ptr<RepositoryLock>> lock
            = RepositoryLock::acquire(repository.serverPath(systemId), purpose);
    if (!lock)
        return lock.error();

    std::unique_ptr<BackupWriter> writer(new BackupWriter);
    writer->d = std::make_unique<Private>(repository);
    writer->d->systemId = systemId;
    writer->d->kind = kind;
    writer->d->lock = std::move(*lock);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    writer->m_startedAt = now;

    const QString backups = repository.backupsPath(systemId);
    // mkdir() without -p is the claim: of two creators of one name exactly one succeeds, and a
    // folder left by a crash is skipped rather than reused.
    for (int sequence = 1; sequence <= MaxSequence; ++sequence) {
        const QString id = BackupId::make(now, kind, sequence);
        const QString path = backups + QLatin1Char('/') + id;
        if (::mkdir(FileSystem::encode(path).constData(), 0777) == 0) {
            writer->m_id = id;
            writer->m_path = path;
            writer->d->state->backupId = id;
            if (Status s = FileSystem::fsyncDirectory(backups); !s)
                return s.error(); // the destructor removes the folder
            return writer;
        }
        if (errno != EEXIST)
            return FileSystem::errnoError(errno, path, "mkdir", backups);
    }
    return Error(ErrorCode::AlreadyExists,
                 Tr::tr("cannot choose a new backup id in %1: %2 folders for this second exist")
                         .arg(backups)
                         .arg(MaxSequence));
}

BackupWriter::~BackupWriter()
{
    if (d && !d->committed)
        abort();
}

bool BackupWriter::isCommitted() const
{
    return d->committed;
}

Result<std::unique_ptr<StoredFileWriter>> BackupWriter::createFile(const QString &name,
                                                                   ZstdWriter::Options options)
{
    if (!BackupManifest::isValidFileName(name))
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("“%1” cannot be stored in a backup: not a valid relative file name")
                             .arg(name));
    {
        QMutexLocker locker(&d->state->mutex);
        if (d->state->closed)
            return Error(ErrorCode::Internal,
                         Tr::tr("backup %1 is already closed; %2 cannot be added").arg(m_id, name));
        if (d->state->names.contains(name))
            return Error(ErrorCode::AlreadyExists,
                         Tr::tr("backup %1 already holds %2").arg(m_id, name));
        d->state->names.insert(name);
        ++d->state->open;
    }
    // From here the writer owns the reservation: its destructor releases it on any failure.
    const QString path = m_path + QLatin1Char('/') + name;
    auto file = std::make_unique<StoredFileWriterImpl>(d->state, name, path, options);
    if (name.contains(QLatin1Char('/'))) {
        if (Status s = FileSystem::durableMkpath(FileSystem::parentOf(path)); !s)
            return s.error();
    }
    if (Status s = file->open(); !s)
        return s.error();
    return std::unique_ptr<StoredFileWriter>(std::move(file));
}

Result<StoredFile> BackupWriter::storeSmallFile(const QString &name, QByteArrayView raw)
{
    ZstdWriter::Options options;
    options.pledgedSize = raw.size();
    Result<std::unique_ptr<StoredFileWriter>> file = createFile(name, options);
    if (!file)
        return file.error();
    if (Status s = (*file)->write(raw); !s)
        return s.error();
    return (*file)->finish();
}

QList<StoredFile> BackupWriter::finishedFiles() const
{
    QMutexLocker locker(&d->state->mutex);
    return d->state->finished;
}

Result<BackupManifest> BackupWriter::commit(BackupManifest manifest)
{
    if (d->committed || d->aborted)
        return Error(ErrorCode::Internal,
                     Tr::tr("backup %1 is already committed or abandoned").arg(m_id));
    {
        QMutexLocker locker(&d->state->mutex);
        if (d->state->open > 0)
            return Error(ErrorCode::Internal,
                         Tr::tr("backup %1 cannot be completed: %n file(s) are still being "
                                "written",
                                nullptr, d->state->open)
                                 .arg(m_id));
        d->state->closed = true;
        manifest.files = d->state->finished;
    }
    std::sort(manifest.files.begin(), manifest.files.end(),
              [](const StoredFile &a, const StoredFile &b) { return a.name < b.name; });
    manifest.id = m_id;
    manifest.kind = d->kind;
    manifest.systemId = d->systemId;
    if (manifest.status.isEmpty())
        manifest.status = QStringLiteral("complete");
    if (manifest.pgvaultVersion.isEmpty())
        manifest.pgvaultVersion = QStringLiteral(PGVAULT_VERSION_STRING);
    if (!manifest.startedAt.isValid())
        manifest.startedAt = m_startedAt;
    if (!manifest.finishedAt.isValid())
        manifest.finishedAt = QDateTime::currentDateTimeUtc();
    manifest.startedAt = manifest.startedAt.toUTC();
    manifest.finishedAt = manifest.finishedAt.toUTC();

    if (Status s = manifest.save(m_path); !s)
        return s.error();
    d->committed = true;
    d->lock.reset();
    return manifest;
}

void BackupWriter::abort()
{
    if (d->committed || d->aborted)
        return;
    d->aborted = true;
    {
        QMutexLocker locker(&d->state->mutex);
        d->state->closed = true;
    }
    if (m_path.isEmpty()) {
        d->lock.reset();
        return;
    }
    // The lock is still held while the folder goes: nobody can take it for a new backup, and
    // the catalog sees the folder as in progress until it has disappeared.
    if (!QDir(m_path).removeRecursively())
        qCWarning(lcBackupWriter) << "could not remove all of the abandoned backup" << m_path;
    if (Status s = FileSystem::fsyncDirectory(FileSystem::parentOf(m_path)); !s)
        qCWarning(lcBackupWriter) << s.error().toString();
    d->lock.reset();
}

} // namespace PgVault
