#pragma once

#include <QMetaType>
#include <QString>

namespace PgVault {

// A snapshot of a job's progress; copyable so it crosses threads by value.
// -1 means "unknown" for totals and ETA; percent is weighted by bytes where bytes are known.
struct JobProgress
{
    QString phase;      // stable id: "preparing", "dumping", "verifying", ...
    QString phaseLabel; // translated, e.g. "Dumping “shop”"
    qint64 bytesDone = 0;
    qint64 bytesTotal = -1;
    qint64 itemsDone = 0;
    qint64 itemsTotal = -1;
    QString currentItem; // e.g. "public.orders"
    double bytesPerSecond = 0.0;
    qint64 etaSeconds = -1; // -1 = not trusted yet

    // 0..1, or -1 when neither bytes nor items have a total.
    double fraction() const;

    bool operator==(const JobProgress &other) const = default;
};

} // namespace PgVault

Q_DECLARE_METATYPE(PgVault::JobProgress)
