#pragma once

#include "common/Result.h"

#include <QString>

namespace PgVault {

class ToolLocator;

// The server programs of one PostgreSQL installation, all from the same bin directory (initdb,
// pg_ctl and postgres must be of one major; the data directory then belongs to that major).
struct SandboxTools
{
    int major = 0;
    QString binDir;
    QString versionText; // `postgres --version`'s line
    QString initdb;
    QString pgCtl;
    QString postgres;

    // The newest installed major that has all three programs (the sandbox should show what the
    // newest PostgreSQL does). ToolMissing naming the Debian package otherwise.
    static Result<SandboxTools> findNewest(const ToolLocator &locator);
    // The programs of `major`: from `preferredBinDir` (what create used) when they are still
    // there, else wherever the locator finds that major.
    static Result<SandboxTools> forMajor(const ToolLocator &locator, int major,
                                         const QString &preferredBinDir = {});
};

} // namespace PgVault
