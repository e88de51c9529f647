#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

struct ZSTD_DCtx_s; // zstd.h stays private to core

namespace PgVault {

// Streaming decompressor for a stored .zst file. Every frame must carry zstd's content
// checksum (our writer always sets it) and it is verified; a file that is truncated, damaged,
// has trailing garbage or a frame without checksum is reported as ErrorCode::Corrupt naming
// the file and the byte offset where reading stopped. Only a cleanly ended file reads as 0.
class ZstdReader
{
public:
    explicit ZstdReader(QString path);
    ~ZstdReader();
    ZstdReader(const ZstdReader &) = delete;
    ZstdReader &operator=(const ZstdReader &) = delete;

    Status open();
    // Up to maxSize decompressed bytes; 0 means the verified end of the file.
    Result<qint64> read(char *buffer, qint64 maxSize);

    const QString &path() const { return m_path; }
    // Compressed bytes consumed so far.
    qint64 compressedOffset() const { return m_fileOffset - (m_inSize - m_inPos); }

    // Decompresses a whole (bounded) file into memory.
    static Result<QByteArray> readAll(const QString &path, qint64 maxSize = qint64(1) << 31);

private:
    Status refill(qsizetype wanted);
    Status checkFrameStart(bool &end);
    Error corrupt(const QString &what, qint64 offset) const;

    QString m_path;
    int m_fd = -1;
    ZSTD_DCtx_s *m_dctx = nullptr;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    qsizetype m_inSize = 0;
    qint64 m_fileOffset = 0; // bytes read from the file
    bool m_eof = false;
    bool m_atFrameStart = true;
    int m_frames = 0;
};

} // namespace PgVault
