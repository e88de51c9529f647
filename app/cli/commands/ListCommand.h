#pragma once

#include "framework/Command.h"

#include "repo/Repository.h"

namespace PgVault::Cli {

class CommandContext;

// The repository of --repo (else the settings' default), which must exist: list and verify
// never create one. NotFound says where it looked and how to choose another.
Result<Repository> openExistingRepository(CommandContext &context);

// list: every backup folder of every server in the repository, oldest first, as a table (id,
// kind, databases, server version, start in local time, duration, raw and stored size, state).
// Folders without a usable manifest are listed with their state (in progress, incomplete,
// damaged) and never as restorable. --json: {"repository": path, "backups": [{…every field…}]}.
class ListCommand : public Command
{
public:
    QString name() const override;
    QString summary() const override;
    QString description() const override;
    CommandStatus run(CommandContext &context) override;
};

} // namespace PgVault::Cli
