#include "ProfileListModel.h"

#include "connection/ConnInfo.h"
#include "models/ServerStatusText.h"
#include "settings/ProfileStore.h"

namespace PgVault {

namespace {

// ProfileStore's order: case-insensitively by name, then case-sensitively.
bool lessByName(const Profile &a, const Profile &b)
{
    const int folded = a.name().compare(b.name(), Qt::CaseInsensitive);
    if (folded != 0)
        return folded < 0;
    return a.name() < b.name();
}

QString addressOf(const Profile &profile)
{
    const Result<ConnInfo> info = ConnInfo::parse(profile.conninfo());
    if (!info.ok())
        return QString();
    return info->displayAddress();
}

} // namespace

ProfileListModel::ProfileListModel(ProfileStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_profiles(store->profiles())
{
    std::stable_sort(m_profiles.begin(), m_profiles.end(), lessByName);
    for (const Profile &profile : std::as_const(m_profiles))
        m_addresses.insert(profile.id(), addressOf(profile));
    connect(store, &ProfileStore::profileAdded, this, &ProfileListModel::onProfileAdded);
    connect(store, &ProfileStore::profileChanged, this, &ProfileListModel::onProfileChanged);
    connect(store, &ProfileStore::profileRemoved, this, &ProfileListModel::onProfileRemoved);
}

ProfileListModel::~ProfileListModel() = default;

int ProfileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

QVariant ProfileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Profile &profile = m_profiles.at(index.row());
    const ServerStatus state = status(profile.id());
    const QString address = m_addresses.value(profile.id());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return profile.name();
    case Qt::ToolTipRole:
        if (address.isEmpty())
            return tr("%1\n%2").arg(profile.name(), ServerStatusText::label(state));
        return tr("%1 (%2)\n%3").arg(profile.name(), address, ServerStatusText::label(state));
    case Qt::AccessibleDescriptionRole:
    case StatusTextRole: return ServerStatusText::label(state);
    case IdRole: return profile.id();
    case AddressRole: return address;
    case StatusRole: return int(state);
    default: return QVariant();
    }
}

QHash<int, QByteArray> ProfileListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(AddressRole, "address");
    names.insert(StatusRole, "status");
    names.insert(StatusTextRole, "statusText");
    return names;
}

Profile ProfileListModel::profile(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Profile();
    return m_profiles.at(index.row());
}

QModelIndex ProfileListModel::indexOf(const QUuid &id) const
{
    const int row = rowOf(id);
    return row < 0 ? QModelIndex() : index(row);
}

ServerStatus ProfileListModel::status(const QUuid &id) const
{
    return m_status.value(id, ServerStatus::Unknown);
}

void ProfileListModel::setStatus(const QUuid &id, ServerStatus status)
{
    if (this->status(id) == status)
        return;
    m_status.insert(id, status);
    const int row = rowOf(id);
    if (row >= 0) {
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(
                changed, changed,
                {StatusRole, StatusTextRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole});
    }
}

void ProfileListModel::reload()
{
    const QList<Profile> stored = m_store->profiles();
    QList<QUuid> gone;
    for (const Profile &profile : std::as_const(m_profiles)) {
        const bool kept = std::any_of(stored.cbegin(), stored.cend(),
                                      [&](const Profile &p) { return p.id() == profile.id(); });
        if (!kept)
            gone.append(profile.id());
    }
    for (const QUuid &id : std::as_const(gone))
        onProfileRemoved(id);
    for (const Profile &profile : stored) {
        const int row = rowOf(profile.id());
        if (row < 0)
            onProfileAdded(profile);
        else if (!(m_profiles.at(row) == profile))
            onProfileChanged(profile);
    }
}

void ProfileListModel::onProfileAdded(const Profile &profile)
{
    if (rowOf(profile.id()) >= 0) {
        onProfileChanged(profile);
        return;
    }
    m_addresses.insert(profile.id(), addressOf(profile));
    const int row = insertPosition(profile);
    beginInsertRows(QModelIndex(), row, row);
    m_profiles.insert(row, profile);
    endInsertRows();
}

void ProfileListModel::onProfileChanged(const Profile &profile)
{
    const int from = rowOf(profile.id());
    if (from < 0) {
        onProfileAdded(profile);
        return;
    }
    m_addresses.insert(profile.id(), addressOf(profile));
    QList<Profile> others = m_profiles;
    others.removeAt(from);
    const auto position = std::upper_bound(others.cbegin(), others.cend(), profile, lessByName);
    const int to = int(position - others.cbegin());
    if (to != from) {
        // beginMoveRows wants the destination as a row of the list before the move.
        beginMoveRows(QModelIndex(), from, from, QModelIndex(), to > from ? to + 1 : to);
        m_profiles.move(from, to);
        m_profiles[to] = profile;
        endMoveRows();
    } else {
        m_profiles[from] = profile;
    }
    const QModelIndex changed = index(to);
    Q_EMIT dataChanged(changed, changed);
}

void ProfileListModel::onProfileRemoved(const QUuid &id)
{
    const int row = rowOf(id);
    m_status.remove(id);
    m_addresses.remove(id);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_profiles.removeAt(row);
    endRemoveRows();
}

int ProfileListModel::rowOf(const QUuid &id) const
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).id() == id)
            return row;
    }
    return -1;
}

int ProfileListModel::insertPosition(const Profile &profile) const
{
    const auto position
            = std::upper_bound(m_profiles.cbegin(), m_profiles.cend(), profile, lessByName);
    return int(position - m_profiles.cbegin());
}

} // namespace PgVault
