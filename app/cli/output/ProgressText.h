#pragma once

#include "jobs/JobProgress.h"

#include <QString>

namespace PgVault::Cli {

// The pieces of a progress line, shared by TerminalProgress and PlainOutput so both word it
// the same way. Sizes, rates and durations come from core's Format.h (the GUI uses them too).
class ProgressText
{
public:
    // The translated phase label; the phase id when the job gave no label.
    static QString label(const JobProgress &progress);
    // "42 %" (whole percent, rounded down so 100 % means done); empty when unknown.
    static QString percent(const JobProgress &progress);
    // "1.2 MiB of 3.0 MiB", "1.2 MiB" (total unknown), "3 of 12" (items only); may be empty.
    static QString amount(const JobProgress &progress);
    // "15.0 MiB/s"; empty before bytes move.
    static QString rate(const JobProgress &progress);
    // "ETA 1 min 05 s"; empty while the estimate is not trusted.
    static QString eta(const JobProgress &progress);

    // 0..100 rounded down, or -1 when unknown.
    static int wholePercent(const JobProgress &progress);
};

} // namespace PgVault::Cli
