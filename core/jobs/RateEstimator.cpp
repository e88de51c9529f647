#include "RateEstimator.h"

#include <cmath>

namespace PgVault {

void RateEstimator::sample(qint64 bytesDone, qint64 elapsedMs)
{
    if (m_windowStartMs < 0 || bytesDone < m_windowStartBytes) {
        m_windowStartMs = elapsedMs;
        m_windowStartBytes = bytesDone;
        return;
    }
    const qint64 span = elapsedMs - m_windowStartMs;
    if (span < WindowMs)
        return;
    const double windowRate = double(bytesDone - m_windowStartBytes) * 1000.0 / double(span);
    m_rate = m_windows == 0 ? windowRate : Smoothing * windowRate + (1.0 - Smoothing) * m_rate;
    ++m_windows;
    m_windowStartMs = elapsedMs;
    m_windowStartBytes = bytesDone;
}

void RateEstimator::reset()
{
    *this = RateEstimator();
}

qint64 RateEstimator::etaSeconds(qint64 bytesDone, qint64 bytesTotal) const
{
    if (bytesTotal <= 0 || m_windows < WindowsBeforeTrust || m_rate <= 0.0)
        return -1;
    const qint64 left = std::max<qint64>(0, bytesTotal - bytesDone);
    return qint64(std::ceil(double(left) / m_rate));
}

} // namespace PgVault
