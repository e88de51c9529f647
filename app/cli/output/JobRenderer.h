#pragma once

#include "jobs/Job.h"

#include <memory>

namespace PgVault::Cli {

class Console;
struct GlobalOptions;

// Shows one Job's signals as text. Three implementations (STYLE.md §2 "app/cli/output"):
//   JsonLinesOutput    --json: every event as a JSON line, then exactly one result object
//   TerminalProgress   stdout is a terminal: one `\r`-updated line (phase, %, bytes, rate, ETA)
//   PlainOutput        otherwise (pipes, logs, --quiet): a line per phase and per 10 %
// create() picks one. JobRunner connects a Job to a renderer; commands use JobRunner (through
// CommandContext::runJob) rather than renderers directly.
//
// Errors, warnings and the final error message go to stderr in every human mode, so stdout
// holds only progress and the command's answer (e.g. the backup id, printed last).
class JobRenderer
{
public:
    virtual ~JobRenderer();

    virtual void started(const Job &job);
    virtual void progress(const JobProgress &progress) = 0;
    virtual void message(Job::MessageLevel level, const QString &text) = 0;
    // Once, after Job::finished(): ends any progress line and reports the outcome (the error on
    // stderr, or the JSON result object). Success output of the command comes after this.
    virtual void finished(const Job &job) = 0;

    static std::unique_ptr<JobRenderer> create(Console &console, const GlobalOptions &options);
};

} // namespace PgVault::Cli
