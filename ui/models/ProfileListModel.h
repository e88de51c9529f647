#pragma once

#include "models/ServerStatus.h"
#include "settings/Profile.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QUuid>

namespace PgVault {

class ProfileStore;

// The saved servers for the server list, in ProfileStore's order (by name), with the status the
// GUI knows for each. Follows the store's signals, so adding, renaming and removing a profile
// anywhere updates the list (renames move the row; selections survive).
class ProfileListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, // QUuid
        AddressRole,               // "db.example.com:5432", never with a password
        StatusRole,                // ServerStatus as int
        StatusTextRole,            // translated status
    };
    Q_ENUM(Role)

    explicit ProfileListModel(ProfileStore *store, QObject *parent = nullptr);
    ~ProfileListModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    Profile profile(const QModelIndex &index) const;
    QModelIndex indexOf(const QUuid &id) const;

    // Catches up with changes the store did not signal (another ProfileStore on the same file,
    // e.g. the sandbox job's): adds, updates and removes rows as needed; selections survive.
    void reload();

    ServerStatus status(const QUuid &id) const;
    void setStatus(const QUuid &id, ServerStatus status);

private:
    void onProfileAdded(const Profile &profile);
    void onProfileChanged(const Profile &profile);
    void onProfileRemoved(const QUuid &id);
    int rowOf(const QUuid &id) const;
    // Where `profile` belongs in m_profiles (which must not contain it).
    int insertPosition(const Profile &profile) const;

    ProfileStore *m_store;
    QList<Profile> m_profiles;
    QHash<QUuid, ServerStatus> m_status;
    QHash<QUuid, QString> m_addresses; // parsed once per change, not per paint
};

} // namespace PgVault
