#include "Repository.h"

#include "AtomicFile.h"
#include "FileSystem.h"
#include "common/Tr.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace PgVault {

namespace {
const QLatin1String FormatName("pgvault-repository");

QString markerPath(const QString &root)
{
    return root + QLatin1Char('/') + QLatin1String(Repository::MarkerFile);
}
} // namespace

QString Repository::defaultPath()
{
    const QString env = qEnvironmentVariable("PGVAULT_REPO");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/pgvault/repository");
}

Result<Repository> Repository::readMarker(const QString &root)
{
    const QString marker = markerPath(root);
    Result<QByteArray> data = FileSystem::readSmallFile(marker);
    if (!data) {
        if (data.error().code() != ErrorCode::NotFound)
            return data.error();
        if (!QFileInfo(root).isDir())
            return Error(ErrorCode::NotFound, Tr::tr("there is no repository at %1").arg(root),
                         data.error().detail());
        return Error(ErrorCode::NotFound, Tr::tr("%1 is not a PgVault repository (it has no %2)")
                                                  .arg(root, QLatin1String(MarkerFile)));
    }
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(*data, &parseError).object();
    const int version = json.value(QStringLiteral("formatVersion")).toInt(0);
    if (json.value(QStringLiteral("format")).toString() != FormatName || version < 1)
        return Error(ErrorCode::Corrupt,
                     Tr::tr("%1 is damaged: it does not describe a PgVault repository").arg(marker),
                     parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                  : QString());
    if (version > FormatVersion)
        return Error(ErrorCode::Unsupported,
                     Tr::tr("the repository at %1 uses format version %2, but this PgVault only "
                            "understands version %3; update PgVault to use it")
                             .arg(root)
                             .arg(version)
                             .arg(FormatVersion));
    Repository repo;
    repo.m_path = root;
    repo.m_formatVersion = version;
    repo.m_createdAt
            = QDateTime::fromString(json.value(QStringLiteral("created")).toString(), Qt::ISODate);
    return repo;
}

Result<Repository> Repository::open(const QString &path)
{
    return readMarker(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
}

Result<Repository> Repository::create(const QString &path)
{
    const QString root = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    Result<Repository> existing = readMarker(root);
    if (existing || existing.error().code() != ErrorCode::NotFound)
        return existing;

    if (Status s = FileSystem::durableMkpath(root); !s)
        return s.error();
    // lost+found is what a freshly formatted backup disk holds at its root.
    QStringList entries = QDir(root).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                               | QDir::NoDotAndDotDot);
    entries.removeAll(QStringLiteral("lost+found"));
    if (!entries.isEmpty())
        return Error(ErrorCode::AlreadyExists,
                     Tr::tr("%1 is not empty and is not a PgVault repository; choose an empty "
                            "or new folder")
                             .arg(root));

    QJsonObject json;
    json.insert(QStringLiteral("format"), FormatName);
    json.insert(QStringLiteral("formatVersion"), FormatVersion);
    json.insert(QStringLiteral("created"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    json.insert(QStringLiteral("createdBy"),
                QStringLiteral("PgVault %1").arg(QLatin1String(PGVAULT_VERSION_STRING)));

    if (Status s = FileSystem::durableMkpath(root + QStringLiteral("/servers")); !s)
        return s.error();
    // CreateNew: of two concurrent creators one writes the marker, the other opens it.
    AtomicFile marker(markerPath(root), AtomicFile::Mode::CreateNew);
    Status written = marker.open();
    if (written)
        written = marker.write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (written)
        written = marker.commit();
    if (!written && written.error().code() != ErrorCode::AlreadyExists)
        return written.error();
    return readMarker(root);
}

QString Repository::serversPath() const
{
    return m_path + QStringLiteral("/servers");
}

QString Repository::serverPath(quint64 systemId) const
{
    return serversPath() + QLatin1Char('/') + systemIdText(systemId);
}

QString Repository::backupsPath(quint64 systemId) const
{
    return serverPath(systemId) + QStringLiteral("/backups");
}

QString Repository::walPath(quint64 systemId) const
{
    return serverPath(systemId) + QStringLiteral("/wal");
}

QString Repository::indexPath(quint64 systemId) const
{
    return serverPath(systemId) + QStringLiteral("/index");
}

QList<quint64> Repository::serverIds() const
{
    QList<quint64> ids;
    const QStringList names
            = QDir(serversPath()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        bool ok = false;
        const quint64 id = name.toULongLong(&ok);
        if (ok && id != 0 && systemIdText(id) == name)
            ids.append(id);
    }
    return ids;
}

Status Repository::ensureServer(quint64 systemId) const
{
    for (const QString &dir : {backupsPath(systemId), walPath(systemId), indexPath(systemId)}) {
        if (Status s = FileSystem::durableMkpath(dir); !s)
            return s;
    }
    return {};
}

} // namespace PgVault
