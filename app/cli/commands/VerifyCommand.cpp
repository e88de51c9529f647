#include "VerifyCommand.h"

#include "ListCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"

#include "backup/VerifyJob.h"
#include "dump/DumpVerification.h"
#include "physical/BaseBackupVerification.h"
#include "tools/ToolLocator.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace PgVault::Cli {

namespace {
const QString kAll = QStringLiteral("all");
}

QString VerifyCommand::name() const
{
    return QStringLiteral("verify");
}

QString VerifyCommand::summary() const
{
    return Tr::tr("Check stored backups for damage, without a server.");
}

QString VerifyCommand::description() const
{
    return Tr::tr("Reads every file of a backup (ID) or of all backups (--all, the default) and "
                  "checks it against the manifest: present, of the stored size, with the "
                  "recorded SHA-256, and decompressing completely to the recorded size. "
                  "Incomplete backup folders and damaged manifests are reported too. Exits with "
                  "status 1, naming the first bad file, when anything is wrong.");
}

QString VerifyCommand::synopsis() const
{
    return QStringLiteral("verify [ID | --all]");
}

QList<Command::Argument> VerifyCommand::arguments() const
{
    return {{Tr::tr("ID"), Tr::tr("The backup to verify, as “list” shows it."),
             Argument::Kind::Optional}};
}

QList<QCommandLineOption> VerifyCommand::options() const
{
    return {{kAll, Tr::tr("Verify every backup in the repository (the default).")}};
}

Status VerifyCommand::parse(const Parsed &parsed)
{
    m_id = parsed.arguments.value(0);
    if (!m_id.isEmpty() && parsed.parser.isSet(kAll))
        return Error(ErrorCode::InvalidInput, Tr::tr("Give a backup ID or --all, not both."));
    return {};
}

CommandStatus VerifyCommand::run(CommandContext &context)
{
    Result<Repository> repository = openExistingRepository(context);
    if (!repository)
        return context.fail(repository.error());
    auto job = std::make_unique<VerifyJob>(*repository, m_id);
    // A dump is only sound when pg_restore can read its archives back.
    job->setKindCheck(BackupKind::Dump,
                      DumpVerification::kindCheck(context.services().toolLocator()->extraDirs()));
    // A base backup is only sound when every file in its tars matches PostgreSQL's manifest.
    job->setKindCheck(BackupKind::Base, BaseBackupVerification::kindCheck());
    return context.runJob(std::move(job), [&context](const Job &finished) {
        const QJsonObject data = finished.resultData();
        const QJsonArray backups = data.value(QStringLiteral("backups")).toArray();
        int verified = 0;
        for (const QJsonValue &value : backups) {
            const QJsonObject backup = value.toObject();
            if (backup.value(QStringLiteral("skipped")).toBool())
                continue;
            ++verified;
            context.output().print(
                    Tr::tr("%1: OK").arg(backup.value(QStringLiteral("id")).toString()));
        }
        context.output().print(verified == 0 ? Tr::tr("There are no backups to verify.")
                                             : Tr::tr("%n backup(s) verified, no problems found.",
                                                      nullptr, verified));
    });
}

} // namespace PgVault::Cli
