#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace PgVault {

// A file name PostgreSQL hands to archive_command / restore_command (%f). Exactly these forms
// are accepted, upper-case hex only, as PostgreSQL writes them:
//   TTTTTTTTLLLLLLLLSSSSSSSS             segment (timeline, log = high part, seg = low part)
//   TTTTTTTTLLLLLLLLSSSSSSSS.partial     last, incomplete segment of a timeline
//   TTTTTTTTLLLLLLLLSSSSSSSS.OOOOOOOO.backup   backup history file (O = start offset)
//   TTTTTTTT.history                     timeline history file
// Anything else (paths, "..", lower case, other suffixes) is rejected, so a name can be joined
// to a repository path safely. Timeline 0 does not exist in PostgreSQL and is rejected.
class WalFileName
{
public:
    enum class Kind { Segment, Partial, Backup, History };

    static constexpr quint64 DefaultSegmentSize = 16 * 1024 * 1024;

    static std::optional<WalFileName> parse(QStringView name);
    // The segment holding segment number `segNo` (LSN / segmentSize) on `timeline`.
    static WalFileName segment(quint32 timeline, quint64 segNo,
                               quint64 segmentSize = DefaultSegmentSize);
    static WalFileName history(quint32 timeline);
    // wal_segment_size is a power of two from 1 MB to 1 GB.
    static bool isValidSegmentSize(quint64 segmentSize);

    Kind kind() const { return m_kind; }
    bool isSegmentLike() const { return m_kind != Kind::History; } // has log/seg fields
    quint32 timeline() const { return m_timeline; }
    quint32 log() const { return m_log; }
    quint32 seg() const { return m_seg; }
    quint32 backupOffset() const { return m_backupOffset; }

    // log * (4 GiB / segmentSize) + seg.
    quint64 segmentNumber(quint64 segmentSize = DefaultSegmentSize) const;
    quint64 startLsn(quint64 segmentSize = DefaultSegmentSize) const;
    // seg fits the segment size (it runs up to 4 GiB / segmentSize - 1).
    bool fitsSegmentSize(quint64 segmentSize) const;
    // Neighbouring segments on the same timeline (kind Segment); previous() of the very
    // first segment returns nullopt.
    WalFileName next(quint64 segmentSize = DefaultSegmentSize) const;
    std::optional<WalFileName> previous(quint64 segmentSize = DefaultSegmentSize) const;

    QString name() const;
    // The 24-hex segment part (segment-like kinds).
    QString segmentName() const;
    // "TTTTTTTTLLLLLLLL": the repository's per-log folder (segment-like kinds).
    QString logDirName() const;
    // Path below the server's wal/ folder: "<log dir>/<name>.zst", or "<name>" for history
    // files, which ARCHITECTURE.md keeps uncompressed next to the log folders.
    QString storedRelativePath() const;
    bool isStoredCompressed() const { return m_kind != Kind::History; }

    friend bool operator==(const WalFileName &, const WalFileName &) = default;

private:
    Kind m_kind = Kind::Segment;
    quint32 m_timeline = 0;
    quint32 m_log = 0;
    quint32 m_seg = 0;
    quint32 m_backupOffset = 0;
};

} // namespace PgVault
