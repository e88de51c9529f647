#pragma once

#include "BackupManifest.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace PgVault {

// Backup ids sort by time: "YYYYMMDDTHHMMSSZ-<kind>" (UTC), e.g. "20261124T190405Z-base".
// When two backups of one server start in the same second, later ones get "-2", "-3"…
// ("20261124T190405Z-dump-2"), which still sorts after the first.
namespace BackupId {

QString make(const QDateTime &startUtc, BackupKind kind, int sequence = 1);
bool isValid(QStringView id);
std::optional<QDateTime> startTime(QStringView id);
std::optional<BackupKind> kind(QStringView id);
// 1 for "…Z-dump", N for "…Z-dump-N"; std::nullopt for an invalid id.
std::optional<int> sequence(QStringView id);
// Orders ids by start time, then sequence ("-10" after "-9", which plain string order gets
// wrong), then text; invalid ids (debris folders with any name) sort after valid ones.
// Negative, zero or positive like QString::compare.
int compare(QStringView a, QStringView b);

} // namespace BackupId

} // namespace PgVault
