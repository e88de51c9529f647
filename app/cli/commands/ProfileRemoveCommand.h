#pragma once

#include "framework/Command.h"

namespace PgVault::Cli {

// profile remove NAME: deletes the profile and its keychain password.
class ProfileRemoveCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QList<Argument> arguments() const override;
    Status parse(const Parsed &parsed) override;
    CommandStatus run(CommandContext &context) override;

private:
    QString m_name;
};

} // namespace PgVault::Cli
