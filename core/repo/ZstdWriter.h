#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

struct ZSTD_CCtx_s; // zstd.h stays private to core (libzstd is linked PRIVATE)

namespace PgVault {

// Streaming zstd compressor: raw bytes in, one zstd frame out to a sink (usually an
// AtomicFile). The frame always carries zstd's content checksum, so a damaged stored file is
// detected on decompression without any other metadata.
class ZstdWriter
{
public:
    struct Options
    {
        int level = 3;
        // zstd worker threads (ZSTD_c_nbWorkers); 0 compresses on the calling thread.
        int workers = 0;
        // Total input size when known up front: stored in the frame header and lets zstd size
        // its window for small inputs. -1 = unknown.
        qint64 pledgedSize = -1;
    };
    // Receives compressed bytes; a failing sink stops the writer with its error.
    using Sink = std::function<Status(QByteArrayView)>;

    explicit ZstdWriter(Sink sink);
    ZstdWriter(Sink sink, Options options);
    ~ZstdWriter();
    ZstdWriter(const ZstdWriter &) = delete;
    ZstdWriter &operator=(const ZstdWriter &) = delete;

    Status write(QByteArrayView data);
    // Ends the frame (flushes everything to the sink). No writes after this.
    Status finish();

    qint64 rawBytes() const { return m_raw; }
    qint64 storedBytes() const { return m_stored; }

    // One-shot helper for small data (tests, small metadata files).
    static Result<QByteArray> compress(QByteArrayView data);
    static Result<QByteArray> compress(QByteArrayView data, Options options);

private:
    Status setUp();
    Status pump(QByteArrayView data, bool end);

    Sink m_sink;
    Options m_options;
    ZSTD_CCtx_s *m_cctx = nullptr;
    QByteArray m_out;
    qint64 m_raw = 0;
    qint64 m_stored = 0;
    bool m_setUp = false;
    bool m_finished = false;
};

} // namespace PgVault
