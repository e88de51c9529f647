#pragma once

#include "ExitCode.h"

#include "common/Result.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace PgVault::Cli {

class CommandContext;
struct GlobalOptions;

// One pgvault-cli command ("profile add", "check", "sandbox", …). Stays thin (STYLE.md §2):
// reads its arguments, builds a core object or Job, renders it, maps the outcome to 0/1/2.
//
// Lifecycle, driven by the Dispatcher: construct (must be cheap: the dispatcher makes one of
// every command to list them) → parse() → run(). The object lives until the command finished.
//
// Adding a command: write commands/<Name>.h/.cpp with a subclass, then add <Name> to
// PGVAULT_CLI_COMMANDS in app/cli/CMakeLists.txt. Nothing else.
class Command
{
public:
    // A positional argument, for the synopsis, the help and the argument count check.
    struct Argument
    {
        enum class Kind { Required, Optional, Repeatable };
        QString name;        // "NAME"
        QString description; // translated
        Kind kind = Kind::Required;
    };

    // What parse() gets: the parser (global and command options) and the positional
    // arguments after the command's name.
    struct Parsed
    {
        const QCommandLineParser &parser;
        const QStringList &arguments;
        const GlobalOptions &global;
    };

    virtual ~Command();

    // The words that select the command, e.g. "profile add"; lower-case ASCII. Commands whose
    // first word is the same form a group ("profile --help" lists them).
    virtual QString name() const = 0;
    // One translated line for the command list.
    virtual QString summary() const = 0;
    // The paragraph of `<command> --help`; the summary by default.
    virtual QString description() const;
    // "profile add NAME --conninfo STR [--ask-password]"; by default built from name(),
    // options() and arguments().
    virtual QString synopsis() const;

    virtual QList<Argument> arguments() const;
    // The command's own options; the global ones are always accepted too.
    virtual QList<QCommandLineOption> options() const;

    // Reads the command line into members. An error here is a usage error (exit 2). The number
    // of positional arguments was already checked against arguments().
    virtual Status parse(const Parsed &parsed);

    // Does the work. Returns the exit code, or StillRunning and calls context.finish() later.
    virtual CommandStatus run(CommandContext &context) = 0;
};

} // namespace PgVault::Cli
