#pragma once

#include <QString>

namespace PgVault::Cli {

class Console;

// A transient one-line status on a terminal ("Connecting to db:5432…") for steps that are not
// Jobs, so a slow connect does not look like a hang. Does nothing unless stdout is a terminal
// and output is human and not --quiet; clear() removes the line before the answer is printed.
class StatusLine
{
public:
    StatusLine(Console &console, bool enabled);
    ~StatusLine();
    StatusLine(const StatusLine &) = delete;
    StatusLine &operator=(const StatusLine &) = delete;

    void show(const QString &text);
    void clear();

private:
    Console &m_console;
    bool m_enabled;
    qsizetype m_shownLength = 0;
};

} // namespace PgVault::Cli
