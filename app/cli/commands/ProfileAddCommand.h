#pragma once

#include "framework/Command.h"

namespace PgVault::Cli {

// profile add NAME --conninfo STR [--ask-password]
//
// Saves a profile. The password never goes into the settings: --ask-password reads it (from
// the terminal without echo, or one line from stdin) and a password inside the connection
// string is cut out by ProfileStore; either goes to the keychain. Without a keychain the
// profile is still saved, a warning says the password cannot be kept, and nothing of it is
// written to disk. The keychain (D-Bus) is only touched when there is a password.
class ProfileAddCommand : public Command
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
    QString m_name;
    QString m_conninfo;
    bool m_askPassword = false;
};

} // namespace PgVault::Cli
