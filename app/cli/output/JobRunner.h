#pragma once

#include "framework/ExitCode.h"

#include <QObject>

#include <functional>
#include <memory>

namespace PgVault {
class Job;
}

namespace PgVault::Cli {

class Console;
class JobRenderer;
class SignalCanceller;
struct GlobalOptions;

// Runs one Job for a command: starts it, renders its signals through the renderer that
// JobRenderer::create() picks, cancels it on SIGINT/SIGTERM (a second signal ends the process
// at once) and reports the exit code: 0 succeeded, 1 failed or cancelled.
//
// Commands reach it through CommandContext::runJob(); the sandbox and later job commands need
// nothing else:
//   return context.runJob(std::make_unique<DumpJob>(…), [&](const Job &job) {
//       context.output().print(job.resultData().value(u"backupId").toString());
//   });
class JobRunner : public QObject
{
    Q_OBJECT

public:
    using Summary = std::function<void(const Job &job)>;
    using Done = std::function<void(ExitCode code)>;

    JobRunner(Console &console, const GlobalOptions &options, QObject *parent = nullptr);
    ~JobRunner() override;

    // Takes the job and starts it. After Job::finished(): the renderer reports the outcome;
    // on success `summary` (human output only: with --json the result object carries the job's
    // resultData) prints the command's answer; then `done` gets the exit code.
    void run(std::unique_ptr<Job> job, Summary summary, Done done);
    // Overrides the renderer JobRenderer::create() would pick (tests).
    void setRenderer(std::unique_ptr<JobRenderer> renderer);

    Job *job() const { return m_job.get(); }

private:
    void onInterrupted();
    void onFinished();

    Console &m_console;
    const GlobalOptions &m_options;
    std::unique_ptr<JobRenderer> m_renderer;
    std::unique_ptr<Job> m_job;
    SignalCanceller *m_canceller = nullptr;
    Summary m_summary;
    Done m_done;
};

} // namespace PgVault::Cli
