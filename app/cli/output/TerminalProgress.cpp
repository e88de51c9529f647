#include "TerminalProgress.h"

#include "Console.h"
#include "ProgressText.h"

namespace PgVault::Cli {

namespace {
const QString kSeparator = QStringLiteral("  ");
}

TerminalProgress::TerminalProgress(Console &console, bool verbose)
    : m_console(console)
    , m_verbose(verbose)
    , m_line(console, true, StatusLine::Requirement::AnyConsole) // chosen for terminals already
{}

QString TerminalProgress::lineFor(const JobProgress &progress)
{
    QStringList parts = {ProgressText::label(progress),  ProgressText::percent(progress),
                         ProgressText::amount(progress), ProgressText::rate(progress),
                         ProgressText::eta(progress),    progress.currentItem};
    parts.removeAll(QString());
    return parts.join(kSeparator);
}

void TerminalProgress::progress(const JobProgress &progress)
{
    if (progress.phase.isEmpty() && progress.phaseLabel.isEmpty())
        return; // nothing to say yet
    m_last = progress;
    draw();
}

void TerminalProgress::message(Job::MessageLevel level, const QString &text)
{
    m_line.clear();
    switch (level) {
    case Job::MessageLevel::Info: m_console.print(text); break;
    case Job::MessageLevel::Warning: m_console.printWarning(text); break;
    case Job::MessageLevel::Error: m_console.printError(text); break;
    }
    draw();
}

void TerminalProgress::finished(const Job &job)
{
    m_line.keep();
    if (job.error())
        m_console.printError(*job.error(), m_verbose);
}

void TerminalProgress::draw()
{
    if (m_last)
        m_line.show(lineFor(*m_last));
}

} // namespace PgVault::Cli
