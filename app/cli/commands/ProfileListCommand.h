#pragma once

#include "framework/Command.h"

namespace PgVault::Cli {

// profile list: the saved connection profiles as a table, or with --json
// {"profiles":[{"id","name","conninfo","repository"}]}. Reads the settings only (no keychain).
class ProfileListCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    CommandStatus run(CommandContext &context) override;
};

} // namespace PgVault::Cli
