#include "WalFileName.h"

namespace PgVault {

namespace {

constexpr quint64 FourGiB = quint64(1) << 32;

// Exactly 8 upper-case hex digits (no sign, no 0x, no spaces: QString::toUInt is too lenient).
std::optional<quint32> hex8(QStringView s)
{
    if (s.size() != 8)
        return std::nullopt;
    quint32 v = 0;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        quint32 digit;
        if (u >= u'0' && u <= u'9')
            digit = u - u'0';
        else if (u >= u'A' && u <= u'F')
            digit = u - u'A' + 10;
        else
            return std::nullopt;
        v = v << 4 | digit;
    }
    return v;
}

QString formatHex8(quint32 v)
{
    return QStringLiteral("%1").arg(v, 8, 16, QLatin1Char('0')).toUpper();
}

} // namespace

bool WalFileName::isValidSegmentSize(quint64 segmentSize)
{
    return segmentSize >= (quint64(1) << 20) && segmentSize <= (quint64(1) << 30)
           && (segmentSize & (segmentSize - 1)) == 0;
}

std::optional<WalFileName> WalFileName::parse(QStringView name)
{
    WalFileName w;
    if (name.size() == 16 && name.endsWith(u".history")) {
        const auto tli = hex8(name.first(8));
        if (!tli || *tli == 0)
            return std::nullopt;
        w.m_kind = Kind::History;
        w.m_timeline = *tli;
        return w;
    }
    if (name.size() < 24)
        return std::nullopt;
    const auto tli = hex8(name.sliced(0, 8));
    const auto log = hex8(name.sliced(8, 8));
    const auto seg = hex8(name.sliced(16, 8));
    if (!tli || !log || !seg || *tli == 0)
        return std::nullopt;
    w.m_timeline = *tli;
    w.m_log = *log;
    w.m_seg = *seg;
    const QStringView rest = name.sliced(24);
    if (rest.isEmpty()) {
        w.m_kind = Kind::Segment;
    } else if (rest == u".partial") {
        w.m_kind = Kind::Partial;
    } else if (rest.size() == 16 && rest.startsWith(u'.') && rest.endsWith(u".backup")) {
        const auto offset = hex8(rest.sliced(1, 8));
        if (!offset)
            return std::nullopt;
        w.m_kind = Kind::Backup;
        w.m_backupOffset = *offset;
    } else {
        return std::nullopt;
    }
    return w;
}

WalFileName WalFileName::segment(quint32 timeline, quint64 segNo, quint64 segmentSize)
{
    const quint64 perLog = FourGiB / segmentSize;
    WalFileName w;
    w.m_kind = Kind::Segment;
    w.m_timeline = timeline;
    w.m_log = quint32(segNo / perLog);
    w.m_seg = quint32(segNo % perLog);
    return w;
}

WalFileName WalFileName::history(quint32 timeline)
{
    WalFileName w;
    w.m_kind = Kind::History;
    w.m_timeline = timeline;
    return w;
}

quint64 WalFileName::segmentNumber(quint64 segmentSize) const
{
    return quint64(m_log) * (FourGiB / segmentSize) + m_seg;
}

quint64 WalFileName::startLsn(quint64 segmentSize) const
{
    return segmentNumber(segmentSize) * segmentSize;
}

bool WalFileName::fitsSegmentSize(quint64 segmentSize) const
{
    return isValidSegmentSize(segmentSize) && m_seg < FourGiB / segmentSize;
}

WalFileName WalFileName::next(quint64 segmentSize) const
{
    return segment(m_timeline, segmentNumber(segmentSize) + 1, segmentSize);
}

std::optional<WalFileName> WalFileName::previous(quint64 segmentSize) const
{
    const quint64 segNo = segmentNumber(segmentSize);
    if (segNo == 0)
        return std::nullopt;
    return segment(m_timeline, segNo - 1, segmentSize);
}

QString WalFileName::segmentName() const
{
    return formatHex8(m_timeline) + formatHex8(m_log) + formatHex8(m_seg);
}

QString WalFileName::logDirName() const
{
    return formatHex8(m_timeline) + formatHex8(m_log);
}

QString WalFileName::name() const
{
    switch (m_kind) {
    case Kind::Segment: return segmentName();
    case Kind::Partial: return segmentName() + QStringLiteral(".partial");
    case Kind::Backup:
        return segmentName() + QLatin1Char('.') + formatHex8(m_backupOffset)
               + QStringLiteral(".backup");
    case Kind::History: return formatHex8(m_timeline) + QStringLiteral(".history");
    }
    return {};
}

QString WalFileName::storedRelativePath() const
{
    if (m_kind == Kind::History)
        return name();
    return logDirName() + QLatin1Char('/') + name() + QStringLiteral(".zst");
}

} // namespace PgVault
