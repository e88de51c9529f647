#pragma once

#include "JobRenderer.h"

namespace PgVault::Cli {

// A Job for pipes and log files (stdout is not a terminal): a line when a phase begins and one
// each time it passes another 10 % step (showing the exact value reached):
//   Dumping “shop”
//   Dumping “shop”: 12 % (1.4 MiB of 12.0 MiB)
// With `quiet`, only warnings and errors (on stderr).
class PlainOutput : public JobRenderer
{
public:
    PlainOutput(Console &console, bool quiet, bool verbose);

    void progress(const JobProgress &progress) override;
    void message(Job::MessageLevel level, const QString &text) override;
    void finished(const Job &job) override;

private:
    Console &m_console;
    bool m_quiet;
    bool m_verbose;
    QString m_phase;
    int m_lastDecile = 0; // the last 10 % step printed in this phase
};

} // namespace PgVault::Cli
