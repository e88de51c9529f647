#pragma once

#include <QtGlobal>

namespace PgVault {

// Bytes-per-second as an exponential moving average over roughly one-second windows, and an
// ETA that is only reported once it is trustworthy (Nextcloud's ProgressInfo idea): a few
// windows of data, a positive rate, and a known total. Both the GUI and the CLI show these
// numbers, so they are computed here once.
class RateEstimator
{
public:
    // Feed the cumulative byte count at a monotonic time in milliseconds.
    void sample(qint64 bytesDone, qint64 elapsedMs);
    void reset();

    double bytesPerSecond() const { return m_rate; }
    // Seconds left for `bytesTotal`, or -1 when not trusted.
    qint64 etaSeconds(qint64 bytesDone, qint64 bytesTotal) const;

private:
    static constexpr qint64 WindowMs = 1000;
    static constexpr int WindowsBeforeTrust = 2;
    static constexpr double Smoothing = 0.3;

    qint64 m_windowStartMs = -1;
    qint64 m_windowStartBytes = 0;
    int m_windows = 0;
    double m_rate = 0.0;
};

} // namespace PgVault
