#pragma once

#include "ExitCode.h"
#include "GlobalOptions.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace PgVault::Cli {

class Command;
class CommandContext;
class Console;

// Parses the command line, picks the command and runs it: what pgvault-cli's main() and the
// in-process tests share.
//
// Global options may come before or after the command's name; the command's own options come
// after it. "help COMMAND" and "COMMAND --help" print the command's help; "GROUP --help" lists
// a group (profile, sandbox). Unknown commands and options, missing or extra arguments are
// usage errors: message and usage on stderr, exit 2.
//
// finished() is emitted once with the exit code, possibly from inside start() (commands that
// need no event loop); isFinished() tells which.
class Dispatcher : public QObject
{
    Q_OBJECT

public:
    explicit Dispatcher(Console &console, QObject *parent = nullptr);
    ~Dispatcher() override;

    // arguments as QCoreApplication::arguments(): the program's name first.
    void start(const QStringList &arguments);
    bool isFinished() const { return m_finished; }
    int exitCode() const { return m_exitCode; }

    // start() and a local event loop until finished(); for tests and simple callers.
    int exec(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    CommandStatus dispatch(const QStringList &arguments);
    CommandStatus runCommand(std::unique_ptr<Command> command, const QStringList &arguments);
    // A group's name without one of its commands: its help, or a usage error.
    ExitCode groupUsage(const QString &program, const QStringList &words);
    void complete(ExitCode code);

    Console &m_console;
    GlobalOptions m_options;
    std::vector<std::unique_ptr<Command>> m_commands;
    std::unique_ptr<Command> m_command;
    std::unique_ptr<CommandContext> m_context;
    bool m_started = false;
    bool m_finished = false;
    int m_exitCode = 0;
};

} // namespace PgVault::Cli
