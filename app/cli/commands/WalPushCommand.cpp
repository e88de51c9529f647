#include "WalPushCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"

#include "wal/WalPush.h"

#include <QDir>

namespace PgVault::Cli {

// The settings file is deliberately not read: these commands run once per WAL segment
// (STYLE.md §2), and archive_command/restore_command name the repository with --repo.
// A missing repository is not created here: an unmounted backup disk would otherwise silently
// receive the WAL on the wrong file system. PostgreSQL keeps the WAL and retries meanwhile.
Result<Repository> openWalRepository(const GlobalOptions &options)
{
    const QString path = options.repo
                                 ? QDir::cleanPath(QDir::current().absoluteFilePath(*options.repo))
                                 : Repository::defaultPath();
    Result<Repository> repository = Repository::open(path);
    if (!repository && repository.error().code() == ErrorCode::NotFound)
        return Error(ErrorCode::NotFound,
                     Tr::tr("%1. Create the repository first (a first backup does), or check "
                            "--repo.")
                             .arg(repository.error().message()),
                     repository.error().detail());
    return repository;
}

QString WalPushCommand::name() const
{
    return QStringLiteral("wal-push");
}

QString WalPushCommand::summary() const
{
    return Tr::tr("Store one WAL file in the repository (for archive_command).");
}

QString WalPushCommand::description() const
{
    return Tr::tr("Compresses and stores a WAL segment, .partial, .backup or .history file that "
                  "PostgreSQL hands to archive_command, e.g. archive_command = 'pgvault-cli "
                  "--repo /backups/pgvault wal-push %p'. Pushing a file that is already stored "
                  "with the same content succeeds; different content under the same name fails "
                  "and never overwrites. The repository must exist (the first backup creates it).");
}

QList<Command::Argument> WalPushCommand::arguments() const
{
    return {{Tr::tr("PATH"), Tr::tr("The file to store (archive_command's %p).")}};
}

Status WalPushCommand::parse(const Parsed &parsed)
{
    m_path = parsed.arguments.at(0);
    return {};
}

CommandStatus WalPushCommand::run(CommandContext &context)
{
    Result<Repository> repository = openWalRepository(context.options());
    if (!repository)
        return context.fail(repository.error());
    Result<WalPushResult> pushed = WalPush(*repository).push(m_path);
    if (!pushed)
        return context.fail(pushed.error().withContext(Tr::tr("wal-push %1").arg(m_path)));
    for (const QString &warning : std::as_const(pushed->warnings))
        context.output().warning(warning);
    // Silent on success unless asked: archive_command output ends up in the server log.
    if (context.options().verbose) {
        context.output().info(pushed->alreadyStored
                                      ? Tr::tr("%1 was already stored as %2.")
                                                .arg(pushed->name.name(), pushed->storedPath)
                                      : Tr::tr("Stored %1 as %2 (%3 → %4 bytes).")
                                                .arg(pushed->name.name(), pushed->storedPath)
                                                .arg(pushed->rawBytes)
                                                .arg(pushed->storedBytes));
    }
    return context.succeed({
            {QStringLiteral("name"), pushed->name.name()},
            {QStringLiteral("systemIdentifier"), Repository::systemIdText(pushed->systemId)},
            {QStringLiteral("storedPath"), pushed->storedPath},
            {QStringLiteral("alreadyStored"), pushed->alreadyStored},
            {QStringLiteral("rawBytes"), pushed->rawBytes},
            {QStringLiteral("storedBytes"), pushed->storedBytes},
    });
}

} // namespace PgVault::Cli
