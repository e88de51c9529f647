#pragma once

#include "common/Result.h"

#include <QString>

namespace PgVault::Cli {

class Console;

// Reads a password for --ask-password.
//  - stdin is a terminal: the prompt goes to stderr, echo is switched off with termios while
//    the user types, and a newline is printed afterwards. Ctrl+C while typing restores the
//    terminal before the process ends (otherwise the shell would be left without echo).
//  - stdin is not a terminal (scripts, tests: `echo secret | pgvault-cli … --ask-password`):
//    one line is read, without prompt.
// The trailing newline is removed. An empty password or end of input is InvalidInput.
class PasswordReader
{
public:
    static Result<QString> read(Console &console, const QString &prompt);

private:
    static Result<QString> readFromTerminal(Console &console, const QString &prompt);
    static Result<QString> readLine(Console &console);
};

} // namespace PgVault::Cli
