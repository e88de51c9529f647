#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace PgVault {

// A WAL position (XLogRecPtr) and its text form "%X/%X" as the server prints it. Parsing also
// accepts a zero-padded low half, which newer servers print.
namespace Lsn {

std::optional<quint64> parse(QStringView text);
QString format(quint64 lsn);

// wal_segment_size as SHOW prints it ("16MB", "1GB", "64MB"); nullopt for anything else or a
// size PostgreSQL does not allow.
std::optional<quint64> parseSegmentSize(QStringView text);

// The segment file (24 hex digits) holding the byte at `lsn` on `timeline`.
QString segmentContaining(quint64 lsn, quint32 timeline, quint64 segmentSize);
// The last segment a backup that ends at `stopLsn` needs: the stop LSN is the first byte after
// the backup's last record, so the segment holding the byte before it (as the server itself
// computes the last segment to wait for).
QString segmentBefore(quint64 stopLsn, quint32 timeline, quint64 segmentSize);

} // namespace Lsn

} // namespace PgVault
