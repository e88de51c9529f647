#include "Profile.h"

namespace PgVault {

Profile::Profile(const QUuid &id, const QString &name, const QString &conninfo,
                 const QString &repositoryPath)
    : m_id(id)
    , m_name(name)
    , m_conninfo(conninfo)
    , m_repositoryPath(repositoryPath)
{}

Profile Profile::create(const QString &name, const QString &conninfo, const QString &repositoryPath)
{
    return Profile(QUuid::createUuid(), name, conninfo, repositoryPath);
}

QString Profile::idString() const
{
    return m_id.toString(QUuid::WithoutBraces);
}

} // namespace PgVault
