#include "DumpCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"

#include "dump/DumpJob.h"
#include "jobs/Job.h"
#include "tools/ToolLocator.h"

#include <QCommandLineParser>

namespace PgVault::Cli {

namespace {
const QString kDb = QStringLiteral("db");
const QString kAll = QStringLiteral("all");
const QString kGlobals = QStringLiteral("globals");
const QString kFormat = QStringLiteral("format");
const QString kJobs = QStringLiteral("jobs");
const QString kCompressLevel = QStringLiteral("compress-level");

Result<int> positiveNumber(const QCommandLineParser &parser, const QString &option, int minimum,
                           int maximum)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        return Error(
                ErrorCode::InvalidInput,
                Tr::tr("--%1 takes a number from %2 to %3.").arg(option).arg(minimum).arg(maximum));
    }
    return value;
}
} // namespace

QString DumpCommand::name() const
{
    return QStringLiteral("dump");
}

QString DumpCommand::summary() const
{
    return Tr::tr("Dump databases with pg_dump into the repository; prints the backup id last.");
}

QString DumpCommand::description() const
{
    return Tr::tr("Dumps databases of the server given with --profile or --conninfo into the "
                  "repository, compressed with zstd, and checks the result with pg_restore "
                  "before the backup counts as complete. Without --db or --all the database of "
                  "the connection is dumped. --globals adds roles and tablespaces "
                  "(pg_dumpall --globals-only). The custom format (default) dumps into one "
                  "archive per database; the directory format dumps tables in parallel "
                  "(--jobs). pg_dump of the server's major version or newer must be installed. "
                  "The backup id is printed as the last line.");
}

QString DumpCommand::synopsis() const
{
    return QStringLiteral("dump (--profile NAME | --conninfo STR) [--db NAME]... [--all] "
                          "[--globals] [--format custom|directory] [--jobs N] "
                          "[--compress-level L]");
}

QList<QCommandLineOption> DumpCommand::options() const
{
    return {
            {kDb, Tr::tr("A database to dump (repeatable)."), Tr::tr("NAME")},
            {kAll, Tr::tr("Dump every database that allows connections (not templates).")},
            {kGlobals, Tr::tr("Also dump roles and tablespaces.")},
            {kFormat, Tr::tr("custom (default) or directory."), Tr::tr("FORMAT")},
            {kJobs, Tr::tr("Tables dumped in parallel (directory format)."), Tr::tr("N")},
            {kCompressLevel, Tr::tr("zstd level, 1 to 19 (default 3)."), Tr::tr("L")},
    };
}

Status DumpCommand::parse(const Parsed &parsed)
{
    const QCommandLineParser &parser = parsed.parser;
    m_options.databases = parser.values(kDb);
    m_options.allDatabases = parser.isSet(kAll);
    m_options.globals = parser.isSet(kGlobals);
    if (m_options.allDatabases && !m_options.databases.isEmpty())
        return Error(ErrorCode::InvalidInput, Tr::tr("Use either --db or --all, not both."));
    if (parser.isSet(kJobs)) {
        Result<int> jobs = positiveNumber(parser, kJobs, 1, 256);
        if (!jobs)
            return jobs.error();
        m_options.jobs = *jobs;
    }
    if (parser.isSet(kFormat)) {
        const QString format = parser.value(kFormat);
        if (format == QLatin1String("custom")) {
            m_options.format = DumpFormat::Custom;
        } else if (format == QLatin1String("directory")) {
            m_options.format = DumpFormat::Directory;
        } else {
            return Error(ErrorCode::InvalidInput,
                         Tr::tr("Unknown format “%1”; use custom or directory.").arg(format));
        }
        if (m_options.format == DumpFormat::Custom && m_options.jobs > 1) {
            return Error(ErrorCode::InvalidInput,
                         Tr::tr("--jobs needs --format directory: pg_dump writes a custom "
                                "archive with one job."));
        }
    } else if (m_options.jobs > 1) {
        m_options.format = DumpFormat::Directory;
    }
    if (parser.isSet(kCompressLevel)) {
        Result<int> level = positiveNumber(parser, kCompressLevel, 1, 19);
        if (!level)
            return level.error();
        m_options.compressLevel = *level;
    }
    return {};
}

CommandStatus DumpCommand::run(CommandContext &context)
{
    CommandServices &services = context.services();
    Result<ConnectionTarget> target = services.connectionTarget();
    if (!target)
        return context.fail(target.error());
    m_options.server = target->connInfo;
    m_options.password = target->password;
    m_options.repositoryPath = services.repositoryPath(target->profile);
    m_options.extraToolDirs = services.toolLocator()->extraDirs();

    return context.runJob(std::make_unique<DumpJob>(m_options), [&context](const Job &job) {
        // The id last, alone on its line: scripts read it with `tail -n1`.
        context.output().print(job.resultData().value(u"backupId").toString());
    });
}

} // namespace PgVault::Cli
