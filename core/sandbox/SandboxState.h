#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace PgVault {

// What `sandbox create` decided, kept in <rootDir>/sandbox.json so that start, stop and status
// use the same PostgreSQL, port and folders later. Written once, at the very end of create:
// its presence is what makes a sandbox "created".
struct SandboxState
{
    static constexpr int FormatVersion = 1;

    int port = 0;
    int major = 0;
    QString binDir;      // where initdb/pg_ctl/postgres of `major` were found
    QString versionText; // e.g. "postgres (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"
    QString dataDir;
    QString socketDir;
    QString serverUser;  // the account the server runs as
    QString superuser;   // the bootstrap superuser (same name as serverUser)
    QString database;    // the sample database ("shop")
    QString repository;  // where archive_command stores WAL
    QString profileName; // the connection profile create added or updated
    QDateTime createdAt;

    QJsonObject toJson() const;
    // Corrupt when required fields are missing or of the wrong type.
    static Result<SandboxState> fromJson(const QJsonObject &object);

    // NotFound when the file does not exist, Corrupt when it is unreadable.
    static Result<SandboxState> read(const QString &path);
    // Atomically (temporary file, fsync, rename, folder fsync).
    Status write(const QString &path) const;
};

} // namespace PgVault
