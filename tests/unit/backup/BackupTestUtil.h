#pragma once

// Shared by the tests of core/backup: sample data and a committed backup in a few lines.

#include "backup/BackupWriter.h"

#include <QFile>
#include <QMap>
#include <QRandomGenerator>

namespace PgVault::Test {

// Half random, half repetitive: zstd compresses it, but not to nothing.
inline QByteArray sampleData(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = (i / 4096) % 2 ? char(rng.generate() & 0xFF) : char('a' + i % 7);
    return data;
}

// Incompressible: stored size ≈ raw size.
inline QByteArray randomData(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    rng.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    return data;
}

// Up to `size` bytes of `data` from `pos` (QByteArrayView::mid() is Qt 6.5).
inline QByteArrayView chunkOf(const QByteArray &data, qsizetype pos, qsizetype size)
{
    return QByteArrayView(data.constData() + pos, qMin(size, data.size() - pos));
}

// Writes `files` (name → raw content) in chunks and commits a backup.
inline Result<BackupManifest> makeBackup(const Repository &repository, quint64 systemId,
                                         BackupKind kind, const QMap<QString, QByteArray> &files,
                                         const QStringList &databases = {})
{
    Result<std::unique_ptr<BackupWriter>> writer
            = BackupWriter::begin(repository, systemId, kind, QStringLiteral("test backup"));
    if (!writer)
        return writer.error();
    for (auto it = files.begin(); it != files.end(); ++it) {
        Result<std::unique_ptr<StoredFileWriter>> file = (*writer)->createFile(it.key(), {});
        if (!file)
            return file.error();
        constexpr qsizetype chunk = 100000;
        for (qsizetype pos = 0; pos < it.value().size(); pos += chunk) {
            if (Status s = (*file)->write(chunkOf(it.value(), pos, chunk)); !s)
                return s.error();
        }
        if (Result<StoredFile> done = (*file)->finish(); !done)
            return done.error();
    }
    BackupManifest manifest;
    manifest.serverVersion = QStringLiteral("15.18");
    manifest.serverVersionNum = 150018;
    manifest.toolVersion = QStringLiteral("pg_dump (PostgreSQL) 15.18");
    manifest.databases = databases;
    return (*writer)->commit(manifest);
}

inline bool flipByte(const QString &path, qint64 offset)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset))
        return false;
    char c = 0;
    if (f.read(&c, 1) != 1 || !f.seek(offset))
        return false;
    c = char(c ^ 0x5A);
    return f.write(&c, 1) == 1;
}

} // namespace PgVault::Test
