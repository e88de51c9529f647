#include "ToolLocator.h"

#include "ToolsLog.h"
#include "common/Tr.h"

#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>
#include <QProcess>
#include <QSet>

#include <algorithm>

namespace PgVault {

namespace {

constexpr int VersionTimeoutMs = 10000;

const QStringList &wellKnownTools()
{
    static const QStringList tools = {
            QStringLiteral("pg_dump"),       QStringLiteral("pg_restore"),
            QStringLiteral("pg_dumpall"),    QStringLiteral("psql"),
            QStringLiteral("pg_basebackup"), QStringLiteral("pg_ctl"),
            QStringLiteral("initdb"),        QStringLiteral("postgres"),
    };
    return tools;
}

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

// Debian's /usr/bin/pg_dump etc. are links to pg_wrapper, which picks a version at run time.
bool isDebianWrapper(const QString &path)
{
    return QFileInfo(QFileInfo(path).canonicalFilePath()).fileName() == QLatin1String("pg_wrapper");
}

} // namespace

ToolLocator::ToolLocator()
    : ToolLocator(Options())
{}

ToolLocator::ToolLocator(Options options)
    : m_options(std::move(options))
{}

void ToolLocator::setExtraDirs(const QStringList &dirs)
{
    QMutexLocker lock(&m_mutex);
    m_options.extraDirs = dirs;
}

QStringList ToolLocator::extraDirs() const
{
    QMutexLocker lock(&m_mutex);
    return m_options.extraDirs;
}

QStringList ToolLocator::searchDirs() const
{
    Options options;
    {
        QMutexLocker lock(&m_mutex);
        options = m_options;
    }
    QStringList dirs = options.extraDirs;

    if (options.searchSystemDirs) {
        // /usr/lib/postgresql/<N>/bin, newest major first.
        QList<std::pair<int, QString>> versioned;
        const QDir root(options.systemRoot);
        const QStringList entries = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &entry : entries) {
            bool numeric = false;
            const int major = entry.toInt(&numeric);
            versioned.append({numeric ? major : -1, root.filePath(entry + QStringLiteral("/bin"))});
        }
        std::sort(versioned.begin(), versioned.end(),
                  [](const auto &a, const auto &b) { return a.first > b.first; });
        for (const auto &entry : versioned)
            dirs.append(entry.second);
    }

    if (options.searchPath) {
        const QString path = options.path ? *options.path : qEnvironmentVariable("PATH");
        dirs.append(path.split(QLatin1Char(':'), Qt::SkipEmptyParts));
    }

    QStringList out;
    QSet<QString> seen;
    for (const QString &dir : std::as_const(dirs)) {
        const QFileInfo info(dir);
        if (!info.isDir())
            continue;
        const QString canonical = info.canonicalFilePath();
        if (seen.contains(canonical))
            continue;
        seen.insert(canonical);
        out.append(QDir::cleanPath(info.absoluteFilePath()));
    }
    return out;
}

QList<ToolCandidate> ToolLocator::candidates(const QString &tool) const
{
    QList<ToolCandidate> out;
    QSet<QString> seen;
    for (const QString &dir : searchDirs()) {
        const QString path = QDir(dir).filePath(tool);
        if (!isExecutableFile(path) || isDebianWrapper(path))
            continue;
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (seen.contains(canonical))
            continue;
        seen.insert(canonical);
        Result<ToolVersion> version = versionOf(path);
        if (!version) {
            qCWarning(lcTools).noquote() << "ignoring" << path << ":" << version.error().toString();
            continue;
        }
        out.append(ToolCandidate{path, *version});
    }
    return out;
}

QList<PgInstallation> ToolLocator::installations() const
{
    QList<PgInstallation> out;
    for (const QString &dir : searchDirs()) {
        PgInstallation installation;
        installation.binDir = dir;
        for (const QString &tool : wellKnownTools()) {
            const QString path = QDir(dir).filePath(tool);
            if (!isExecutableFile(path) || isDebianWrapper(path))
                continue;
            installation.tools.append(tool);
            if (installation.major == 0) {
                if (Result<ToolVersion> version = versionOf(path)) {
                    installation.major = version->major;
                    installation.versionText = version->text;
                }
            }
        }
        if (installation.major > 0)
            out.append(installation);
    }
    return out;
}

Result<QString> ToolLocator::find(const QString &tool, int minimumMajor) const
{
    Result<ToolCandidate> found = locate(tool, minimumMajor);
    if (!found)
        return found.error();
    return found->path;
}

Result<ToolCandidate> ToolLocator::locate(const QString &tool, int minimumMajor) const
{
    const QList<ToolCandidate> all = candidates(tool);
    const ToolCandidate *best = nullptr;
    for (const ToolCandidate &candidate : all) {
        const int major = candidate.version.major;
        if (major == minimumMajor)
            return candidate; // the first exact match in search order wins
        if (major < minimumMajor)
            continue;
        if (!best || major > best->version.major)
            best = &candidate;
    }
    if (best)
        return *best;
    return missing(tool, minimumMajor, false, all);
}

Result<QString> ToolLocator::findExact(const QString &tool, int major) const
{
    Result<ToolCandidate> found = locateExact(tool, major);
    if (!found)
        return found.error();
    return found->path;
}

Result<ToolCandidate> ToolLocator::locateExact(const QString &tool, int major) const
{
    const QList<ToolCandidate> all = candidates(tool);
    for (const ToolCandidate &candidate : all) {
        if (candidate.version.major == major)
            return candidate;
    }
    return missing(tool, major, true, all);
}

Result<ToolVersion> ToolLocator::versionOf(const QString &executable) const
{
    const QFileInfo info(executable);
    if (!info.exists()) {
        return Error(ErrorCode::NotFound, Tr::tr("The program %1 does not exist.").arg(executable));
    }
    const QString key = info.canonicalFilePath();
    const qint64 size = info.size();
    const qint64 mtime = info.lastModified().toMSecsSinceEpoch();
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_cache.constFind(key);
        if (it != m_cache.cend() && it->size == size && it->mtimeMs == mtime) {
            if (it->version)
                return *it->version;
            return Error(ErrorCode::ToolMissing,
                         Tr::tr("The version of %1 could not be determined.").arg(executable),
                         it->failure);
        }
    }

    CachedVersion entry;
    entry.size = size;
    entry.mtimeMs = mtime;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(executable, {QStringLiteral("--version")}, QIODevice::ReadOnly);
    if (!process.waitForStarted(VersionTimeoutMs)) {
        entry.failure = QStringLiteral("%1 --version: %2").arg(executable, process.errorString());
    } else if (!process.waitForFinished(VersionTimeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        entry.failure = QStringLiteral("%1 --version did not finish").arg(executable);
    } else {
        const QString output = QString::fromLocal8Bit(process.readAll());
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            entry.failure = QStringLiteral("%1 --version exited with %2: %3")
                                    .arg(executable)
                                    .arg(process.exitCode())
                                    .arg(output.trimmed());
        } else {
            entry.version = ToolVersion::parse(output);
            if (!entry.version) {
                entry.failure = QStringLiteral("%1 --version printed: %2")
                                        .arg(executable, output.trimmed());
            }
        }
    }
    qCDebug(lcTools).noquote() << executable << "is"
                               << (entry.version ? entry.version->text : entry.failure);
    {
        QMutexLocker lock(&m_mutex);
        m_cache.insert(key, entry);
    }
    if (entry.version)
        return *entry.version;
    return Error(ErrorCode::ToolMissing,
                 Tr::tr("The version of %1 could not be determined.").arg(executable),
                 entry.failure);
}

bool ToolLocator::isServerTool(const QString &tool)
{
    static const QStringList serverTools = {
            QStringLiteral("pg_ctl"),         QStringLiteral("initdb"),
            QStringLiteral("postgres"),       QStringLiteral("postmaster"),
            QStringLiteral("pg_controldata"), QStringLiteral("pg_resetwal"),
            QStringLiteral("pg_rewind"),      QStringLiteral("pg_upgrade"),
            QStringLiteral("pg_checksums"),   QStringLiteral("pg_archivecleanup"),
    };
    return serverTools.contains(tool);
}

QString ToolLocator::debianPackage(const QString &tool, int major)
{
    return isServerTool(tool) ? QStringLiteral("postgresql-%1").arg(major)
                              : QStringLiteral("postgresql-client-%1").arg(major);
}

Error ToolLocator::missing(const QString &tool, int major, bool exact,
                           const QList<ToolCandidate> &found) const
{
    QStringList detail;
    detail.append(QStringLiteral("searched: %1").arg(searchDirs().join(QStringLiteral(", "))));
    for (const ToolCandidate &candidate : found)
        detail.append(QStringLiteral("found %1: %2").arg(candidate.path, candidate.version.text));

    QString message;
    if (major <= 0) {
        message = Tr::tr("%1 was not found. Install the Debian package postgresql-client or add "
                         "its bin directory with --pg-bin.")
                          .arg(tool);
    } else if (exact) {
        message = Tr::tr("%1 of PostgreSQL %2 was not found. Install the Debian package %3 or add "
                         "its bin directory with --pg-bin.")
                          .arg(tool)
                          .arg(major)
                          .arg(debianPackage(tool, major));
    } else {
        message = Tr::tr("%1 of PostgreSQL %2 or newer was not found. Install the Debian package "
                         "%3 or add its bin directory with --pg-bin.")
                          .arg(tool)
                          .arg(major)
                          .arg(debianPackage(tool, major));
    }
    return Error(ErrorCode::ToolMissing, message, detail.join(QLatin1Char('\n')));
}

} // namespace PgVault
