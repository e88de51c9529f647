#pragma once

#include <QString>

namespace PgVault {

// Human-readable sizes, rates and durations, shared by the GUI's job panel and the CLI's
// progress line so both say the same thing. Units are translated (PgVault::Tr) and numbers use
// the default QLocale. Sizes use binary units (KiB, MiB, …), like the file managers on Linux.

// "512 B", "1.5 KiB", "42.0 MiB", "512 MiB": one decimal below 100, none above.
QString formatBytes(qint64 bytes);
// "15.0 MiB/s".
QString formatRate(double bytesPerSecond);
// "42 s", "3 min 05 s", "2 h 05 min", "3 d 04 h"; negative (unknown) gives an empty string.
QString formatDuration(qint64 seconds);

} // namespace PgVault
