#pragma once

#include "framework/Command.h"

#include "dump/DumpOptions.h"

namespace PgVault::Cli {

// restore-dump ID (--conninfo STR | --profile NAME) --db NAME [--create] [--clean]
//              [--schema S]... [--table S.T]... [--jobs N] [--from-db NAME]
//
// Runs a core RestoreDumpJob. Exit 0 restored, 1 failed (damaged backup, target not empty
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
};

} // namespace PgVault::Cli
