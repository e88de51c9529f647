#include "WalSegmentHeader.h"

#include "WalFileName.h"
#include "common/Tr.h"

#include <QtEndian>

namespace PgVault {

int WalSegmentHeader::majorForMagic(quint16 magic)
{
    switch (magic) {
    case 0xD10D: return 14;
    case 0xD110: return 15;
    case 0xD113: return 16;
    case 0xD116: return 17;
    case 0xD118: return 18;
    default: return 0;
    }
}

Result<WalSegmentHeader> WalSegmentHeader::parse(QByteArrayView data, const QString &source)
{
    if (data.size() < Size)
        return Error(
                ErrorCode::Corrupt,
                Tr::tr("%1 is not a WAL segment: it is shorter than a page header").arg(source));
    // WAL is written in the server's byte order; archives are read on the same architecture.
    const char *p = data.data();
    WalSegmentHeader h;
    h.magic = qFromUnaligned<quint16>(p);
    h.info = qFromUnaligned<quint16>(p + 2);
    h.timeline = qFromUnaligned<quint32>(p + 4);
    h.pageAddress = qFromUnaligned<quint64>(p + 8);
    h.systemId = qFromUnaligned<quint64>(p + 24);
    h.segmentSize = qFromUnaligned<quint32>(p + 32);
    h.blockSize = qFromUnaligned<quint32>(p + 36);
    h.majorVersion = majorForMagic(h.magic);

    const QString magicText = QStringLiteral("0x%1").arg(h.magic, 4, 16, QLatin1Char('0'));
    if (h.majorVersion == 0) {
        if ((h.magic & 0xFF00) == 0xD100)
            return Error(ErrorCode::Unsupported,
                         Tr::tr("%1 was written by a PostgreSQL version PgVault does not know "
                                "(WAL page magic %2); PostgreSQL 14 to 18 are supported")
                                 .arg(source, magicText));
        return Error(ErrorCode::Corrupt,
                     Tr::tr("%1 is not a WAL segment (page magic %2)").arg(source, magicText));
    }
    const bool blockSizeOk
            = h.blockSize >= 1024 && h.blockSize <= 65536 && (h.blockSize & (h.blockSize - 1)) == 0;
    if (!(h.info & LongHeaderFlag) || !WalFileName::isValidSegmentSize(h.segmentSize)
        || !blockSizeOk || h.systemId == 0)
        return Error(ErrorCode::Corrupt,
                     Tr::tr("%1 does not start with a valid WAL segment header").arg(source),
                     QStringLiteral("magic %1 info 0x%2 sysid %3 seg_size %4 blcksz %5")
                             .arg(magicText)
                             .arg(h.info, 4, 16, QLatin1Char('0'))
                             .arg(h.systemId)
                             .arg(h.segmentSize)
                             .arg(h.blockSize));
    return h;
}

} // namespace PgVault
