#include "StreamCompare.h"

#include <QByteArray>

#include <cstring>

namespace PgVault {

namespace {
// Keeps calling `reader` until `size` bytes or the end; the readers may return short chunks
// (a decompressor returns what one block gave).
Result<qint64> fill(const StreamReader &reader, char *buffer, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        Result<qint64> n = reader(buffer + done, size - done);
        if (!n)
            return n.error();
        if (*n == 0)
            break;
        done += *n;
    }
    return done;
}
} // namespace

Result<bool> sameContent(const StreamReader &a, const StreamReader &b)
{
    constexpr qint64 ChunkSize = 256 * 1024;
    QByteArray bufferA(ChunkSize, Qt::Uninitialized);
    QByteArray bufferB(ChunkSize, Qt::Uninitialized);
    for (;;) {
        Result<qint64> na = fill(a, bufferA.data(), ChunkSize);
        if (!na)
            return na.error();
        Result<qint64> nb = fill(b, bufferB.data(), ChunkSize);
        if (!nb)
            return nb.error();
        if (*na != *nb || std::memcmp(bufferA.constData(), bufferB.constData(), size_t(*na)) != 0)
            return false;
        if (*na < ChunkSize)
            return true;
    }
}

} // namespace PgVault
