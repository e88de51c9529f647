#include "Lsn.h"

#include "wal/WalFileName.h"

#include <QRegularExpression>

namespace PgVault::Lsn {

std::optional<quint64> parse(QStringView text)
{
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash > 8 || text.size() - slash - 1 < 1 || text.size() - slash - 1 > 8)
        return std::nullopt;
    bool okHigh = false;
    bool okLow = false;
    const quint64 high = text.left(slash).toULongLong(&okHigh, 16);
    const quint64 low = text.mid(slash + 1).toULongLong(&okLow, 16);
    if (!okHigh || !okLow)
        return std::nullopt;
    return (high << 32) | low;
}

QString format(quint64 lsn)
{
    return QStringLiteral("%1/%2").arg(QString::number(lsn >> 32, 16).toUpper(),
                                       QString::number(lsn & 0xFFFFFFFFu, 16).toUpper());
}

std::optional<quint64> parseSegmentSize(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)\\s*(kB|MB|GB)$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed().toString());
    if (!match.hasMatch())
        return std::nullopt;
    quint64 size = match.captured(1).toULongLong();
    const QString unit = match.captured(2);
    if (unit == QLatin1String("kB"))
        size *= 1024;
    else if (unit == QLatin1String("MB"))
        size *= 1024 * 1024;
    else
        size *= quint64(1024) * 1024 * 1024;
    if (!WalFileName::isValidSegmentSize(size))
        return std::nullopt;
    return size;
}

QString segmentContaining(quint64 lsn, quint32 timeline, quint64 segmentSize)
{
    return WalFileName::segment(timeline, lsn / segmentSize, segmentSize).name();
}

QString segmentBefore(quint64 stopLsn, quint32 timeline, quint64 segmentSize)
{
    return segmentContaining(stopLsn > 0 ? stopLsn - 1 : 0, timeline, segmentSize);
}

} // namespace PgVault::Lsn
