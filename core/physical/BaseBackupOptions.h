#pragma once

#include "connection/ConnInfo.h"

#include <QString>

#include <optional>

namespace PgVault {

// What a physical base backup is asked to do (CLI `backup`, GUI "New base backup…").
struct BaseBackupOptions
{
    ConnInfo server;                 // where to back up from (a replication connection is made)
    std::optional<QString> password; // keychain password; std::nullopt lets libpq find one
    QString repositoryPath;
    bool fastCheckpoint = false; // CHECKPOINT 'fast' instead of the server's spread checkpoint
    int compressLevel = 3;       // zstd level, 1 to 19
    int compressThreads = 0;     // zstd workers; 0 = one per core
};

} // namespace PgVault
