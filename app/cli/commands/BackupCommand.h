#pragma once

#include "framework/Command.h"

#include "physical/BaseBackupOptions.h"

namespace PgVault::Cli {

// backup (--profile NAME | --conninfo STR) [--fast-checkpoint] [--compress-level L]
//
// Runs a core BaseBackupJob (a native physical base backup over a replication connection)
// through the shared renderers. The backup id is the last line of stdout (scripts take
// `tail -n1`), and "backupId" in the --json result.
class BackupCommand : public Command
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
    BaseBackupOptions m_options;
};

} // namespace PgVault::Cli
