#include "JsonFile.h"

#include "FileSystem.h"
#include "common/Tr.h"

#include <QJsonDocument>

namespace PgVault::JsonFile {

Result<QJsonObject> readObject(const QString &path, qint64 maxSize)
{
    Result<QByteArray> data = FileSystem::readSmallFile(path, maxSize);
    if (!data)
        return data.error();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*data, &parseError);
    if (!document.isObject())
        return Error(ErrorCode::Corrupt, Tr::tr("%1 is not valid JSON").arg(path),
                     parseError.error != QJsonParseError::NoError
                             ? parseError.errorString()
                             : QStringLiteral("not a JSON object"));
    return document.object();
}

Status write(const QString &path, const QJsonObject &object, AtomicFile::Mode mode)
{
    AtomicFile file(path, mode);
    if (Status opened = file.open(); !opened)
        return opened;
    if (Status written = file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
        !written)
        return written;
    return file.commit();
}

} // namespace PgVault::JsonFile
