#pragma once

#include "framework/Command.h"

#include "dump/DumpOptions.h"

namespace PgVault::Cli {

// restore-dump ID (--conninfo STR | --profile NAME) --db NAME [--create] [--clean]
//              [--schema S]... [--table S.T]... [--jobs N] [--from-db NAME]
// restore-dump ID (--conninfo STR | --profile NAME) --globals
//
// Runs a core RestoreDumpJob, or with --globals a RestoreGlobalsJob (--globals with any
// database option is a usage error). Exit 0 restored, 1 failed (damaged backup, target not empty
// without --clean, pg_restore errors), 2 for a wrong command line.
class RestoreDumpCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QString synopsis() const override;
    QList<Argument> arguments() const override;
    QList<QCommandLineOption> options() const override;
    Status parse(const Parsed &parsed) override;
    CommandStatus run(CommandContext &context) override;

private:
    RestoreDumpOptions m_options;
    bool m_globals = false;
};

} // namespace PgVault::Cli
