#pragma once

#include "connection/ConnInfo.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace PgVault {

enum class DumpFormat {
    Custom,    // pg_dump -Fc: one archive per database, streamed straight into zstd
    Directory, // pg_dump -Fd --jobs N: parallel dump, each file compressed by PgVault
};

// What a logical dump is asked to do (CLI `dump`, GUI "New dump…").
struct DumpOptions
{
    ConnInfo server;                 // where to dump from (dbname is only used to connect)
    std::optional<QString> password; // keychain password; std::nullopt lets libpq find one
    QString repositoryPath;
    QStringList databases;     // empty with allDatabases=false: the ConnInfo's dbname
    bool allDatabases = false; // every database that allows connections, not templates
    bool globals = false;      // pg_dumpall --globals-only (roles, tablespaces)
    DumpFormat format = DumpFormat::Custom;
    int jobs = 1;              // pg_dump --jobs for Directory format
    int compressLevel = 3;     // zstd level; default chosen by bench/ (see README)
    int compressThreads = 0;   // zstd workers; 0 = one per core
    QStringList extraToolDirs; // --pg-bin directories for the ToolLocator
};

// What restore-dump is asked to do.
struct RestoreDumpOptions
{
    QString repositoryPath;
    QString backupId;
    QString sourceDatabase; // which database of the backup; may be empty when it holds one
    ConnInfo target;        // server to restore into
    std::optional<QString> password;
    QString targetDatabase; // name in the target server
    bool create = false;    // create targetDatabase (it must not exist)
    bool clean = false;     // allowed to drop objects of a non-empty target database
    QStringList schemas;    // selective restore: --schema
    QStringList tables;     // selective restore: "schema.table"
    int jobs = 1;           // pg_restore --jobs
    QStringList extraToolDirs;
};

} // namespace PgVault
