#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace PgVault {

// One archive of a base backup: the data directory ("base.tar") or a tablespace ("<oid>.tar").
struct BaseBackupArchive
{
    QString name;               // as the server named it: "base.tar", "16385.tar"
    QString storedFile;         // "base.tar.zst"
    quint32 tablespaceOid = 0;  // 0 for the data directory
    QString location;           // the tablespace's directory on the server; empty for base
    qint64 estimatedBytes = -1; // the server's size estimate (PROGRESS), -1 when unknown
    qint64 tarBytes = 0;        // bytes of the tar stream
    qint64 regularFiles = 0;    // files in the tar
};

// The base-backup kind's part of manifest.json (BackupManifest::details): what a restore needs
// to know without opening the archives.
struct BaseBackupDetails
{
    QString label; // BASE_BACKUP LABEL: "pgvault <id>"
    QString startLsn;
    QString stopLsn;
    quint32 timeline = 0;     // of the start point
    quint32 stopTimeline = 0; // of the stop point (differs only if the server was promoted)
    QDateTime startTime;      // UTC, when the checkpoint was done and copying started
    QDateTime stopTime;       // UTC, when the server reported the stop point
    quint64 systemIdentifier = 0;
    QString serverVersion;
    quint64 walSegmentSize = 0;
    QString firstWalSegment; // the segments restore must replay, both included
    QString lastWalSegment;
    QString checkpoint; // "fast" / "spread"
    bool fromStandby = false;
    QString protocol; // "archive-stream" (15+) or "per-tablespace" (14)
    QString compression = QStringLiteral("zstd");
    int compressLevel = 3;
    QList<BaseBackupArchive> archives; // base first
    QString backupManifestFile;        // "backup_manifest.zst" (PostgreSQL's own manifest)
    qint64 manifestFiles = 0;          // entries of its "Files" array

    QJsonObject toJson() const;
    static Result<BaseBackupDetails> fromJson(const QJsonObject &json, const QString &source);
};

} // namespace PgVault
