#pragma once

#include "common/Result.h"

#include <QByteArrayView>
#include <QString>

namespace PgVault {

// The long page header at the start of every WAL segment (XLogLongPageHeaderData, 40 bytes,
// host byte order; see reference/postgres-internals.md §2). Its xlp_sysid tells which server
// the segment belongs to, and xlp_magic which major version wrote it.
class WalSegmentHeader
{
public:
    static constexpr qsizetype Size = 40;
    static constexpr quint16 LongHeaderFlag = 0x0002; // XLP_LONG_HEADER

    quint16 magic = 0;
    quint16 info = 0;
    quint32 timeline = 0;
    quint64 pageAddress = 0;
    quint64 systemId = 0;
    quint32 segmentSize = 0;
    quint32 blockSize = 0;
    int majorVersion = 0;

    // Validates magic (a known major), the long-header flag, sizes and a non-zero system id.
    // Corrupt for garbage, Unsupported for a WAL magic of a major we do not know.
    static Result<WalSegmentHeader> parse(QByteArrayView data, const QString &source);

    // XLOG_PAGE_MAGIC per major: 14 0xD10D, 15 0xD110, 16 0xD113, 17 0xD116, 18 0xD118.
    static int majorForMagic(quint16 magic);
};

} // namespace PgVault
