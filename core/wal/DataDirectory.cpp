#include "DataDirectory.h"

#include "common/Tr.h"
#include "repo/FileSystem.h"

#include <QDir>
#include <QFileInfo>
#include <QtEndian>

namespace PgVault {

DataDirectory::DataDirectory(QString path)
    : m_path(std::move(path))
{}

QString DataDirectory::controlFilePath() const
{
    return m_path + QStringLiteral("/global/pg_control");
}

Result<quint64> DataDirectory::systemIdentifier() const
{
    const QString control = controlFilePath();
    Result<QByteArray> data = FileSystem::readSmallFile(control, 64 * 1024);
    if (!data)
        return data.error();
    if (data->size() < 8)
        return Error(ErrorCode::Corrupt, Tr::tr("%1 is too short to be pg_control").arg(control));
    const quint64 id = qFromUnaligned<quint64>(data->constData());
    if (id == 0)
        return Error(ErrorCode::Corrupt, Tr::tr("%1 holds no system identifier").arg(control));
    return id;
}

int DataDirectory::majorVersion() const
{
    Result<QByteArray> data = FileSystem::readSmallFile(m_path + QStringLiteral("/PG_VERSION"), 64);
    if (!data)
        return 0;
    return data->trimmed().toInt();
}

QString DataDirectory::containing(const QString &path)
{
    QString dir = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    while (!dir.isEmpty()) {
        if (QFileInfo::exists(dir + QStringLiteral("/global/pg_control")))
            return dir;
        const QString parent = FileSystem::parentOf(dir);
        if (parent == dir)
            break;
        dir = parent;
    }
    return {};
}

} // namespace PgVault
