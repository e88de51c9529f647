#include "BackupCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"

#include "jobs/Job.h"
#include "physical/BaseBackupJob.h"

#include <QCommandLineParser>

namespace PgVault::Cli {

namespace {
const QString kFastCheckpoint = QStringLiteral("fast-checkpoint");
const QString kCompressLevel = QStringLiteral("compress-level");
} // namespace

QString BackupCommand::name() const
{
    return QStringLiteral("backup");
}

QString BackupCommand::summary() const
{
    return Tr::tr("Take a physical base backup into the repository; prints the backup id last.");
}

QString BackupCommand::description() const
{
    return Tr::tr("Takes a base backup of the whole server given with --profile or --conninfo "
                  "over a replication connection (like pg_basebackup -Ft), compressed with zstd, "
                  "together with PostgreSQL's backup manifest, and checks what was stored before "
                  "the backup counts as complete. The user needs the REPLICATION attribute, and "
                  "pg_hba.conf must allow it a replication connection. The server starts with a "
                  "checkpoint: a spread one unless --fast-checkpoint is given. When WAL "
                  "archiving is on, the backup ends once the server has archived the WAL it "
                  "needs. Works with PostgreSQL 14 and newer. The backup id is printed as the "
                  "last line.");
}

QString BackupCommand::synopsis() const
{
    return QStringLiteral("backup (--profile NAME | --conninfo STR) [--fast-checkpoint] "
                          "[--compress-level L]");
}

QList<QCommandLineOption> BackupCommand::options() const
{
    return {
            {kFastCheckpoint,
             Tr::tr("Ask the server for an immediate checkpoint instead of a spread one.")},
            {kCompressLevel, Tr::tr("zstd level, 1 to 19 (default 3)."), Tr::tr("L")},
    };
}

Status BackupCommand::parse(const Parsed &parsed)
{
    const QCommandLineParser &parser = parsed.parser;
    m_options.fastCheckpoint = parser.isSet(kFastCheckpoint);
    if (parser.isSet(kCompressLevel)) {
        bool ok = false;
        const int level = parser.value(kCompressLevel).toInt(&ok);
        if (!ok || level < 1 || level > 19) {
            return Error(ErrorCode::InvalidInput, Tr::tr("--%1 takes a number from %2 to %3.")
                                                          .arg(kCompressLevel)
                                                          .arg(1)
                                                          .arg(19));
        }
        m_options.compressLevel = level;
    }
    return {};
}

CommandStatus BackupCommand::run(CommandContext &context)
{
    CommandServices &services = context.services();
    Result<ConnectionTarget> target = services.connectionTarget();
    if (!target)
        return context.fail(target.error());
    m_options.server = target->connInfo;
    m_options.password = target->password;
    m_options.repositoryPath = services.repositoryPath(target->profile);

    return context.runJob(std::make_unique<BaseBackupJob>(m_options), [&context](const Job &job) {
        // The id last, alone on its line: scripts read it with `tail -n1`.
        context.output().print(job.resultData().value(u"backupId").toString());
    });
}

} // namespace PgVault::Cli
