#pragma once

#include "tools/ClientToolsStatus.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace PgVault {

// What ServerInspector learned about a server: a plain, copyable value (safe to queue across
// threads and keep in models). std::nullopt / empty means "could not be determined"; `notes`
// says why (translated).
struct ServerFacts
{
    struct Database
    {
        QString name;
        std::optional<qint64> sizeBytes; // unknown without CONNECT on the database
        bool isTemplate = false;         // pg_database.datistemplate (template0, template1)
        bool allowsConnections = true;   // pg_database.datallowconn: false can never be dumped
        bool operator==(const Database &other) const = default;
    };

    struct Archiver
    {
        qint64 archivedCount = 0;
        QString lastArchivedWal;
        QDateTime lastArchivedTime;
        qint64 failedCount = 0;
        QString lastFailedWal;
        QDateTime lastFailedTime;
        QDateTime statsReset;
        // The last failure happened after the last success: archiving is failing right now.
        bool isFailing() const;
    };

    // Where: the host (or socket directory) and port libpq actually used, "host:port".
    QString host;
    int port = 0;
    QString address;
    QString database;      // the database the inspector connected to
    QDateTime inspectedAt; // UTC

    // Version: "15.20 (Debian 15.20-0+deb12u1)", 150020, 15.
    QString serverVersion;
    int serverVersionNum = 0;
    int major = 0;
    bool inRecovery = false; // a standby (or a server replaying WAL)

    // pg_control_system(); the repository keys servers by it. Printed unsigned, as
    // IDENTIFY_SYSTEM and pg_controldata do.
    std::optional<quint64> systemIdentifier;
    QString systemIdentifierText() const;

    // SHOW data_directory needs superuser or pg_read_all_settings.
    std::optional<QString> dataDirectory;
    // True when the server runs on this machine: connected via a unix socket or
    // localhost/127.0.0.1/::1, and dataDirectory/PG_VERSION is readable here.
    bool dataDirectoryIsLocal = false;
    QString localityReason; // translated, says which check decided

    // The role we are connected as.
    QString currentUser;
    bool isSuperuser = false;
    bool hasReplication = false; // rolreplication (superusers may replicate regardless)
    bool canReplicate() const { return isSuperuser || hasReplication; }

    // Settings (pg_settings); nullopt when hidden from this role.
    std::optional<QString> walLevel;       // minimal | replica | logical
    std::optional<QString> archiveMode;    // off | on | always
    std::optional<QString> archiveCommand; // "(disabled)" while archive_mode is off
    std::optional<QString> archiveLibrary; // 15+ only; nullopt on 14
    std::optional<int> maxWalSenders;
    std::optional<int> maxReplicationSlots;
    std::optional<int> replicationSlotsUsed;
    std::optional<bool> dataChecksums;
    std::optional<int> blockSize;         // bytes (8192)
    std::optional<qint64> segmentSize;    // relation segment size in bytes (1 GiB)
    std::optional<qint64> walSegmentSize; // bytes (16 MiB)
    std::optional<int> walBlockSize;      // bytes
    // Raw pg_settings values that were read: name -> setting (with unit, if any, appended).
    QMap<QString, QString> settings;

    std::optional<Archiver> archiver; // pg_stat_archiver

    QList<Database> databases; // all of pg_database, by name (see allowsConnections)

    // Filled when the inspector was given a ToolLocator.
    std::optional<ClientToolsStatus> clientTools;

    // Things that could not be determined, and why (translated).
    QStringList notes;

    bool archivingEnabled() const;         // archive_mode on/always
    bool archiveCommandConfigured() const; // a non-empty archive_command or archive_library
};

} // namespace PgVault

Q_DECLARE_METATYPE(PgVault::ServerFacts)
