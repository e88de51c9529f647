#include "CommandContext.h"

#include "jobs/Job.h"

namespace PgVault::Cli {

CommandContext::CommandContext(Console &console, const GlobalOptions &options, QString commandName,
                               QString synopsis, FinishHandler onFinish)
    : m_console(console)
    , m_options(options)
    , m_output(console, m_options, std::move(commandName), std::move(synopsis))
    , m_services(m_options, m_output)
    , m_onFinish(std::move(onFinish))
{}

CommandContext::~CommandContext()
{
    // The job (and its worker thread) goes before the services its work may use.
    m_jobRunner.reset();
}

CommandStatus CommandContext::runJob(std::unique_ptr<Job> job, JobRunner::Summary summary)
{
    m_jobRunner = std::make_unique<JobRunner>(m_console, m_options);
    m_jobRunner->run(std::move(job), std::move(summary), [this](ExitCode code) { finish(code); });
    return StillRunning;
}

void CommandContext::finish(ExitCode code)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_onFinish)
        m_onFinish(code);
}

} // namespace PgVault::Cli
