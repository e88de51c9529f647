#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace PgVault {

enum class BackupKind { Dump, Base };

// One file stored inside a backup folder. `name` is relative to the folder and may contain
// sub-folders ("db-1/toc.dat.zst"); it never names a database directly, because database
// names may hold any character (the manifest maps names to files).
struct StoredFile
{
    QString name;
    qint64 storedSize = 0; // bytes on disk (compressed)
    qint64 rawSize = 0;    // bytes before compression
    QString checksum;      // Checksum::result() of the stored bytes: "sha256:<hex>"

    bool operator==(const StoredFile &) const = default;
};

// backups/<id>/manifest.json, written LAST: a backup exists only once its manifest exists.
// Common facts live here; what only one kind needs (a dump's per-database archives, a base
// backup's LSNs) lives in `details`, owned by the code that writes that kind.
class BackupManifest
{
public:
    static constexpr const char *FileName = "manifest.json";
    static constexpr int FormatVersion = 1;

    QString id; // BackupId, e.g. "20261124T190405Z-dump"
    BackupKind kind = BackupKind::Dump;
    QString status = QStringLiteral("complete");
    quint64 systemId = 0;
    QString serverVersion;    // "15.18"
    int serverVersionNum = 0; // 150018
    QString toolVersion;      // "pg_dump (PostgreSQL) 15.18", or "pgvault <v>" for native
    QString pgvaultVersion;
    QDateTime startedAt;   // UTC
    QDateTime finishedAt;  // UTC
    QStringList databases; // dumped databases (dump) / empty (base)
    QJsonObject options;   // what the user asked for (format, jobs, level, globals…)
    QJsonObject details;   // kind-specific, see above
    QList<StoredFile> files;

    qint64 rawSize() const;
    qint64 storedSize() const;
    const StoredFile *file(const QString &name) const;

    static QString kindName(BackupKind kind); // "dump" / "base"
    static std::optional<BackupKind> kindFromName(const QString &name);
    // A file name a backup may hold: relative, '/'-separated, no empty, "." or ".." parts, not
    // the manifest itself and no temporary name; so a damaged or hostile manifest can never
    // make verify or restore read outside the backup folder.
    static bool isValidFileName(QStringView name);

    QJsonObject toJson() const;
    // Corrupt (naming `source`) for missing/ill-typed fields and invalid file names,
    // Unsupported for a newer format.
    static Result<BackupManifest> fromJson(const QJsonObject &json, const QString &source);

    // <backupDir>/manifest.json; NotFound when there is none.
    static Result<BackupManifest> load(const QString &backupDir);
    // Atomic create (never replaces an existing manifest), fsynced with its folder.
    Status save(const QString &backupDir) const;
};

} // namespace PgVault
