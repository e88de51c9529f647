#pragma once

#include "framework/Command.h"

namespace PgVault::Cli {

// wal-get NAME DEST: restore_command = 'pgvault-cli --repo R wal-get %f %p'. The work is
// PgVault::WalGet (core/wal). A file the repository does not hold exits 1 without a word on
// stderr: recovery asks for names that do not exist as a matter of course.
class WalGetCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QList<Argument> arguments() const override;
    Status parse(const Parsed &parsed) override;
    CommandStatus run(CommandContext &context) override;

private:
    QString m_name;
    QString m_destination;
};

} // namespace PgVault::Cli
