#pragma once

#include "framework/Command.h"

#include "repo/Repository.h"

namespace PgVault::Cli {

// wal-push PATH: archive_command = 'pgvault-cli --repo R wal-push %p'. The work is
// PgVault::WalPush (core/wal); this only finds the repository and maps the outcome to 0/1.
class WalPushCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QList<Argument> arguments() const override;
    Status parse(const Parsed &parsed) override;
    CommandStatus run(CommandContext &context) override;

private:
    QString m_path;
};

// The repository of wal-push and wal-get: --repo, else $PGVAULT_REPO or the default folder.
// It must exist already (NotFound otherwise, with a hint).
Result<Repository> openWalRepository(const GlobalOptions &options);

} // namespace PgVault::Cli
