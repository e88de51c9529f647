#pragma once

#include "framework/Command.h"

#include "connection/ServerFacts.h"

#include <memory>

namespace PgVault::Cli {

class ServerInspection;

// profile test NAME: connects with the profile (password from the keychain, else libpq's
// PGPASSWORD / ~/.pgpass) and shows the server version, the role's privileges and the
// warnings. Exit 1 when the connection fails (the server's words on stderr).
class ProfileTestCommand : public Command
{
public:
    ProfileTestCommand();
    ~ProfileTestCommand() override;

    QString name() const override;
    QString summary() const override;
    QList<Argument> arguments() const override;
    Status parse(const Parsed &parsed) override;
    CommandStatus run(CommandContext &context) override;

private:
    ExitCode report(CommandContext &context, const QString &name, const Result<ServerFacts> &facts);

    QString m_name;
    std::unique_ptr<ServerInspection> m_inspection;
};

} // namespace PgVault::Cli
