#pragma once

#include <QByteArray>
#include <QRandomGenerator>
#include <QtEndian>

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
        // Records-ish: random runs separated by repeats, the tail zero like a switched segment.
        for (qsizetype i = 40; i < data.size() * 3 / 4; i += 64) {
            const quint32 r = rng.generate();
            if (r % 3 == 0) {
                for (int k = 0; k < 64 && i + k < data.size(); k += 4)
                    qToUnaligned<quint32>(rng.generate(), data.data() + i + k);
            } else {
                for (int k = 0; k < 64 && i + k < data.size(); ++k)
                    data[i + k] = char(r >> (k % 24));
            }
        }
        return data;
    }
};

} // namespace PgVault::Test
