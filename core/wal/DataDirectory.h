#pragma once

#include "common/Result.h"

#include <QString>

namespace PgVault {

// Facts read straight from a PostgreSQL data directory's files, without a server:
// global/pg_control starts with the u64 system identifier in every version (offset 0, host
// byte order), and PG_VERSION holds the major version as text.
class DataDirectory
{
public:
    explicit DataDirectory(QString path);

    const QString &path() const { return m_path; }
    QString controlFilePath() const;

    Result<quint64> systemIdentifier() const;
    int majorVersion() const; // 0 when PG_VERSION is missing or unreadable

    // The data directory containing `path` (itself or a parent holding global/pg_control),
    // or an empty string. restore_command's %p is normally pg_wal/RECOVERYXLOG.
    static QString containing(const QString &path);

private:
    QString m_path;
};

} // namespace PgVault
