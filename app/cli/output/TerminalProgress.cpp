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
    clear();
    switch (level) {
    case Job::MessageLevel::Info: m_console.print(text); break;
    case Job::MessageLevel::Warning: m_console.printWarning(text); break;
    case Job::MessageLevel::Error: m_console.printError(text); break;
    }
    draw();
}

void TerminalProgress::finished(const Job &job)
{
    if (m_shownLength > 0)
        m_console.write(QStringLiteral("\n"));
    m_shownLength = 0;
    if (job.error())
        m_console.printError(*job.error(), m_verbose);
}

void TerminalProgress::draw()
{
    if (!m_last)
        return;
    QString line = lineFor(*m_last);
    // One column short of the width: writing into the last column makes some terminals wrap.
    const qsizetype width = qMax(10, m_console.terminalWidth() - 1);
    if (line.size() > width)
        line = line.left(width - 1) + QChar(0x2026); // …
    // Pad over the rest of a longer previous line instead of relying on ANSI erase codes.
    const qsizetype padding = qMax<qsizetype>(0, m_shownLength - line.size());
    m_console.write(QLatin1Char('\r') + line + QString(padding, QLatin1Char(' ')));
    m_shownLength = line.size();
}

void TerminalProgress::clear()
{
    if (m_shownLength == 0)
        return;
    m_console.write(QLatin1Char('\r') + QString(m_shownLength, QLatin1Char(' '))
                    + QLatin1Char('\r'));
    m_shownLength = 0;
}

} // namespace PgVault::Cli
