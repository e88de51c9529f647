#pragma once

#include "framework/Command.h"

namespace PgVault {
struct SandboxStatus;
}

namespace PgVault::Cli {

class CommandOutput;

// sandbox create|start|stop|status|remove: the local demo PostgreSQL (core/sandbox). The
// actions that change something run a core Job through the shared renderers; status is
// immediate, and with --json prints SandboxStatus::toJson() as the result object.
class SandboxCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString description() const override;
    QList<Argument> arguments() const override;
    Status parse(const Parsed &parsed) override;
    CommandStatus run(CommandContext &context) override;

private:
    CommandStatus create(CommandContext &context);
    CommandStatus status(CommandContext &context);
    QStringList extraBinDirs(CommandContext &context) const;
    static void printStatus(CommandOutput &output, const SandboxStatus &status);

    QString m_action;
};

} // namespace PgVault::Cli
