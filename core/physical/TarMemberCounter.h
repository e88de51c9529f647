#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSet>
#include <QString>

namespace PgVault {

// Walks the ustar headers of a tar stream as it passes by, without keeping the data: counts
// regular files (what backup_manifest lists), remembers the names a caller asks about, and
// knows whether the archive ended with tar's two zero blocks. Enough to check a base backup's
// archives while they stream; it is not a general tar reader (no GNU/pax extensions, which
// PostgreSQL's own tar writer never produces). With a FileVisitor it also hands out the data of
// each regular file, so verification reads every archive once, in the same walk.
class TarMemberCounter
{
public:
    // Sees each regular file as it passes: begin, its data in pieces (possibly none), end.
    // An error from begin/end stops the walk and is returned by feed().
    class FileVisitor
    {
    public:
        virtual ~FileVisitor() = default;
        virtual Status beginFile(const QString &name, qint64 size) = 0;
        virtual void fileData(QByteArrayView data) = 0;
        virtual Status endFile() = 0;
    };

    explicit TarMemberCounter(QSet<QString> interesting = {});

    // Not owned; must outlive the feeding. nullptr (the default) skips data unseen.
    void setFileVisitor(FileVisitor *visitor) { m_visitor = visitor; }

    // Corrupt when a header's checksum is wrong (the stream lost its alignment) or data
    // follows the end-of-archive marker.
    Status feed(QByteArrayView data);

    qint64 regularFiles() const { return m_regularFiles; }
    qint64 members() const { return m_members; }
    // Two zero blocks were seen and nothing but zeros followed.
    bool isTerminated() const { return m_zeroBlocks >= 2; }
    // Between members: not inside a header or a member's data.
    bool atMemberBoundary() const { return m_header.isEmpty() && m_skip == 0; }
    // The interesting names seen as regular files.
    const QSet<QString> &found() const { return m_found; }

private:
    Status parseHeader();

    QSet<QString> m_interesting;
    QSet<QString> m_found;
    QByteArray m_header;   // a header being collected (< 512 bytes)
    qint64 m_skip = 0;     // data and padding bytes of the current member still to pass
    qint64 m_fileData = 0; // of m_skip: data bytes of the visited regular file still to pass
    FileVisitor *m_visitor = nullptr;
    qint64 m_regularFiles = 0;
    qint64 m_members = 0;
    int m_zeroBlocks = 0;
    qint64 m_offset = 0; // bytes seen, for messages
};

} // namespace PgVault
