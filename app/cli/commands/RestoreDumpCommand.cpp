#include "RestoreDumpCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"

#include "dump/RestoreDumpJob.h"
#include "dump/RestoreGlobalsJob.h"
#include "jobs/Job.h"
#include "tools/ToolLocator.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace PgVault::Cli {

namespace {
const QString kDb = QStringLiteral("db");
const QString kCreate = QStringLiteral("create");
const QString kClean = QStringLiteral("clean");
const QString kSchema = QStringLiteral("schema");
const QString kTable = QStringLiteral("table");
const QString kJobs = QStringLiteral("jobs");
const QString kFromDb = QStringLiteral("from-db");
const QString kGlobals = QStringLiteral("globals");
} // namespace

QString RestoreDumpCommand::name() const
{
    return QStringLiteral("restore-dump");
}

QString RestoreDumpCommand::summary() const
{
    return Tr::tr("Restore a database of a dump into a server with pg_restore.");
}

QString RestoreDumpCommand::description() const
{
    return Tr::tr("Restores one database of the dump ID into database NAME of the server given "
                  "with --conninfo or --profile. The backup's checksums are verified before the "
                  "server is touched. --create creates NAME (it must not exist); otherwise NAME "
                  "must exist, and if it already holds objects --clean is needed to drop and "
                  "recreate the backup's objects. --schema and --table restore only those "
                  "(a table with its data, sequences, indexes, constraints, triggers and the "
                  "types it needs). --from-db chooses the database of a backup that holds "
                  "several. --globals instead restores only the roles and tablespaces of a dump "
                  "made with --globals: existing roles and tablespaces are left unchanged "
                  "(each is reported), and role memberships are only added to roles it "
                  "creates.");
}

QString RestoreDumpCommand::synopsis() const
{
    return QStringLiteral("restore-dump ID (--conninfo STR | --profile NAME) (--db NAME "
                          "[--create] [--clean] [--schema S]... [--table S.T]... [--jobs N] "
                          "[--from-db NAME] | --globals)");
}

QList<Command::Argument> RestoreDumpCommand::arguments() const
{
    return {{Tr::tr("ID"), Tr::tr("The dump's backup id (see “list”).")}};
}

QList<QCommandLineOption> RestoreDumpCommand::options() const
{
    return {
            {kDb, Tr::tr("The database to restore into."), Tr::tr("NAME")},
            {kCreate, Tr::tr("Create the database first (it must not exist).")},
            {kClean, Tr::tr("Drop the backup's objects in the database before recreating them.")},
            {kSchema, Tr::tr("Restore only this schema (repeatable)."), Tr::tr("S")},
            {kTable, Tr::tr("Restore only this table, as schema.table (repeatable)."),
             Tr::tr("S.T")},
            {kJobs, Tr::tr("Parallel pg_restore jobs."), Tr::tr("N")},
            {kFromDb, Tr::tr("The database of the backup to restore."), Tr::tr("NAME")},
            {kGlobals, Tr::tr("Restore only the roles and tablespaces (not with --db).")},
    };
}

Status RestoreDumpCommand::parse(const Parsed &parsed)
{
    const QCommandLineParser &parser = parsed.parser;
    m_options.backupId = parsed.arguments.at(0);
    m_globals = parser.isSet(kGlobals);
    if (m_globals) {
        for (const QString &option : {kDb, kCreate, kClean, kSchema, kTable, kJobs, kFromDb}) {
            if (parser.isSet(option)) {
                return Error(ErrorCode::InvalidInput,
                             Tr::tr("--globals restores only roles and tablespaces; it cannot be "
                                    "combined with --%1.")
                                     .arg(option));
            }
        }
        return {};
    }
    m_options.targetDatabase = parser.value(kDb);
    if (m_options.targetDatabase.isEmpty())
        return Error(ErrorCode::InvalidInput, Tr::tr("Name the target database with --db NAME."));
    m_options.create = parser.isSet(kCreate);
    m_options.clean = parser.isSet(kClean);
    if (m_options.create && m_options.clean) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("--clean is for an existing database; with --create it is empty."));
    }
    m_options.schemas = parser.values(kSchema);
    m_options.tables = parser.values(kTable);
    m_options.sourceDatabase = parser.value(kFromDb);
    if (parser.isSet(kJobs)) {
        bool ok = false;
        m_options.jobs = parser.value(kJobs).toInt(&ok);
        if (!ok || m_options.jobs < 1 || m_options.jobs > 256)
            return Error(ErrorCode::InvalidInput, Tr::tr("--jobs takes a number from 1 to 256."));
    }
    return {};
}

CommandStatus RestoreDumpCommand::run(CommandContext &context)
{
    CommandServices &services = context.services();
    Result<ConnectionTarget> target = services.connectionTarget();
    if (!target)
        return context.fail(target.error());
    m_options.target = target->connInfo;
    m_options.password = target->password;
    m_options.repositoryPath = services.repositoryPath(target->profile);
    m_options.extraToolDirs = services.toolLocator()->extraDirs();

    if (m_globals) {
        RestoreGlobalsOptions options;
        options.repositoryPath = m_options.repositoryPath;
        options.backupId = m_options.backupId;
        options.target = m_options.target;
        options.password = m_options.password;
        return context.runJob(
                std::make_unique<RestoreGlobalsJob>(options), [&context](const Job &job) {
                    const QJsonObject data = job.resultData();
                    context.output().print(
                            Tr::tr("Restored %1 role(s) into %2; %3 existing "
                                   "role(s) left unchanged.")
                                    .arg(QString::number(
                                                 data.value(u"createdRoles").toArray().size()),
                                         data.value(u"server").toString(),
                                         QString::number(
                                                 data.value(u"skippedRoles").toArray().size())));
                });
    }

    return context.runJob(std::make_unique<RestoreDumpJob>(m_options), [&context](const Job &job) {
        const QJsonObject data = job.resultData();
        context.output().print(Tr::tr("Restored “%1” into “%2” on %3.")
                                       .arg(data.value(u"sourceDatabase").toString(),
                                            data.value(u"database").toString(),
                                            data.value(u"server").toString()));
    });
}

} // namespace PgVault::Cli
