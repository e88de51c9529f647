#pragma once

#include "ToolVersion.h"
#include "common/Result.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>

namespace PgVault {

// One copy of a PostgreSQL program found on this machine.
struct ToolCandidate
{
    QString path;        // absolute path of the executable
    ToolVersion version; // from `<path> --version`
};

// A bin directory holding PostgreSQL programs, with the major they belong to.
struct PgInstallation
{
    QString binDir;
    int major = 0;
    QString versionText; // e.g. "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"
    QStringList tools;   // which of the well-known programs are in binDir
};

// Finds PostgreSQL's programs by major version. Search order: the extra directories (settings,
// --pg-bin), then /usr/lib/postgresql/<N>/bin (newest first), then PATH. Debian's pg_wrapper
// links in /usr/bin are skipped: which version they run depends on the environment, and the
// real binaries are found in /usr/lib/postgresql anyway.
//
// The major of every copy is asked from the program itself (`--version`), once per file
// (cached by path, size and modification time). Thread-safe; running `--version` blocks for a
// few milliseconds, so call it from a worker thread where that matters.
class ToolLocator
{
public:
    struct Options
    {
        QStringList extraDirs;
        bool searchSystemDirs = true;
        QString systemRoot = QStringLiteral("/usr/lib/postgresql");
        bool searchPath = true;
        // The PATH to search; the process's PATH when not set.
        std::optional<QString> path;
    };

    ToolLocator();
    explicit ToolLocator(Options options);
    ToolLocator(const ToolLocator &) = delete;
    ToolLocator &operator=(const ToolLocator &) = delete;

    void setExtraDirs(const QStringList &dirs);
    QStringList extraDirs() const;

    // Existing directories in search order, without duplicates.
    QStringList searchDirs() const;
    // Every copy of `tool` whose version could be read, in search order.
    QList<ToolCandidate> candidates(const QString &tool) const;
    // The bin directories with PostgreSQL programs, in search order.
    QList<PgInstallation> installations() const;

    // For client tools (pg_dump, pg_restore, pg_dumpall, psql, pg_basebackup, …), which must be
    // of the server's major or newer: the copy of exactly `minimumMajor` if there is one,
    // else the newest newer one. minimumMajor <= 0 means the newest of all.
    // ToolMissing names the tool, the major and the Debian package to install.
    Result<QString> find(const QString &tool, int minimumMajor) const;
    Result<ToolCandidate> locate(const QString &tool, int minimumMajor) const;
    // For server programs (pg_ctl, initdb, postgres, pg_controldata, pg_resetwal), which must
    // match the data directory's major exactly.
    Result<QString> findExact(const QString &tool, int major) const;
    Result<ToolCandidate> locateExact(const QString &tool, int major) const;

    // `<executable> --version`, cached. NotFound / ToolMissing / Corrupt (unreadable output).
    Result<ToolVersion> versionOf(const QString &executable) const;

    // Programs that Debian ships in postgresql-<N> rather than postgresql-client-<N>.
    static bool isServerTool(const QString &tool);
    // "postgresql-client-16" or "postgresql-16".
    static QString debianPackage(const QString &tool, int major);

private:
    struct CachedVersion
    {
        qint64 size = -1;
        qint64 mtimeMs = -1;
        std::optional<ToolVersion> version;
        QString failure;
    };

    Error missing(const QString &tool, int major, bool exact,
                  const QList<ToolCandidate> &found) const;

    Options m_options;
    mutable QMutex m_mutex;
    mutable QHash<QString, CachedVersion> m_cache;
};

} // namespace PgVault
