#include "JobContext.h"

#include "common/Tr.h"

#include <utility>

namespace PgVault {

namespace {
constexpr qsizetype MaxPhaseStarts = 16;
}

void JobContext::setPhase(const QString &id, const QString &label)
{
    QMutexLocker lock(&m_mutex);
    const bool changed = m_progress.phase != id;
    m_progress.phase = id;
    m_progress.phaseLabel = label;
    m_progress.currentItem.clear();
    if (changed) {
        // A job hopping between phases per item (verify, check, verify…) needs no history.
        if (m_phaseStarts.size() >= MaxPhaseStarts)
            m_phaseStarts.removeFirst();
        m_phaseStarts.append(m_progress);
    }
}

QList<JobProgress> JobContext::takePhaseStarts()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_phaseStarts, {});
}

void JobContext::setBytesTotal(qint64 total)
{
    QMutexLocker lock(&m_mutex);
    m_progress.bytesTotal = total;
}

void JobContext::setBytesDone(qint64 done)
{
    QMutexLocker lock(&m_mutex);
    m_progress.bytesDone = done;
}

void JobContext::addBytesDone(qint64 delta)
{
    QMutexLocker lock(&m_mutex);
    m_progress.bytesDone += delta;
}

void JobContext::setItemsTotal(qint64 total)
{
    QMutexLocker lock(&m_mutex);
    m_progress.itemsTotal = total;
}

void JobContext::addItemsDone(qint64 delta)
{
    QMutexLocker lock(&m_mutex);
    m_progress.itemsDone += delta;
}

void JobContext::setCurrentItem(const QString &item)
{
    QMutexLocker lock(&m_mutex);
    m_progress.currentItem = item;
}

void JobContext::log(Job::MessageLevel level, const QString &text)
{
    QMutexLocker lock(&m_mutex);
    m_pendingMessages.append({level, text});
}

Error JobContext::cancelledError()
{
    return Error(ErrorCode::Cancelled, Tr::tr("Cancelled by the user."));
}

int JobContext::addCancelHook(CancelHook hook)
{
    QMutexLocker lock(&m_hookMutex);
    if (isCancelled()) {
        hook();
        return 0;
    }
    const int id = m_nextHookId++;
    m_hooks.emplace(id, std::move(hook));
    return id;
}

void JobContext::removeCancelHook(int id)
{
    QMutexLocker lock(&m_hookMutex);
    m_hooks.erase(id);
}

void JobContext::requestCancel()
{
    QMutexLocker lock(&m_hookMutex);
    if (m_cancelled.exchange(true, std::memory_order_acq_rel))
        return;
    for (auto &[id, hook] : m_hooks)
        hook();
}

JobProgress JobContext::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_progress;
}

QList<QPair<Job::MessageLevel, QString>> JobContext::takeMessages()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_pendingMessages, {});
}

} // namespace PgVault
