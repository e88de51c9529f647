#pragma once

#include "CommandServices.h"
#include "ExitCode.h"
#include "GlobalOptions.h"
#include "output/CommandOutput.h"
#include "output/JobRunner.h"

#include <functional>
#include <memory>

namespace PgVault {
class Job;
}

namespace PgVault::Cli {

class Console;

// What a running command works with: the global options, the console, output helpers, the
// lazily built core services, and the way to finish.
//
//   return context.succeed(data);              done now (prints the --json result object)
//   return context.fail(error);                done now, exit 1 (2 for InvalidInput)
//   return context.runJob(std::move(job), …);  a Job: rendered, exit code from its outcome
//   … return StillRunning; then later context.finish(code)   any other asynchronous step
class CommandContext
{
public:
    using FinishHandler = std::function<void(ExitCode)>;

    CommandContext(Console &console, const GlobalOptions &options, QString commandName,
                   QString synopsis, FinishHandler onFinish);
    ~CommandContext();
    CommandContext(const CommandContext &) = delete;
    CommandContext &operator=(const CommandContext &) = delete;

    const GlobalOptions &options() const { return m_options; }
    Console &console() { return m_console; }
    CommandOutput &output() { return m_output; }
    CommandServices &services() { return m_services; }

    ExitCode succeed(const QJsonObject &data = {}) { return m_output.succeed(data); }
    ExitCode fail(const Error &error) { return m_output.fail(error); }
    ExitCode usageError(const QString &message) { return m_output.usageError(message); }

    // Runs the job to its end (see JobRunner); the command is finished with its exit code.
    CommandStatus runJob(std::unique_ptr<Job> job, JobRunner::Summary summary = {});

    // Ends a command that returned StillRunning. Only the first call counts.
    void finish(ExitCode code);
    bool isFinished() const { return m_finished; }

private:
    Console &m_console;
    GlobalOptions m_options;
    CommandOutput m_output;
    CommandServices m_services;
    FinishHandler m_onFinish;
    std::unique_ptr<JobRunner> m_jobRunner;
    bool m_finished = false;
};

} // namespace PgVault::Cli
