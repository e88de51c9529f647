#pragma once

#include <QMetaType>
#include <QString>
#include <QUuid>

namespace PgVault {

// A saved connection: a stable id, a unique display name, a libpq connection string (key=value
// or URI; ConnInfo in core/connection parses it) and an optional repository.
//
// There is no password field, ever: the password lives in the system keychain under the id
// (SecretStore), so renaming a profile keeps its password and the settings file never holds one.
class Profile
{
public:
    Profile() = default;
    Profile(const QUuid &id, const QString &name, const QString &conninfo,
            const QString &repositoryPath = {});

    // A profile with a fresh id, for ProfileStore::add().
    static Profile create(const QString &name, const QString &conninfo,
                          const QString &repositoryPath = {});

    bool isNull() const { return m_id.isNull(); }

    const QUuid &id() const { return m_id; }
    // The id as stored: settings group name and keychain key (no braces).
    QString idString() const;

    const QString &name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }

    const QString &conninfo() const { return m_conninfo; }
    void setConninfo(const QString &conninfo) { m_conninfo = conninfo; }

    // Empty = the default repository (Settings::defaultRepositoryPath()).
    const QString &repositoryPath() const { return m_repositoryPath; }
    void setRepositoryPath(const QString &path) { m_repositoryPath = path; }

    bool operator==(const Profile &other) const = default;

private:
    QUuid m_id;
    QString m_name;
    QString m_conninfo;
    QString m_repositoryPath;
};

} // namespace PgVault

Q_DECLARE_METATYPE(PgVault::Profile)
