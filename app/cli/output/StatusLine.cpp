#include "StatusLine.h"

#include "Console.h"

namespace PgVault::Cli {

StatusLine::StatusLine(Console &console, bool enabled)
    : m_console(console)
    , m_enabled(enabled && console.isOutputTerminal())
{}

StatusLine::~StatusLine()
{
    clear();
}

void StatusLine::show(const QString &text)
{
    if (!m_enabled)
        return;
    const qsizetype width = qMax(10, m_console.terminalWidth() - 1);
    QString line = text.left(width);
    const qsizetype padding = qMax<qsizetype>(0, m_shownLength - line.size());
    m_console.write(QLatin1Char('\r') + line + QString(padding, QLatin1Char(' ')));
    m_shownLength = line.size();
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
