#include "StatusLine.h"

#include "Console.h"

namespace PgVault::Cli {

StatusLine::StatusLine(Console &console, bool enabled, Requirement requirement)
    : m_console(console)
    , m_enabled(enabled && (requirement == Requirement::AnyConsole || console.isOutputTerminal()))
{}

StatusLine::~StatusLine()
{
    clear();
}

void StatusLine::show(const QString &text)
{
    if (!m_enabled)
        return;
    // One column short of the width: writing into the last column makes some terminals wrap.
    const qsizetype width = qMax(10, m_console.terminalWidth() - 1);
    QString line = text;
    if (line.size() > width)
        line = line.left(width - 1) + QChar(0x2026); // …
    // Pad over the rest of a longer previous line instead of relying on ANSI erase codes.
    const qsizetype padding = qMax<qsizetype>(0, m_shownLength - line.size());
    m_console.write(QLatin1Char('\r') + line + QString(padding, QLatin1Char(' ')));
    m_shownLength = line.size();
}

void StatusLine::keep()
{
    if (m_shownLength > 0)
        m_console.write(QStringLiteral("\n"));
    m_shownLength = 0;
}

void StatusLine::clear()
{
    if (m_shownLength == 0)
        return;
    m_console.write(QLatin1Char('\r') + QString(m_shownLength, QLatin1Char(' '))
                    + QLatin1Char('\r'));
    m_shownLength = 0;
}

} // namespace PgVault::Cli
