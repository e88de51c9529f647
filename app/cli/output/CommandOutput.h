#pragma once

#include "framework/ExitCode.h"
#include "framework/GlobalOptions.h"

#include <QJsonObject>
#include <QString>

namespace PgVault {
class Error;
}

namespace PgVault::Cli {

class Console;

// How a command that is not a Job reports: human lines, or with --json one result object.
//
//   print()      the command's answer (a table, facts); human mode only, even with --quiet
//   info()       chatter ("Saved profile “x”."); neither with --json nor with --quiet
//   warning()    stderr, always (stderr is never parsed)
//   succeed()    --json: the result object with `data`; exit 0
//   fail()       the error on stderr (+detail with --verbose); --json: the result object too;
//                exit 2 for ErrorCode::InvalidInput (the command line asked for something
//                impossible: a bad name, an unknown profile), else 1
//   usageError() the message and a hint to --help on stderr; exit 2
class CommandOutput
{
public:
    // For a command: its name and synopsis (without the program name), used by usageError().
    // Empty before a command is known: usage errors then point to the general --help.
    CommandOutput(Console &console, const GlobalOptions &options, QString commandName = {},
                  QString synopsis = {});

    Console &console() { return m_console; }
    bool json() const { return m_options.json; }
    bool quiet() const { return m_options.quiet; }
    bool verbose() const { return m_options.verbose; }

    void print(const QString &line);
    void info(const QString &line);
    void warning(const QString &text);

    ExitCode succeed(const QJsonObject &data = {});
    ExitCode fail(const Error &error);
    ExitCode usageError(const QString &message);

    // "pgvault-cli", as usage lines name the program whatever argv[0] was.
    static QString programName() { return QStringLiteral("pgvault-cli"); }

private:
    ExitCode reportUsageError(const Error &error);

    Console &m_console;
    const GlobalOptions &m_options;
    QString m_commandName;
    QString m_synopsis;
};

} // namespace PgVault::Cli
