#include "WalPush.h"

#include "DataDirectory.h"
#include "WalSegmentHeader.h"
#include "common/Tr.h"
#include "repo/AtomicFile.h"
#include "repo/FileSystem.h"
#include "repo/InputFile.h"
#include "repo/ServerRecord.h"
#include "repo/StreamCompare.h"
#include "repo/ZstdReader.h"
#include "repo/ZstdWriter.h"

#include <QDir>
#include <QFileInfo>

#include <cstring>

namespace PgVault {

namespace {
constexpr qint64 ChunkSize = 1024 * 1024;

QString lsnText(quint64 lsn)
{
    return QStringLiteral("%1/%2").arg(QString::number(lsn >> 32, 16).toUpper(),
                                       QString::number(lsn & 0xFFFFFFFF, 16).toUpper());
}
} // namespace

// The input being pushed: its first chunk is read up front (for the header) and handed out
// again before the rest of the file, so the file is read only once.
struct WalPush::Source
{
    explicit Source(const QString &path)
        : file(path)
    {}

    Result<qint64> read(char *buffer, qint64 maxSize)
    {
        if (headPos < head.size()) {
            const qint64 n = qMin(maxSize, qint64(head.size() - headPos));
            std::memcpy(buffer, head.constData() + headPos, size_t(n));
            headPos += n;
            return n;
        }
        return file.read(buffer, maxSize);
    }

    InputFile file;
    QByteArray head;
    qsizetype headPos = 0;
    quint64 segmentSize = 0; // segment-like kinds: the exact size the file must have
    int majorVersion = 0;
};

WalPush::WalPush(Repository repository)
    : WalPush(std::move(repository), WalPushOptions{})
{}

WalPush::WalPush(Repository repository, WalPushOptions options)
    : m_repository(std::move(repository))
    , m_options(std::move(options))
{}

Status WalPush::identify(Source &source, WalPushResult &result)
{
    const QString &path = source.file.path();
    if (result.name.isSegmentLike() && result.name.kind() != WalFileName::Kind::Backup) {
        Result<WalSegmentHeader> header = WalSegmentHeader::parse(source.head, path);
        if (!header)
            return header.error();
        if (!result.name.fitsSegmentSize(header->segmentSize)
            || header->pageAddress != result.name.startLsn(header->segmentSize))
            return Error(ErrorCode::Corrupt,
                         Tr::tr("%1 does not hold the WAL its name promises (its first page is "
                                "for LSN %2)")
                                 .arg(path, lsnText(header->pageAddress)));
        result.systemId = header->systemId;
        source.segmentSize = header->segmentSize;
        source.majorVersion = header->majorVersion;
        return {};
    }
    const DataDirectory dataDir(m_options.dataDir.isEmpty() ? QDir::currentPath()
                                                            : m_options.dataDir);
    Result<quint64> id = dataDir.systemIdentifier();
    if (!id)
        return Error(id.error().code(),
                     Tr::tr("cannot tell which server %1 belongs to: %2 is not readable; run "
                            "wal-push from the data directory, as archive_command does")
                             .arg(path, dataDir.controlFilePath()),
                     id.error().toString());
    result.systemId = *id;
    source.majorVersion = dataDir.majorVersion();
    return {};
}

Error WalPush::differentContent(const QString &storedPath, const QString &inputPath) const
{
    return Error(ErrorCode::AlreadyExists,
                 Tr::tr("refusing to overwrite %1 with different content from %2: the repository "
                        "already holds a different file of that name. Is another server archiving "
                        "into this repository with the same system identifier, or was the WAL "
                        "file changed?")
                         .arg(storedPath, inputPath));
}

Result<bool> WalPush::compareWithStored(const QString &storedPath, Source &source)
{
    const auto fromSource = [&source](char *b, qint64 n) { return source.read(b, n); };
    Result<bool> same = false;
    if (QFileInfo(storedPath).suffix() == QLatin1String("zst")) {
        ZstdReader stored(storedPath);
        if (Status s = stored.open(); !s)
            return s.error();
        same = sameContent([&stored](char *b, qint64 n) { return stored.read(b, n); }, fromSource);
    } else {
        InputFile stored(storedPath);
        if (Status s = stored.open(); !s)
            return s.error();
        same = sameContent([&stored](char *b, qint64 n) { return stored.read(b, n); }, fromSource);
    }
    if (!same && same.error().code() == ErrorCode::Corrupt
        && same.error().message().startsWith(storedPath))
        return Error(ErrorCode::Corrupt,
                     Tr::tr("the stored copy %1 is damaged; refusing to overwrite it. Check it "
                            "with `pgvault-cli verify`, move it aside, and PostgreSQL's next "
                            "retry will store the file again")
                             .arg(storedPath),
                     same.error().toString());
    return same;
}

Status WalPush::store(Source &source, WalPushResult &result)
{
    AtomicFile file(result.storedPath, AtomicFile::Mode::CreateNew);
    if (Status s = file.open(); !s)
        return s;
    std::optional<ZstdWriter> zstd;
    if (result.name.isStoredCompressed()) {
        ZstdWriter::Options z;
        z.level = m_options.compressionLevel;
        z.workers = m_options.workers;
        z.pledgedSize = source.segmentSize > 0 ? qint64(source.segmentSize) : -1;
        zstd.emplace([&file](QByteArrayView chunk) { return file.write(chunk); }, z);
    }
    QByteArray buffer(ChunkSize, Qt::Uninitialized);
    for (;;) {
        Result<qint64> n = source.read(buffer.data(), buffer.size());
        if (!n)
            return n.error();
        if (*n == 0)
            break;
        result.rawBytes += *n;
        if (source.segmentSize > 0 && quint64(result.rawBytes) > source.segmentSize)
            break; // reported below, before zstd complains about the pledged size
        const QByteArrayView chunk(buffer.constData(), qsizetype(*n));
        if (Status s = zstd ? zstd->write(chunk) : file.write(chunk); !s)
            return s;
    }
    if (source.segmentSize > 0 && quint64(result.rawBytes) != source.segmentSize)
        return Error(ErrorCode::Corrupt,
                     Tr::tr("%1 is %2 bytes long, but its header says WAL segments are %3 bytes")
                             .arg(source.file.path())
                             .arg(result.rawBytes > qint64(source.segmentSize)
                                          ? Tr::tr("more than %1").arg(source.segmentSize)
                                          : QString::number(result.rawBytes))
                             .arg(source.segmentSize));
    if (zstd) {
        if (Status s = zstd->finish(); !s)
            return s;
    }
    result.storedBytes = file.bytesWritten();
    return file.commit();
}

Result<WalPushResult> WalPush::push(const QString &path)
{
    WalPushResult result;
    const QString fileName = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
    const std::optional<WalFileName> name = WalFileName::parse(fileName);
    if (!name)
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("%1 is not a file PostgreSQL archives (a WAL segment, .partial, "
                            ".backup or .history file name)")
                             .arg(path));
    result.name = *name;

    auto source = std::make_unique<Source>(path);
    if (Status s = source->file.open(); !s)
        return s.error();
    // 40 KiB: the long page header, and little enough that a .history file is one read.
    source->head.resize(WalSegmentHeader::Size * 1024);
    Result<qint64> headSize = source->file.read(source->head.data(), source->head.size());
    if (!headSize)
        return headSize.error();
    source->head.truncate(qsizetype(*headSize));
    if (Status s = identify(*source, result); !s)
        return s.error();

    if (Status s = m_repository.ensureServer(result.systemId); !s)
        return s.error();
    const QString serverDir = m_repository.serverPath(result.systemId);
    if (Status s = ServerRecord::recordSeen(serverDir, result.systemId, source->majorVersion); !s)
        result.warnings.append(s.error().message());

    const QString walDir = m_repository.walPath(result.systemId);
    result.storedPath = walDir + QLatin1Char('/') + name->storedRelativePath();
    const QString storedDir = FileSystem::parentOf(result.storedPath);
    if (Status s = FileSystem::durableMkpath(storedDir); !s)
        return s.error();

    if (!QFileInfo::exists(result.storedPath)) {
        Status stored = store(*source, result);
        if (!stored && stored.error().code() != ErrorCode::AlreadyExists)
            return stored.error();
        if (stored) {
            // A just-created log folder must be durable in wal/ too; durableMkpath made it so
            // unless another pusher created it and died before its fsync. One more folder
            // fsync per segment closes that gap.
            if (storedDir != walDir) {
                if (Status s = FileSystem::fsyncDirectory(walDir); !s)
                    return s.error();
            }
            return result;
        }
        // Another pusher published the same name first: compare with what it stored,
        // reading our input again from the start.
        source = std::make_unique<Source>(path);
        if (Status s = source->file.open(); !s)
            return s.error();
    }
    Result<bool> same = compareWithStored(result.storedPath, *source);
    if (!same)
        return same.error();
    if (!*same)
        return differentContent(result.storedPath, path);
    result.alreadyStored = true;
    result.rawBytes = source->file.position();
    result.storedBytes = QFileInfo(result.storedPath).size();
    return result;
}

} // namespace PgVault
