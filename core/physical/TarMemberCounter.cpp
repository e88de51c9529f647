#include "TarMemberCounter.h"

#include "common/Tr.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace PgVault {

namespace {

constexpr qsizetype BlockSize = 512;
constexpr qsizetype NameOffset = 0;
constexpr qsizetype NameSize = 100;
constexpr qsizetype SizeOffset = 124;
constexpr qsizetype SizeSize = 12;
constexpr qsizetype ChecksumOffset = 148;
constexpr qsizetype ChecksumSize = 8;
constexpr qsizetype TypeOffset = 156;
constexpr qsizetype PrefixOffset = 345;
constexpr qsizetype PrefixSize = 155;

QString cString(const QByteArray &block, qsizetype offset, qsizetype size)
{
    const QByteArray field = block.mid(offset, size);
    const qsizetype end = field.indexOf('\0');
    return QString::fromUtf8(end < 0 ? field : field.left(end));
}

// Octal, NUL/space padded; or, for values too large for 11 octal digits, base-256 with the
// high bit of the first byte set (PostgreSQL writes sizes that way).
std::optional<qint64> tarNumber(const QByteArray &block, qsizetype offset, qsizetype size)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(block.constData()) + offset;
    if (bytes[0] & 0x80) {
        quint64 value = bytes[0] & 0x7F;
        for (qsizetype i = 1; i < size; ++i)
            value = (value << 8) | bytes[i];
        if (value > quint64(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return qint64(value);
    }
    qint64 value = 0;
    bool digits = false;
    for (qsizetype i = 0; i < size; ++i) {
        const unsigned char c = bytes[i];
        if (c == ' ' && !digits)
            continue;
        if (c == '\0' || c == ' ')
            break;
        if (c < '0' || c > '7')
            return std::nullopt;
        value = value * 8 + (c - '0');
        digits = true;
    }
    return value;
}

} // namespace

TarMemberCounter::TarMemberCounter(QSet<QString> interesting)
    : m_interesting(std::move(interesting))
{}

Status TarMemberCounter::feed(QByteArrayView data)
{
    while (!data.isEmpty()) {
        if (m_fileData > 0) {
            const qsizetype step = qsizetype(std::min<qint64>(m_fileData, data.size()));
            m_visitor->fileData(data.first(step));
            m_fileData -= step;
            m_skip -= step;
            m_offset += step;
            data = data.sliced(step);
            if (m_fileData == 0) {
                if (Status ended = m_visitor->endFile(); !ended)
                    return ended;
            }
            continue;
        }
        if (m_skip > 0) {
            const qsizetype step = qsizetype(std::min<qint64>(m_skip, data.size()));
            m_skip -= step;
            m_offset += step;
            data = data.sliced(step);
            continue;
        }
        const qsizetype wanted = BlockSize - m_header.size();
        const qsizetype step = std::min(wanted, data.size());
        m_header.append(data.first(step));
        m_offset += step;
        data = data.sliced(step);
        if (m_header.size() == BlockSize) {
            if (Status parsed = parseHeader(); !parsed)
                return parsed;
            m_header.clear();
        }
    }
    return {};
}

Status TarMemberCounter::parseHeader()
{
    const qint64 headerOffset = m_offset - BlockSize;
    if (std::all_of(m_header.cbegin(), m_header.cend(), [](char c) { return c == '\0'; })) {
        ++m_zeroBlocks;
        return {};
    }
    if (m_zeroBlocks > 0) {
        return Error(ErrorCode::Corrupt, Tr::tr("The tar archive continues after its end marker."),
                     QStringLiteral("header at offset %1").arg(headerOffset));
    }
    // The checksum treats its own field as spaces; a mismatch means we lost the stream's
    // alignment or the bytes were damaged on the way.
    qint64 sum = 0;
    for (qsizetype i = 0; i < BlockSize; ++i) {
        const bool inField = i >= ChecksumOffset && i < ChecksumOffset + ChecksumSize;
        sum += inField ? ' ' : static_cast<unsigned char>(m_header.at(i));
    }
    const std::optional<qint64> stored = tarNumber(m_header, ChecksumOffset, ChecksumSize);
    const std::optional<qint64> size = tarNumber(m_header, SizeOffset, SizeSize);
    if (!stored || *stored != sum || !size || *size < 0) {
        return Error(ErrorCode::Corrupt, Tr::tr("The tar archive has a damaged member header."),
                     QStringLiteral("header at offset %1, checksum %2 computed %3")
                             .arg(headerOffset)
                             .arg(stored.value_or(-1))
                             .arg(sum));
    }
    ++m_members;
    const char type = m_header.at(TypeOffset);
    if (type == '0' || type == '\0') {
        ++m_regularFiles;
        QString name = cString(m_header, NameOffset, NameSize);
        const QString prefix = cString(m_header, PrefixOffset, PrefixSize);
        if (!prefix.isEmpty())
            name = prefix + QLatin1Char('/') + name;
        if (m_interesting.contains(name))
            m_found.insert(name);
        if (m_visitor) {
            if (Status begun = m_visitor->beginFile(name, *size); !begun)
                return begun;
            // An empty file has no data to wait for: it ends with its header.
            if (*size == 0) {
                if (Status ended = m_visitor->endFile(); !ended)
                    return ended;
            }
            m_fileData = *size;
        }
    }
    // Only regular files carry data in what PostgreSQL writes (directories and symlinks have
    // size 0); data is padded to whole blocks.
    m_skip = (*size + BlockSize - 1) / BlockSize * BlockSize;
    return {};
}

} // namespace PgVault
