#pragma once

#include "framework/Command.h"

namespace PgVault::Cli {

// verify [ID | --all]: runs PgVault::VerifyJob over one backup or all of them (the default).
// Exit 1 when anything is damaged; the message names the first bad file, every problem is
// printed as a warning, and --verbose lists them all again in the error's detail.
class VerifyCommand : public Command
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
    QString m_id; // empty: all backups
};

} // namespace PgVault::Cli
