#pragma once

#include "framework/Command.h"

#include "dump/DumpOptions.h"

namespace PgVault::Cli {

// dump (--profile NAME | --conninfo STR) [--db NAME]... [--all] [--globals]
//      [--format custom|directory] [--jobs N] [--compress-level L]
//
// Runs a core DumpJob through the shared renderers. The backup id is the last line of stdout
// (scripts take `tail -n1`), and "backupId" in the --json result. --jobs above 1 without
// --format picks the directory format, the only one pg_dump dumps in parallel.
class DumpCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QString synopsis() const override;
    QList<QCommandLineOption> options() const override;
    Status parse(const Parsed &parsed) override;
    CommandStatus run(CommandContext &context) override;

private:
    DumpOptions m_options;
};

} // namespace PgVault::Cli
