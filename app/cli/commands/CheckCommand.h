#pragma once

#include "framework/Command.h"

#include "connection/ServerFacts.h"

#include <memory>

namespace PgVault::Cli {

class ServerInspection;

// check (--profile NAME | --conninfo STR): the server's facts, the role's privileges, the
// archiving status, the client tools found for the server's major, the repository path and
// whether it exists and is writable, and the warnings with their fixes. --json prints
// {"facts":{…},"warnings":[…],"repository":{…}}. Exit 1 only when the server cannot be
// inspected; problems found are reported, not failures.
class CheckCommand : public Command
{
public:
    CheckCommand();
    ~CheckCommand() override;

    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QString synopsis() const override;
    CommandStatus run(CommandContext &context) override;

private:
    ExitCode report(CommandContext &context, const QString &repositoryPath,
                    const Result<ServerFacts> &facts);

    std::unique_ptr<ServerInspection> m_inspection;
};

} // namespace PgVault::Cli
