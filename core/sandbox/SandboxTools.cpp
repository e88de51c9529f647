#include "SandboxTools.h"

#include "common/Tr.h"
#include "tools/ToolLocator.h"

#include <QDir>
#include <QFileInfo>

namespace PgVault {

namespace {

const QStringList &requiredPrograms()
{
    static const QStringList programs{QStringLiteral("initdb"), QStringLiteral("pg_ctl"),
                                      QStringLiteral("postgres")};
    return programs;
}

bool hasAll(const QStringList &tools)
{
    for (const QString &program : requiredPrograms()) {
        if (!tools.contains(program))
            return false;
    }
    return true;
}

SandboxTools fromBinDir(const QString &binDir, int major, const QString &versionText)
{
    SandboxTools tools;
    tools.major = major;
    tools.binDir = binDir;
    tools.versionText = versionText;
    const QDir dir(binDir);
    tools.initdb = dir.filePath(QStringLiteral("initdb"));
    tools.pgCtl = dir.filePath(QStringLiteral("pg_ctl"));
    tools.postgres = dir.filePath(QStringLiteral("postgres"));
    return tools;
}

QString searchedDetail(const ToolLocator &locator)
{
    return QStringLiteral("searched: %1").arg(locator.searchDirs().join(QStringLiteral(", ")));
}

} // namespace

Result<SandboxTools> SandboxTools::findNewest(const ToolLocator &locator)
{
    const PgInstallation *best = nullptr;
    const QList<PgInstallation> installations = locator.installations();
    for (const PgInstallation &installation : installations) {
        // Search order breaks ties: /usr/lib/postgresql/<N>/bin before PATH.
        if (hasAll(installation.tools) && (!best || installation.major > best->major))
            best = &installation;
    }
    if (!best) {
        return Error(ErrorCode::ToolMissing,
                     Tr::tr("The sandbox needs a PostgreSQL server installation (initdb, pg_ctl "
                            "and postgres), and none was found. Install the Debian package "
                            "“postgresql” (sudo apt install postgresql), or add the bin "
                            "directory of an installation with --pg-bin."),
                     searchedDetail(locator));
    }
    return fromBinDir(best->binDir, best->major, best->versionText);
}

Result<SandboxTools> SandboxTools::forMajor(const ToolLocator &locator, int major,
                                            const QString &preferredBinDir)
{
    if (!preferredBinDir.isEmpty()) {
        bool all = true;
        for (const QString &program : requiredPrograms())
            all = all && QFileInfo(QDir(preferredBinDir).filePath(program)).isExecutable();
        if (all) {
            Result<ToolVersion> version
                    = locator.versionOf(QDir(preferredBinDir).filePath(QStringLiteral("postgres")));
            if (version && version->major == major)
                return fromBinDir(preferredBinDir, major, version->text);
        }
    }
    for (const PgInstallation &installation : locator.installations()) {
        if (installation.major == major && hasAll(installation.tools))
            return fromBinDir(installation.binDir, major, installation.versionText);
    }
    return Error(ErrorCode::ToolMissing,
                 Tr::tr("The sandbox was created with PostgreSQL %1, whose server programs are "
                        "no longer installed. Install the Debian package “%2”.")
                         .arg(major)
                         .arg(ToolLocator::debianPackage(QStringLiteral("pg_ctl"), major)),
                 searchedDetail(locator));
}

} // namespace PgVault
