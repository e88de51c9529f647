#include "PgBinaries.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>

namespace PgVault::Test::PgBinaries {

namespace {

constexpr int kVersionTimeoutMs = 15000;

QStringList npmCacheRoots()
{
    QStringList roots;
    const QString configured = qEnvironmentVariable("PGVAULT_PG_CACHE");
    if (!configured.isEmpty())
        roots.append(configured);
    const QString home = qEnvironmentVariable("HOME");
    if (!home.isEmpty())
        roots.append(home + QStringLiteral("/.cache/pgvault/postgres"));
    roots.append(QStringLiteral("/var/cache/pgvault/postgres")); // where root installs (0700 /root)
    return roots;
}

bool hasServerTools(const QString &dir)
{
    for (const char *tool : {"initdb", "pg_ctl", "postgres"}) {
        const QFileInfo info(dir + QLatin1Char('/') + QLatin1String(tool));
        if (!info.isFile() || !info.isExecutable())
            return false;
    }
    return true;
}

// "postgres (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" -> "15.20"; "… 18beta1" -> "18beta1".
QString askVersion(const QString &dir)
{
    if (!hasServerTools(dir))
        return {};
    QProcess process;
    process.start(dir + QStringLiteral("/postgres"), {QStringLiteral("--version")});
    if (!process.waitForFinished(kVersionTimeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        process.kill();
        return {};
    }
    static const QRegularExpression pattern(QStringLiteral("\\(PostgreSQL\\) (\\d+\\S*)"));
    const auto match = pattern.match(QString::fromLocal8Bit(process.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

QStringList candidateDirs()
{
    QStringList dirs;
    const QStringList configured = qEnvironmentVariable("PGVAULT_PG_BINDIRS")
                                           .split(QLatin1Char(':'), Qt::SkipEmptyParts);
    dirs.append(configured);
    const QDir debian(QStringLiteral("/usr/lib/postgresql"));
    QStringList debianMajors = debian.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(debianMajors.begin(), debianMajors.end(),
              [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
    for (const QString &major : std::as_const(debianMajors))
        dirs.append(debian.filePath(major) + QStringLiteral("/bin"));
    for (const QString &root : npmCacheRoots()) {
        const QDir modules(root + QStringLiteral("/node_modules"));
        const QStringList packages = modules.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &package : packages)
            dirs.append(modules.filePath(package) + QStringLiteral("/native/bin"));
    }
    dirs.removeDuplicates();
    return dirs;
}

QString versionOf(const QString &dir)
{
    static QMutex mutex;
    static QHash<QString, QString> cache;
    const QString key = QDir::cleanPath(dir);
    const QMutexLocker locker(&mutex);
    auto it = cache.constFind(key);
    if (it == cache.cend())
        it = cache.insert(key, askVersion(key));
    return *it;
}

int majorOf(const QString &dir)
{
    static const QRegularExpression leadingNumber(QStringLiteral("^\\d+"));
    return leadingNumber.match(versionOf(dir)).captured().toInt();
}

QString binDir(int major)
{
    // In search order, probing lazily: an early hit spares running the other dirs' postgres.
    const QStringList dirs = candidateDirs();
    for (const QString &dir : dirs) {
        if (majorOf(dir) == major)
            return QDir::cleanPath(dir);
    }
    return {};
}

QList<int> availableMajors()
{
    QList<int> majors;
    for (const QString &dir : candidateDirs()) {
        const int major = majorOf(dir);
        if (major > 0 && !majors.contains(major))
            majors.append(major);
    }
    std::sort(majors.begin(), majors.end());
    return majors;
}

QString searchedDescription()
{
    return QStringLiteral(
                   "searched PGVAULT_PG_BINDIRS, /usr/lib/postgresql/<N>/bin and the npm "
                   "cache (%1); run tools/install-postgres-majors.sh or set PGVAULT_PG_BINDIRS")
            .arg(npmCacheRoots().join(QStringLiteral(", ")));
}

} // namespace PgVault::Test::PgBinaries
