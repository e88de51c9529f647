#pragma once

#include "BackupManifest.h"
#include "repo/Repository.h"
#include "repo/ZstdWriter.h"

#include <memory>

namespace PgVault {

class RepositoryLock;

// Writes one stored file of a backup: raw bytes in, a zstd frame (with content checksum) out,
// through an AtomicFile, with the SHA-256 of the stored bytes computed on the way.
// The file becomes visible under its name only on finish().
class StoredFileWriter
{
public:
    virtual ~StoredFileWriter() = default;
    // DiskFull ("no space left on <path>") / IoError on failure; the writer is then unusable.
    virtual Status write(QByteArrayView raw) = 0;
    // Ends the frame, fsyncs, renames into place; returns what goes into the manifest.
    virtual Result<StoredFile> finish() = 0;
    // Removes the temporary file. Called by the destructor unless finished.
    virtual void abort() = 0;
    virtual qint64 rawBytes() const = 0;
    virtual qint64 storedBytes() const = 0;
};

// Creates one backup folder in a repository, safely:
//  - takes the server folder's writer lock (RepositoryLock) for the whole backup, so a second
//    writer gets "… is locked by pid N on HOST since TIME (purpose)";
//  - creates servers/<sysid>/backups/<id>/ with a unique BackupId;
//  - files are added with createFile(); every finished file is recorded;
//  - commit() writes manifest.json LAST (with `files` filled in from the finished files) and
//    fsyncs the folder; before that, the folder is debris that list never shows as restorable;
//  - abort() (and the destructor, unless committed) removes the folder and everything in it,
//    so a cancelled or failed backup leaves the repository as it was.
class BackupWriter
{
public:
    static Result<std::unique_ptr<BackupWriter>> begin(const Repository &repository,
                                                       quint64 systemId, BackupKind kind,
                                                       const QString &purpose);
    ~BackupWriter();
    BackupWriter(const BackupWriter &) = delete;
    BackupWriter &operator=(const BackupWriter &) = delete;

    const QString &id() const { return m_id; }
    const QString &path() const { return m_path; } // the backup folder
    const QDateTime &startedAt() const { return m_startedAt; }

    // `name` relative to the backup folder (sub-folders are created; see
    // BackupManifest::isValidFileName, InvalidInput otherwise). Thread-safe: several files may
    // be written at once from different threads, each StoredFileWriter by one thread. A name
    // already finished or being written gives AlreadyExists. A StoredFileWriter may outlive
    // this writer; finishing it then fails with Cancelled.
    Result<std::unique_ptr<StoredFileWriter>> createFile(const QString &name,
                                                         ZstdWriter::Options options);
    // Every stored file is zstd; this compresses and stores a small in-memory `raw` in one go.
    Result<StoredFile> storeSmallFile(const QString &name, QByteArrayView raw);

    QList<StoredFile> finishedFiles() const;

    // Fills id, kind, systemId, startedAt (if unset), finishedAt (if unset), pgvaultVersion
    // (if unset), status ("complete" if unset) and files (sorted by name), then writes the
    // manifest. After commit() the backup is complete and the lock is released. Every file
    // writer must be finished or aborted first (Internal otherwise). A failed commit cannot be
    // retried: abort() or the destructor then removes the backup.
    Result<BackupManifest> commit(BackupManifest manifest);
    // Call once no file writer is in use on another thread: their folders are removed under them.
    void abort();
    bool isCommitted() const;

private:
    BackupWriter() = default;
    class Private;
    std::unique_ptr<Private> d;
    QString m_id;
    QString m_path;
    QDateTime m_startedAt;
};

} // namespace PgVault
