#include "GlobalOptions.h"

#include "CliTr.h"

#include <QCommandLineParser>

namespace PgVault::Cli {

namespace {

const QString kHelp = QStringLiteral("help");
const QString kVersion = QStringLiteral("version");
const QString kJson = QStringLiteral("json");
const QString kQuiet = QStringLiteral("quiet");
const QString kVerbose = QStringLiteral("verbose");
const QString kRepo = QStringLiteral("repo");
const QString kPgBin = QStringLiteral("pg-bin");
const QString kProfile = QStringLiteral("profile");
const QString kConninfo = QStringLiteral("conninfo");
const QString kConfig = QStringLiteral("config");

std::optional<QString> optionalValue(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        return std::nullopt;
    return parser.value(name);
}

} // namespace

QList<QCommandLineOption> GlobalOptions::definitions()
{
    return {
            {{QStringLiteral("h"), kHelp}, Tr::tr("Show help (for a command: after its name).")},
            {kVersion, Tr::tr("Show the version.")},
            {kJson, Tr::tr("Print JSON, one object per line: progress events, then one result.")},
            {{QStringLiteral("q"), kQuiet},
             Tr::tr("Print no progress and no informational lines.")},
            {kVerbose, Tr::tr("Print the technical details of errors.")},
            {kRepo,
             Tr::tr("The repository folder (default: $PGVAULT_REPO, the settings, "
                    "~/.local/share/pgvault/repository)."),
             Tr::tr("DIR")},
            {kPgBin, Tr::tr("An extra PostgreSQL bin directory to search (repeatable)."),
             Tr::tr("DIR")},
            {kProfile, Tr::tr("Connect with this saved profile."), Tr::tr("NAME")},
            {kConninfo, Tr::tr("Connect with this libpq connection string or URI."), Tr::tr("STR")},
            {kConfig, Tr::tr("Use this settings file instead of the default one."), Tr::tr("FILE")},
    };
}

void GlobalOptions::readFrom(const QCommandLineParser &parser)
{
    help = help || parser.isSet(kHelp);
    version = version || parser.isSet(kVersion);
    json = json || parser.isSet(kJson);
    quiet = quiet || parser.isSet(kQuiet);
    verbose = verbose || parser.isSet(kVerbose);
    pgBinDirs += parser.values(kPgBin);
    if (auto value = optionalValue(parser, kRepo))
        repo = value;
    if (auto value = optionalValue(parser, kProfile))
        profile = value;
    if (auto value = optionalValue(parser, kConninfo))
        conninfo = value;
    if (auto value = optionalValue(parser, kConfig))
        configFile = value;
}

} // namespace PgVault::Cli
