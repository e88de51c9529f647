#pragma once

#include "WalFileName.h"
#include "common/Result.h"
#include "repo/Repository.h"

#include <QStringList>

namespace PgVault {

class InputFile;

struct WalPushOptions
{
    // Measured on a 16 MB pgbench (OLTP) segment, in-process, 2 cores: level 1 → 3.79 MB in
    // 46 ms, level 3 → 2.87 MB in 55 ms (single thread). Level 3 is 24 % smaller for ~10 ms,
    // small next to the process start-up a wal-push pays anyway.
    int compressionLevel = 3;
    // zstd worker threads; 0 = compress on the calling thread. At level 3, 2 workers were slower
    // on one 16 MB segment (83 ms, twice the CPU), so single-threaded is the default.
    int workers = 0;
    // Where global/pg_control and PG_VERSION are, for .history and .backup files. Empty = the
    // current directory: PostgreSQL runs archive_command in the data directory.
    QString dataDir;
};

struct WalPushResult
{
    WalFileName name;
    quint64 systemId = 0;
    QString storedPath;
    bool alreadyStored = false; // an identical copy was there; nothing was written
    qint64 rawBytes = 0;
    qint64 storedBytes = 0;
    QStringList warnings; // problems that did not stop the push (e.g. server.json unwritable)
};

// archive_command: stores one file PostgreSQL hands over (%p) in the repository.
//
// Which server: a segment (or .partial, a renamed segment) names its system identifier in its
// long page header (xlp_sysid). .history and .backup files are plain text without it, so it
// comes from global/pg_control of the data directory (the current directory when run by
// archive_command).
//
// Where: servers/<sysid>/wal/<TTTTTTTTLLLLLLLL>/<name>.zst, and wal/<TLI>.history uncompressed.
//
// Safety: the input is read once, streamed through zstd into an AtomicFile in CreateNew mode
// (temp + fsync + link() + folder fsync), so the final name only ever holds a complete file and
// is never overwritten. That is also why no RepositoryLock is needed: two concurrent pushers of
// one name race on link(), exactly one wins, and the other compares contents like a repeat.
// A repeat push compares the file with the decompressed stored copy: identical is success,
// different is a loud failure that leaves the stored file untouched.
class WalPush
{
public:
    explicit WalPush(Repository repository);
    WalPush(Repository repository, WalPushOptions options);

    Result<WalPushResult> push(const QString &path);

private:
    struct Source;
    Status identify(Source &source, WalPushResult &result);
    Status store(Source &source, WalPushResult &result);
    Result<bool> compareWithStored(const QString &storedPath, Source &source);
    Error differentContent(const QString &storedPath, const QString &inputPath) const;

    Repository m_repository;
    WalPushOptions m_options;
};

} // namespace PgVault
