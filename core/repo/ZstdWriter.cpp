#include "ZstdWriter.h"

#include "common/Tr.h"

#include <zstd.h>

namespace PgVault {

namespace {

Error zstdError(size_t code, const char *what)
{
    return Error(ErrorCode::Internal, Tr::tr("compression failed"),
                 QStringLiteral("%1: %2").arg(QLatin1String(what),
                                              QLatin1String(ZSTD_getErrorName(code))));
}

} // namespace

ZstdWriter::ZstdWriter(Sink sink)
    : ZstdWriter(std::move(sink), Options{})
{}

ZstdWriter::ZstdWriter(Sink sink, Options options)
    : m_sink(std::move(sink))
    , m_options(options)
{}

ZstdWriter::~ZstdWriter()
{
    ZSTD_freeCCtx(m_cctx);
}

Status ZstdWriter::setUp()
{
    m_setUp = true;
    m_cctx = ZSTD_createCCtx();
    if (!m_cctx)
        return Error(ErrorCode::Internal, Tr::tr("out of memory for compression"));
    const ZSTD_bounds levels = ZSTD_cParam_getBounds(ZSTD_c_compressionLevel);
    const int level = qBound(levels.lowerBound, m_options.level, levels.upperBound);
    size_t rc = ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_compressionLevel, level);
    if (!ZSTD_isError(rc))
        rc = ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_checksumFlag, 1);
    if (ZSTD_isError(rc))
        return zstdError(rc, "ZSTD_CCtx_setParameter");
    if (m_options.workers > 0) {
        // A libzstd built without threads refuses workers; compressing single-threaded is
        // still correct, so that is not an error.
        ZSTD_CCtx_setParameter(m_cctx, ZSTD_c_nbWorkers, m_options.workers);
    }
    if (m_options.pledgedSize >= 0) {
        rc = ZSTD_CCtx_setPledgedSrcSize(m_cctx, quint64(m_options.pledgedSize));
        if (ZSTD_isError(rc))
            return zstdError(rc, "ZSTD_CCtx_setPledgedSrcSize");
    }
    m_out.resize(qsizetype(ZSTD_CStreamOutSize()));
    return {};
}

Status ZstdWriter::pump(QByteArrayView data, bool end)
{
    ZSTD_inBuffer in{data.data(), size_t(data.size()), 0};
    const ZSTD_EndDirective mode = end ? ZSTD_e_end : ZSTD_e_continue;
    for (;;) {
        ZSTD_outBuffer out{m_out.data(), size_t(m_out.size()), 0};
        const size_t remaining = ZSTD_compressStream2(m_cctx, &out, &in, mode);
        if (ZSTD_isError(remaining))
            return zstdError(remaining, "ZSTD_compressStream2");
        if (out.pos > 0) {
            if (Status s = m_sink(QByteArrayView(m_out.constData(), qsizetype(out.pos))); !s)
                return s;
            m_stored += qint64(out.pos);
        }
        // Continue: done once all input is consumed. End: done once zstd reports 0 left.
        if (end ? remaining == 0 : in.pos == in.size)
            return {};
    }
}

Status ZstdWriter::write(QByteArrayView data)
{
    Q_ASSERT(!m_finished);
    if (!m_setUp) {
        if (Status s = setUp(); !s)
            return s;
    }
    if (!m_cctx)
        return Error(ErrorCode::Internal, Tr::tr("out of memory for compression"));
    m_raw += data.size();
    return pump(data, false);
}

Status ZstdWriter::finish()
{
    Q_ASSERT(!m_finished);
    if (!m_setUp) {
        if (Status s = setUp(); !s)
            return s;
    }
    if (!m_cctx)
        return Error(ErrorCode::Internal, Tr::tr("out of memory for compression"));
    m_finished = true;
    return pump({}, true);
}

Result<QByteArray> ZstdWriter::compress(QByteArrayView data)
{
    return compress(data, Options{});
}

Result<QByteArray> ZstdWriter::compress(QByteArrayView data, Options options)
{
    QByteArray result;
    options.pledgedSize = data.size();
    ZstdWriter writer(
            [&result](QByteArrayView chunk) {
                result.append(chunk);
                return Status();
            },
            options);
    if (Status s = writer.write(data); !s)
        return s.error();
    if (Status s = writer.finish(); !s)
        return s.error();
    return result;
}

} // namespace PgVault
