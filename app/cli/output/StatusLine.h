#pragma once

#include <QString>

namespace PgVault::Cli {

class Console;

// One line on a terminal, rewritten in place with `\r` and cut to the terminal's width (a
// wrapped line cannot be rewritten). Used for a Job's progress (TerminalProgress) and for
// steps that are not Jobs ("Connecting to db:5432…"), so a slow step does not look like a hang.
// Does nothing when disabled; clear() removes the line before other output is printed.
class StatusLine
{
public:
    enum class Requirement { AnyConsole, TerminalOnly };

    // TerminalOnly: also disabled unless stdout is a terminal.
    StatusLine(Console &console, bool enabled, Requirement requirement = Requirement::TerminalOnly);
    ~StatusLine(); // clears the line
    StatusLine(const StatusLine &) = delete;
    StatusLine &operator=(const StatusLine &) = delete;

    void show(const QString &text);
    void clear();
    // Leaves the line on screen, ended by a newline.
    void keep();

private:
    Console &m_console;
    bool m_enabled;
    qsizetype m_shownLength = 0;
};

} // namespace PgVault::Cli
