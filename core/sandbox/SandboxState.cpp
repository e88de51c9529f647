#include "SandboxState.h"

#include "common/Tr.h"
#include "repo/JsonFile.h"

#include <QFileInfo>

namespace PgVault {

namespace {

Error corrupt(const QString &what)
{
    return Error(ErrorCode::Corrupt,
                 Tr::tr("The sandbox description is damaged (%1). Remove the sandbox and create "
                        "it again.")
                         .arg(what));
}

} // namespace

QJsonObject SandboxState::toJson() const
{
    return QJsonObject{
            {QStringLiteral("formatVersion"), FormatVersion},
            {QStringLiteral("port"), port},
            {QStringLiteral("major"), major},
            {QStringLiteral("binDir"), binDir},
            {QStringLiteral("versionText"), versionText},
            {QStringLiteral("dataDir"), dataDir},
            {QStringLiteral("socketDir"), socketDir},
            {QStringLiteral("serverUser"), serverUser},
            {QStringLiteral("superuser"), superuser},
            {QStringLiteral("database"), database},
            {QStringLiteral("repository"), repository},
            {QStringLiteral("profileName"), profileName},
            {QStringLiteral("createdAt"), createdAt.toUTC().toString(Qt::ISODate)},
    };
}

Result<SandboxState> SandboxState::fromJson(const QJsonObject &object)
{
    const int version = object.value(QStringLiteral("formatVersion")).toInt(0);
    if (version != FormatVersion) {
        return Error(ErrorCode::Unsupported,
                     Tr::tr("The sandbox was made by a different PgVault version (format %1, "
                            "this version reads %2).")
                             .arg(version)
                             .arg(FormatVersion));
    }
    SandboxState state;
    state.port = object.value(QStringLiteral("port")).toInt(0);
    state.major = object.value(QStringLiteral("major")).toInt(0);
    state.binDir = object.value(QStringLiteral("binDir")).toString();
    state.versionText = object.value(QStringLiteral("versionText")).toString();
    state.dataDir = object.value(QStringLiteral("dataDir")).toString();
    state.socketDir = object.value(QStringLiteral("socketDir")).toString();
    state.serverUser = object.value(QStringLiteral("serverUser")).toString();
    state.superuser = object.value(QStringLiteral("superuser")).toString();
    state.database = object.value(QStringLiteral("database")).toString();
    state.repository = object.value(QStringLiteral("repository")).toString();
    state.profileName = object.value(QStringLiteral("profileName")).toString();
    state.createdAt = QDateTime::fromString(object.value(QStringLiteral("createdAt")).toString(),
                                            Qt::ISODate);

    if (state.port <= 0 || state.port > 65535)
        return corrupt(QStringLiteral("port"));
    if (state.major <= 0)
        return corrupt(QStringLiteral("major"));
    if (state.binDir.isEmpty())
        return corrupt(QStringLiteral("binDir"));
    if (state.dataDir.isEmpty())
        return corrupt(QStringLiteral("dataDir"));
    if (state.socketDir.isEmpty())
        return corrupt(QStringLiteral("socketDir"));
    if (state.superuser.isEmpty())
        return corrupt(QStringLiteral("superuser"));
    return state;
}

Result<SandboxState> SandboxState::read(const QString &path)
{
    if (!QFileInfo::exists(path))
        return Error(ErrorCode::NotFound,
                     Tr::tr("There is no sandbox yet (%1 is missing).").arg(path));
    Result<QJsonObject> json = JsonFile::readObject(path);
    if (!json && json.error().code() == ErrorCode::Corrupt)
        return corrupt(path).withDetail(json.error().detail());
    if (!json)
        return json.error();
    return fromJson(*json);
}

Status SandboxState::write(const QString &path) const
{
    return JsonFile::write(path, toJson());
}

} // namespace PgVault
