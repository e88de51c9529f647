#pragma once

#include "JobRenderer.h"
#include "StatusLine.h"

#include <optional>

namespace PgVault::Cli {

// A Job on an interactive terminal: one line, rewritten in place with `\r`:
//   Dumping “shop”  42 %  1.2 MiB of 3.0 MiB  15.0 MiB/s  ETA 1 min 05 s  public.orders
// cut to the terminal's width (a wrapped line cannot be rewritten by `\r`). A log message
// clears the line, prints above it and redraws it. The last state stays on screen, ended by a
// newline, when the job finishes.
class TerminalProgress : public JobRenderer
{
public:
    TerminalProgress(Console &console, bool verbose);

    void progress(const JobProgress &progress) override;
    void message(Job::MessageLevel level, const QString &text) override;
    void finished(const Job &job) override;

    // The line for a progress state, before cutting to width.
    static QString lineFor(const JobProgress &progress);

private:
    void draw();

    Console &m_console;
    bool m_verbose;
    std::optional<JobProgress> m_last;
    StatusLine m_line;
};

} // namespace PgVault::Cli
