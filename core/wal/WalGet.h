#pragma once

#include "WalFileName.h"
#include "common/Result.h"
#include "repo/Repository.h"

#include <QList>

namespace PgVault {

struct WalGetOptions
{
    // fsync the restored file and its folder. Off for restore_command: PostgreSQL fsyncs what
    // it keeps (a file restored into pg_wal is durable_rename()d) and fetches again after a
    // crash; the rename into place is atomic either way.
    bool durable = false;
    // The data directory whose server to restore for; empty = the data directory containing
    // the destination (restore_command's %p is pg_wal/RECOVERYXLOG), if any.
    QString dataDir;
};

struct WalGetResult
{
    // false: the repository does not hold this file for this server. That is an ordinary
    // answer, not an error: recovery probes names that do not exist (the next timeline's
    // history, the segment after the last one).
    bool found = false;
    quint64 systemId = 0;
    QString storedPath;
    qint64 bytes = 0;
};

// restore_command: copies one archived file (%f) out of the repository to a destination (%p),
// decompressing and verifying zstd's content checksum on the way, via a temporary file next to
// the destination that is renamed into place (a failed or killed restore leaves no partial
// file under the destination name).
//
// Which server: restore_command gives only the name. When the destination is inside a data
// directory, its pg_control system identifier decides, and only that server's archive is
// searched (WAL of another cluster must never reach recovery). Otherwise the name must be
// held by exactly one server of the repository; several is an error asking for a data dir.
class WalGet
{
public:
    explicit WalGet(Repository repository);
    WalGet(Repository repository, WalGetOptions options);

    Result<WalGetResult> get(const QString &name, const QString &destination);

private:
    Result<QList<quint64>> candidateServers(const WalFileName &name,
                                            const QString &destination) const;
    Status copyOut(const QString &storedPath, bool compressed, const QString &destination,
                   WalGetResult &result) const;

    Repository m_repository;
    WalGetOptions m_options;
};

} // namespace PgVault
