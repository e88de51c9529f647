#include "ZstdReader.h"

#include "FileSystem.h"
#include "common/Tr.h"

#include <QtEndian>

#include <zstd.h>
#include <zstd_errors.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace PgVault {

namespace {
constexpr quint32 ZstdMagic = 0xFD2FB528; // RFC 8878 §3.1.1, little-endian on disk
constexpr quint8 ChecksumFlag = 0x04;     // Frame_Header_Descriptor bit 2
constexpr qsizetype MinFrameHeader = 5;   // magic + descriptor
} // namespace

ZstdReader::ZstdReader(QString path)
    : m_path(std::move(path))
{}

ZstdReader::~ZstdReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
    ZSTD_freeDCtx(m_dctx);
}

Error ZstdReader::corrupt(const QString &what, qint64 offset) const
{
    return Error(ErrorCode::Corrupt,
                 Tr::tr("%1 is damaged at byte %2: %3").arg(m_path).arg(offset).arg(what),
                 QStringLiteral("file %1, offset %2").arg(m_path).arg(offset));
}

Status ZstdReader::open()
{
    m_fd = ::open(FileSystem::encode(m_path).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
        return FileSystem::errnoError(errno, m_path, "open");
    m_dctx = ZSTD_createDCtx();
    if (!m_dctx)
        return Error(ErrorCode::Internal, Tr::tr("out of memory for decompression"));
    m_in.resize(qsizetype(ZSTD_DStreamInSize()));
    return {};
}

// Reads more input, keeping unconsumed bytes; stops at `wanted` bytes available or at EOF.
Status ZstdReader::refill(qsizetype wanted)
{
    if (m_inPos > 0) {
        std::memmove(m_in.data(), m_in.constData() + m_inPos, size_t(m_inSize - m_inPos));
        m_inSize -= m_inPos;
        m_inPos = 0;
    }
    while (!m_eof && m_inSize < wanted) {
        const ssize_t n = ::read(m_fd, m_in.data() + m_inSize, size_t(m_in.size() - m_inSize));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return FileSystem::errnoError(errno, m_path, "read");
        }
        if (n == 0)
            m_eof = true;
        m_inSize += n;
        m_fileOffset += n;
    }
    return {};
}

// At a frame boundary: either the clean end of the file, or a zstd frame with a checksum.
Status ZstdReader::checkFrameStart(bool &end)
{
    end = false;
    if (m_inSize - m_inPos < MinFrameHeader) {
        if (Status s = refill(MinFrameHeader); !s)
            return s;
    }
    const qsizetype available = m_inSize - m_inPos;
    if (available == 0 && m_frames > 0) {
        end = true;
        return {};
    }
    const qint64 offset = compressedOffset();
    if (available < MinFrameHeader)
        return corrupt(Tr::tr("the file is truncated (%1 bytes where a compressed frame should "
                              "start)")
                               .arg(available),
                       offset + available);
    const uchar *p = reinterpret_cast<const uchar *>(m_in.constData() + m_inPos);
    if (qFromLittleEndian<quint32>(p) != ZstdMagic)
        return corrupt(Tr::tr("no zstd frame starts here"), offset);
    if (!(p[4] & ChecksumFlag))
        return corrupt(Tr::tr("the compressed frame carries no content checksum"), offset);
    m_atFrameStart = false;
    return {};
}

Result<qint64> ZstdReader::read(char *buffer, qint64 maxSize)
{
    Q_ASSERT(m_fd >= 0 && maxSize > 0);
    for (;;) {
        if (m_atFrameStart) {
            bool end = false;
            if (Status s = checkFrameStart(end); !s)
                return s.error();
            if (end)
                return qint64(0);
        }
        if (m_inPos == m_inSize && !m_eof) {
            if (Status s = refill(1); !s)
                return s.error();
        }
        ZSTD_inBuffer in{m_in.constData() + m_inPos, size_t(m_inSize - m_inPos), 0};
        ZSTD_outBuffer out{buffer, size_t(maxSize), 0};
        const size_t ret = ZSTD_decompressStream(m_dctx, &out, &in);
        m_inPos += qsizetype(in.pos);
        if (ZSTD_isError(ret)) {
            if (ZSTD_getErrorCode(ret) == ZSTD_error_checksum_wrong)
                return corrupt(Tr::tr("the content checksum does not match"), compressedOffset());
            return corrupt(QString::fromLatin1(ZSTD_getErrorName(ret)), compressedOffset());
        }
        if (ret == 0) {
            m_atFrameStart = true;
            ++m_frames;
        }
        if (out.pos > 0)
            return qint64(out.pos);
        if (ret != 0 && m_inPos == m_inSize && m_eof)
            return corrupt(Tr::tr("the file ends in the middle of a compressed frame"),
                           compressedOffset());
    }
}

Result<QByteArray> ZstdReader::readAll(const QString &path, qint64 maxSize)
{
    ZstdReader reader(path);
    if (Status s = reader.open(); !s)
        return s.error();
    QByteArray data;
    QByteArray chunk(qsizetype(ZSTD_DStreamOutSize()), Qt::Uninitialized);
    for (;;) {
        Result<qint64> n = reader.read(chunk.data(), chunk.size());
        if (!n)
            return n.error();
        if (*n == 0)
            return data;
        if (data.size() + *n > maxSize)
            return Error(ErrorCode::Corrupt,
                         Tr::tr("%1 decompresses to more than %2 bytes").arg(path).arg(maxSize));
        data.append(chunk.constData(), qsizetype(*n));
    }
}

} // namespace PgVault
