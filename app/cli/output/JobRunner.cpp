#include "JobRunner.h"

#include "Console.h"
#include "JobRenderer.h"
#include "framework/CliTr.h"
#include "framework/GlobalOptions.h"
#include "framework/SignalCanceller.h"

#include "jobs/Job.h"

namespace PgVault::Cli {

JobRunner::JobRunner(Console &console, const GlobalOptions &options, QObject *parent)
    : QObject(parent)
    , m_console(console)
    , m_options(options)
{}

JobRunner::~JobRunner()
{
    // The job goes first: a ThreadedJob's destructor cancels and joins its worker.
    m_job.reset();
}

void JobRunner::setRenderer(std::unique_ptr<JobRenderer> renderer)
{
    m_renderer = std::move(renderer);
}

void JobRunner::run(std::unique_ptr<Job> job, Summary summary, Done done)
{
    Q_ASSERT(!m_job);
    m_job = std::move(job);
    m_summary = std::move(summary);
    m_done = std::move(done);
    if (!m_renderer)
        m_renderer = JobRenderer::create(m_console, m_options);

    Job *j = m_job.get();
    connect(j, &Job::progressChanged, this,
            [this](const JobProgress &progress) { m_renderer->progress(progress); });
    connect(j, &Job::message, this, [this](Job::MessageLevel level, const QString &text) {
        m_renderer->message(level, text);
    });
    connect(j, &Job::finished, this, &JobRunner::onFinished);

    m_canceller = new SignalCanceller(this);
    connect(m_canceller, &SignalCanceller::interrupted, this, &JobRunner::onInterrupted);

    m_renderer->started(*j);
    j->start();
}

void JobRunner::onInterrupted()
{
    if (!m_job || m_job->isFinished())
        return;
    const QString how = m_job->cancelMeaning() == Job::CancelMeaning::Discard
                                ? Tr::tr("Cancelling; what was written so far is removed.")
                                : Tr::tr("Stopping; what is complete is kept.");
    m_console.printError(how + QLatin1Char(' ') + Tr::tr("Press Ctrl+C again to quit at once."));
    m_job->cancel();
}

void JobRunner::onFinished()
{
    // Signals now end the process the usual way again. deleteLater: this may run inside the
    // canceller's own signal (a job that was still pending finishes inside cancel()).
    if (m_canceller) {
        m_canceller->stop();
        m_canceller->deleteLater();
        m_canceller = nullptr;
    }
    m_renderer->finished(*m_job);
    const bool succeeded = m_job->state() == Job::State::Succeeded;
    if (succeeded && m_summary && !m_options.json)
        m_summary(*m_job);
    if (m_done)
        m_done(succeeded ? ExitCode::Success : ExitCode::Failure);
}

} // namespace PgVault::Cli
