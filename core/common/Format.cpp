#include "Format.h"

#include "Tr.h"

#include <QLocale>

#include <array>
#include <cmath>

namespace PgVault {

namespace {

// Two digits for the smaller unit of a pair, so "3 min 05 s" lines up while it counts down.
QString twoDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

QString formatBytes(qint64 bytes)
{
    if (bytes < 0)
        return QString();
    // No group separators: "1023 B", not "1,023 B"; the value never has more than 4 digits.
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    if (bytes < 1024)
        return Tr::tr("%1 B").arg(locale.toString(bytes));

    // Units are listed here (not built from a prefix) so each one is a translatable string.
    const std::array<QString, 5> units = {Tr::tr("%1 KiB"), Tr::tr("%1 MiB"), Tr::tr("%1 GiB"),
                                          Tr::tr("%1 TiB"), Tr::tr("%1 PiB")};
    double value = double(bytes) / 1024.0;
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < units.size()) {
        value /= 1024.0;
        ++unit;
    }
    const int decimals = value < 100.0 ? 1 : 0;
    return units[unit].arg(locale.toString(value, 'f', decimals));
}

QString formatRate(double bytesPerSecond)
{
    if (bytesPerSecond < 0 || !std::isfinite(bytesPerSecond))
        return QString();
    return Tr::tr("%1/s").arg(formatBytes(std::llround(bytesPerSecond)));
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        return QString();
    if (seconds < 60)
        return Tr::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return Tr::tr("%1 min %2 s").arg(seconds / 60).arg(twoDigits(seconds % 60));
    if (seconds < 86400)
        return Tr::tr("%1 h %2 min").arg(seconds / 3600).arg(twoDigits(seconds % 3600 / 60));
    return Tr::tr("%1 d %2 h").arg(seconds / 86400).arg(twoDigits(seconds % 86400 / 3600));
}

} // namespace PgVault
