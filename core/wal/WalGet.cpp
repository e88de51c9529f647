#include "WalGet.h"

#include "DataDirectory.h"
#include "common/Tr.h"
#include "repo/AtomicFile.h"
#include "repo/FileSystem.h"
#include "repo/InputFile.h"
#include "repo/ZstdReader.h"

#include <QDir>
#include <QFileInfo>

namespace PgVault {

WalGet::WalGet(Repository repository)
    : WalGet(std::move(repository), WalGetOptions{})
{}

WalGet::WalGet(Repository repository, WalGetOptions options)
    : m_repository(std::move(repository))
    , m_options(std::move(options))
{}

Result<QList<quint64>> WalGet::candidateServers(const WalFileName &name,
                                                const QString &destination) const
{
    const QString dataDirPath
            = m_options.dataDir.isEmpty()
                      ? DataDirectory::containing(FileSystem::parentOf(destination))
                      : m_options.dataDir;
    if (!dataDirPath.isEmpty()) {
        Result<quint64> id = DataDirectory(dataDirPath).systemIdentifier();
        if (!id)
            return id.error();
        return QList<quint64>{*id};
    }
    QList<quint64> holders;
    const QList<quint64> ids = m_repository.serverIds();
    for (const quint64 id : ids) {
        const QString stored
                = m_repository.walPath(id) + QLatin1Char('/') + name.storedRelativePath();
        if (QFileInfo::exists(stored))
            holders.append(id);
    }
    if (holders.size() > 1) {
        QStringList names;
        for (const quint64 id : std::as_const(holders))
            names.append(Repository::systemIdText(id));
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("%1 is archived for several servers (%2); restore into a data "
                            "directory, or run wal-get from inside one, so PgVault can tell "
                            "which server's WAL to use")
                             .arg(name.name(), names.join(QStringLiteral(", "))));
    }
    return holders;
}

Status WalGet::copyOut(const QString &storedPath, bool compressed, const QString &destination,
                       WalGetResult &result) const
{
    std::optional<ZstdReader> zstd;
    std::optional<InputFile> raw;
    if (compressed) {
        zstd.emplace(storedPath);
        if (Status s = zstd->open(); !s)
            return s;
    } else {
        raw.emplace(storedPath);
        if (Status s = raw->open(); !s)
            return s;
    }
    AtomicFile out(destination);
    out.setDurable(m_options.durable);
    if (Status s = out.open(); !s)
        return s;
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        Result<qint64> n = zstd ? zstd->read(buffer.data(), buffer.size())
                                : raw->read(buffer.data(), buffer.size());
        if (!n)
            return n.error(); // `out` removes its temporary file
        if (*n == 0)
            break;
        if (Status s = out.write(QByteArrayView(buffer.constData(), qsizetype(*n))); !s)
            return s;
    }
    result.bytes = out.bytesWritten();
    return out.commit();
}

Result<WalGetResult> WalGet::get(const QString &name, const QString &destination)
{
    const std::optional<WalFileName> walName = WalFileName::parse(name);
    if (!walName)
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("%1 is not a WAL file name (a segment, .partial, .backup or .history "
                            "file name)")
                             .arg(name));
    const QString target = QFileInfo(destination).absoluteFilePath();
    Result<QList<quint64>> ids = candidateServers(*walName, target);
    if (!ids)
        return ids.error();

    WalGetResult result;
    for (const quint64 id : std::as_const(*ids)) {
        const QString stored
                = m_repository.walPath(id) + QLatin1Char('/') + walName->storedRelativePath();
        result.systemId = id;
        result.storedPath = stored;
        Status copied = copyOut(stored, walName->isStoredCompressed(), target, result);
        // Not there (or removed by expire just now): the ordinary "no such file" answer.
        if (!copied && copied.error().code() == ErrorCode::NotFound && !QFileInfo::exists(stored))
            return WalGetResult{};
        if (!copied)
            return copied.error();
        result.found = true;
        return result;
    }
    return WalGetResult{};
}

} // namespace PgVault
