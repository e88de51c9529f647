#include "WalGetCommand.h"

#include "WalPushCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"
#include "output/Console.h"
#include "output/JsonLines.h"

#include "wal/WalGet.h"

namespace PgVault::Cli {

QString WalGetCommand::name() const
{
    return QStringLiteral("wal-get");
}

QString WalGetCommand::summary() const
{
    return Tr::tr("Copy one archived WAL file out of the repository (for restore_command).");
}

QString WalGetCommand::description() const
{
    return Tr::tr("Decompresses and verifies an archived WAL file and writes it to DEST, e.g. "
                  "restore_command = 'pgvault-cli --repo /backups/pgvault wal-get %f %p'. Exits "
                  "with status 1 and prints nothing when the repository does not hold the file, "
                  "as PostgreSQL expects.");
}

QList<Command::Argument> WalGetCommand::arguments() const
{
    return {{Tr::tr("NAME"), Tr::tr("The WAL file name (restore_command's %f).")},
            {Tr::tr("DEST"), Tr::tr("Where to write it (restore_command's %p).")}};
}

Status WalGetCommand::parse(const Parsed &parsed)
{
    m_name = parsed.arguments.at(0);
    m_destination = parsed.arguments.at(1);
    return {};
}

CommandStatus WalGetCommand::run(CommandContext &context)
{
    Result<Repository> repository = openWalRepository(context.options());
    if (!repository)
        return context.fail(repository.error());
    Result<WalGetResult> got = WalGet(*repository).get(m_name, m_destination);
    if (!got)
        return context.fail(got.error().withContext(Tr::tr("wal-get %1").arg(m_name)));
    if (!got->found) {
        // The ordinary "not archived" answer: exit 1, stderr stays empty.
        if (context.options().json) {
            const Error missing(ErrorCode::NotFound,
                                Tr::tr("the repository holds no %1").arg(m_name));
            JsonLines::write(context.console(),
                             JsonLines::result(JsonLines::failed(),
                                               {{QStringLiteral("found"), false}}, &missing));
        }
        return ExitCode::Failure;
    }
    if (context.options().verbose)
        context.output().info(Tr::tr("Restored %1 from %2.").arg(m_name, got->storedPath));
    return context.succeed({
            {QStringLiteral("found"), true},
            {QStringLiteral("name"), m_name},
            {QStringLiteral("systemIdentifier"), Repository::systemIdText(got->systemId)},
            {QStringLiteral("storedPath"), got->storedPath},
            {QStringLiteral("bytes"), got->bytes},
    });
}

} // namespace PgVault::Cli
