#include "ThreadedJob.h"

#include "common/Tr.h"

#include <QThread>

namespace PgVault {

namespace {
constexpr int SampleIntervalMs = 125;
}

ThreadedJob::~ThreadedJob()
{
    if (m_thread) {
        m_context->requestCancel();
        m_thread->wait();
    }
}

void ThreadedJob::waitForWorker()
{
    if (m_thread)
        m_thread->wait();
    // Deliver the queued completion so the job's state is final when this returns.
    if (m_thread && !isFinished())
        onWorkerFinished();
}

void ThreadedJob::doStart()
{
    m_clock.start();
    m_sampler.setInterval(SampleIntervalMs);
    connect(&m_sampler, &QTimer::timeout, this, &ThreadedJob::sampleProgress);
    m_sampler.start();

    // The thread lambda only touches the context and m_result; m_result is read after wait()
    // or after QThread::finished, both of which happen-after the write.
    m_thread = QThread::create([this, context = m_context] { m_result = work(*context); });
    m_thread->setParent(this);
    m_thread->setObjectName(kind());
    connect(m_thread, &QThread::finished, this, &ThreadedJob::onWorkerFinished);
    m_thread->start();
}

void ThreadedJob::doCancel()
{
    m_context->requestCancel();
}

void ThreadedJob::sampleProgress()
{
    for (const auto &[level, text] : m_context->takeMessages())
        postMessage(level, text);

    const QList<JobProgress> phaseStarts = m_context->takePhaseStarts();
    JobProgress progress = m_context->snapshot();
    // Phases begun and left again since the last sample: shown once each, without a rate.
    for (const JobProgress &start : phaseStarts) {
        if (start.phase != progress.phase && start.phase != this->progress().phase)
            publishProgress(start);
    }
    if (progress.phase != m_ratePhase) {
        // Rates of different phases (dumping vs verifying) are not comparable.
        m_ratePhase = progress.phase;
        m_rate.reset();
    }
    m_rate.sample(progress.bytesDone, m_clock.elapsed());
    progress.bytesPerSecond = m_rate.bytesPerSecond();
    progress.etaSeconds = m_rate.etaSeconds(progress.bytesDone, progress.bytesTotal);
    publishProgress(progress);
}

void ThreadedJob::onWorkerFinished()
{
    if (isFinished())
        return;
    m_sampler.stop();
    sampleProgress();
    if (!m_result) {
        finish(Error(ErrorCode::Internal, Tr::tr("The job ended without a result.")));
        return;
    }
    finish(*m_result);
}

} // namespace PgVault
