#include "PlainOutput.h"

#include "Console.h"
#include "ProgressText.h"

namespace PgVault::Cli {

PlainOutput::PlainOutput(Console &console, bool quiet, bool verbose)
    : m_console(console)
    , m_quiet(quiet)
    , m_verbose(verbose)
{}

void PlainOutput::progress(const JobProgress &progress)
{
    if (m_quiet || (progress.phase.isEmpty() && progress.phaseLabel.isEmpty()))
        return;
    const QString label = ProgressText::label(progress);
    if (progress.phase != m_phase) {
        m_phase = progress.phase;
        m_lastDecile = 0;
        m_console.print(label);
    }
    const int percent = ProgressText::wholePercent(progress);
    if (percent < 0 || percent / 10 <= m_lastDecile)
        return;
    m_lastDecile = percent / 10;
    const QString amount = ProgressText::amount(progress);
    QString line = QStringLiteral("%1: %2").arg(label, ProgressText::percent(progress));
    if (!amount.isEmpty())
        line += QStringLiteral(" (%1)").arg(amount);
    m_console.print(line);
}

void PlainOutput::message(Job::MessageLevel level, const QString &text)
{
    switch (level) {
    case Job::MessageLevel::Info:
        if (!m_quiet)
            m_console.print(text);
        break;
    case Job::MessageLevel::Warning: m_console.printWarning(text); break;
    case Job::MessageLevel::Error: m_console.printError(text); break;
    }
}

void PlainOutput::finished(const Job &job)
{
    if (job.error())
        m_console.printError(*job.error(), m_verbose);
}

} // namespace PgVault::Cli
