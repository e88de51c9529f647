#pragma once

#include "Job.h"
#include "JobProgress.h"

#include <QMutex>

#include <atomic>
#include <functional>
#include <map>

namespace PgVault {

// The worker's side of a ThreadedJob: thread-safe counters, phase, log and the cancel flag.
// The worker writes here as often as it likes; the job samples it a few times a second.
class JobContext
{
public:
    using CancelHook = std::function<void()>;

    void setPhase(const QString &id, const QString &label);
    void setBytesTotal(qint64 total);
    void setBytesDone(qint64 done);
    void addBytesDone(qint64 delta);
    void setItemsTotal(qint64 total);
    void addItemsDone(qint64 delta = 1);
    void setCurrentItem(const QString &item);

    void info(const QString &text) { log(Job::MessageLevel::Info, text); }
    void warning(const QString &text) { log(Job::MessageLevel::Warning, text); }
    void log(Job::MessageLevel level, const QString &text);

    // Checked by the worker at every chunk boundary.
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }
    // The error a worker returns when it stops because of a cancel request.
    static Error cancelledError();

    // A hook that wakes a blocking call (PQcancel, terminating a child process). It runs on the
    // controlling thread when cancel is requested, or at once if it already was. Hooks must not
    // call back into this context. Removing a hook waits until it is no longer running, so the
    // objects it touches may be destroyed right after.
    int addCancelHook(CancelHook hook);
    void removeCancelHook(int id);

    // Owner's side.
    void requestCancel();
    JobProgress snapshot() const;
    // How progress looked when each phase began, since the last call: a phase shorter than
    // the sampling interval is still shown (renderers promise a line per phase).
    QList<JobProgress> takePhaseStarts();
    QList<QPair<Job::MessageLevel, QString>> takeMessages();

private:
    mutable QMutex m_mutex;
    JobProgress m_progress;
    QList<JobProgress> m_phaseStarts;
    QList<QPair<Job::MessageLevel, QString>> m_pendingMessages;

    QMutex m_hookMutex;
    std::map<int, CancelHook> m_hooks;
    int m_nextHookId = 1;
    std::atomic_bool m_cancelled = false;
};

// RAII registration of a cancel hook for the duration of a blocking call.
class CancelHookGuard
{
public:
    CancelHookGuard(JobContext &context, JobContext::CancelHook hook)
        : m_context(context)
        , m_id(context.addCancelHook(std::move(hook)))
    {}
    ~CancelHookGuard() { m_context.removeCancelHook(m_id); }
    CancelHookGuard(const CancelHookGuard &) = delete;
    CancelHookGuard &operator=(const CancelHookGuard &) = delete;

private:
    JobContext &m_context;
    int m_id;
};

} // namespace PgVault
