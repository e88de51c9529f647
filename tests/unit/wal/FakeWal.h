#pragma once

#include <QByteArray>
#include <QRandomGenerator>
#include <QtEndian>

#include <cstring>

// Builds WAL-like files for tests: a valid long page header (XLogLongPageHeaderData layout,
// host byte order) followed by pseudo-random, partly compressible bytes.
namespace PgVault::Test {

struct FakeSegment
{
    quint16 magic = 0xD110; // PostgreSQL 15
    quint32 timeline = 1;
    quint64 segNo = 1;
    quint64 systemId = 7311947662361722906ULL;
    quint32 segmentSize = 16 * 1024 * 1024;
    quint32 seed = 1;

    QByteArray header() const
    {
        QByteArray h(40, '\0');
        char *p = h.data();
        qToUnaligned<quint16>(magic, p);
        qToUnaligned<quint16>(0x0006, p + 2); // XLP_LONG_HEADER | XLP_BKP_REMOVABLE
        qToUnaligned<quint32>(timeline, p + 4);
        qToUnaligned<quint64>(segNo * segmentSize, p + 8);
        qToUnaligned<quint64>(systemId, p + 24);
        qToUnaligned<quint32>(segmentSize, p + 32);
        qToUnaligned<quint32>(8192, p + 36);
        return h;
    }

    QByteArray bytes() const
    {
        QByteArray data(qsizetype(segmentSize), '\0');
        const QByteArray h = header();
        std::copy(h.begin(), h.end(), data.begin());
        QRandomGenerator rng(seed);
        // Records-ish: 64-byte runs, a third random, the rest repeated bytes; the last quarter
        // stays zero like the tail of a switched segment.
        quint32 random[16];
        for (qsizetype i = 64; i + 64 <= data.size() * 3 / 4; i += 64) {
            const quint32 r = rng.generate();
            if (r % 3 == 0) {
                rng.fillRange(random);
                std::memcpy(data.data() + i, random, sizeof random);
            } else {
                std::memset(data.data() + i, int(r >> 8) & 0xFF, 64);
            }
        }
        return data;
    }
};

} // namespace PgVault::Test
