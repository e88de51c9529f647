#include "BackupListModel.h"

#include "backup/BackupId.h"
#include "common/Format.h"
#include "support/Icons.h"

#include <QLocale>

namespace PgVault {

namespace {

std::optional<QDateTime> startOf(const BackupEntry &entry)
{
    if (entry.manifest && entry.manifest->startedAt.isValid())
        return entry.manifest->startedAt;
    // Debris has no manifest, but a valid folder name still says when it started.
    return BackupId::startTime(entry.id);
}

std::optional<BackupKind> kindOf(const BackupEntry &entry)
{
    if (entry.manifest)
        return entry.manifest->kind;
    return BackupId::kind(entry.id);
}

qint64 durationOf(const BackupEntry &entry)
{
    if (!entry.manifest || !entry.manifest->startedAt.isValid()
        || !entry.manifest->finishedAt.isValid())
        return -1;
    return entry.manifest->startedAt.secsTo(entry.manifest->finishedAt);
}

// The order a status column sorts in: usable first, then what needs attention.
int stateRank(BackupEntry::State state)
{
    switch (state) {
    case BackupEntry::State::Complete: return 0;
    case BackupEntry::State::InProgress: return 1;
    case BackupEntry::State::Debris: return 2;
    case BackupEntry::State::Damaged: return 3;
    }
    return 4;
}

} // namespace

BackupListModel::BackupListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

BackupListModel::~BackupListModel() = default;

int BackupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int BackupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackupEntry &entry = m_entries.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return displayData(entry, column);
    case Qt::DecorationRole:
        if (column == StatusColumn)
            return statusDecoration(entry);
        if (column == StartedColumn) {
            const std::optional<BackupKind> kind = kindOf(entry);
            if (kind)
                return *kind == BackupKind::Dump ? Icons::dump() : Icons::baseBackup();
        }
        return {};
    case Qt::ToolTipRole:
        if (column == StatusColumn)
            return statusToolTip(entry);
        if (column == StartedColumn)
            return tr("Backup %1\n%2").arg(entry.id, entry.relativePath);
        if (column == DatabasesColumn)
            return displayData(entry, column);
        return {};
    case Qt::TextAlignmentRole:
        if (column == DurationColumn || column == RawSizeColumn || column == StoredSizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole: return sortData(entry, column);
    case FilterRole: {
        const QString text = displayData(entry, column).toString();
        return column == StartedColumn ? text + QLatin1Char(' ') + entry.id : text;
    }
    case BackupIdRole: return entry.id;
    case StateRole: return int(entry.state);
    case VerificationRole: return int(verification(entry.id));
    case RestorableRole:
        return entry.isRestorable() && kindOf(entry) == BackupKind::Dump
               && verification(entry.id) != Verification::Failed;
    default: return {};
    }
}

QVariant BackupListModel::displayData(const BackupEntry &entry, int column) const
{
    const QString unknown = QStringLiteral("—");
    const std::optional<BackupManifest> &manifest = entry.manifest;
    switch (column) {
    case StartedColumn: return startedText(entry);
    case KindColumn: return kindText(entry);
    case DatabasesColumn:
        if (!manifest)
            return unknown;
        if (manifest->kind == BackupKind::Base)
            return tr("Whole server");
        return manifest->databases.join(QStringLiteral(", "));
    case ServerVersionColumn:
        return manifest && !manifest->serverVersion.isEmpty() ? manifest->serverVersion : unknown;
    case DurationColumn: {
        const qint64 seconds = durationOf(entry);
        return seconds < 0 ? unknown : formatDuration(seconds);
    }
    case RawSizeColumn: return manifest ? formatBytes(manifest->rawSize()) : unknown;
    case StoredSizeColumn: return manifest ? formatBytes(manifest->storedSize()) : unknown;
    case StatusColumn: return statusText(entry);
    default: return {};
    }
}

QVariant BackupListModel::sortData(const BackupEntry &entry, int column) const
{
    const std::optional<BackupManifest> &manifest = entry.manifest;
    switch (column) {
    case StartedColumn: {
        // Valid ids sort by time; debris with any folder name sorts before them (ascending).
        const std::optional<QDateTime> start = startOf(entry);
        return start ? *start : QDateTime();
    }
    case ServerVersionColumn: return manifest ? manifest->serverVersionNum : 0;
    case DurationColumn: return durationOf(entry);
    case RawSizeColumn: return manifest ? manifest->rawSize() : qint64(-1);
    case StoredSizeColumn: return manifest ? manifest->storedSize() : qint64(-1);
    case StatusColumn: {
        const Verification verified = verification(entry.id);
        // Found damaged by verify sorts with the damaged ones.
        const int rank = verified == Verification::Failed ? stateRank(BackupEntry::State::Damaged)
                                                          : stateRank(entry.state);
        return rank;
    }
    default: return displayData(entry, column);
    }
}

QString BackupListModel::startedText(const BackupEntry &entry)
{
    const std::optional<QDateTime> start = startOf(entry);
    return start ? QLocale().toString(start->toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                 : entry.id;
}

QString BackupListModel::kindText(const BackupEntry &entry)
{
    const std::optional<BackupKind> kind = kindOf(entry);
    if (!kind)
        return QStringLiteral("—");
    return *kind == BackupKind::Dump ? tr("Dump") : tr("Base backup");
}

QString BackupListModel::stateText(BackupEntry::State state)
{
    switch (state) {
    case BackupEntry::State::Complete: return tr("Complete");
    case BackupEntry::State::InProgress: return tr("In progress");
    case BackupEntry::State::Debris: return tr("Incomplete (debris)");
    case BackupEntry::State::Damaged: return tr("Damaged");
    }
    return QString();
}

QString BackupListModel::statusText(const BackupEntry &entry) const
{
    if (entry.state != BackupEntry::State::Complete)
        return stateText(entry.state);
    switch (verification(entry.id)) {
    case Verification::NotVerified: return tr("Complete");
    case Verification::Verifying: return tr("Verifying…");
    case Verification::Passed: return tr("Complete, verified");
    case Verification::Failed: return tr("Damaged");
    }
    return QString();
}

QVariant BackupListModel::statusDecoration(const BackupEntry &entry) const
{
    switch (entry.state) {
    case BackupEntry::State::InProgress: return Icons::job();
    case BackupEntry::State::Debris: return Icons::warning();
    case BackupEntry::State::Damaged: return Icons::error();
    case BackupEntry::State::Complete: break;
    }
    switch (verification(entry.id)) {
    case Verification::NotVerified: return Icons::ok();
    case Verification::Verifying: return Icons::verify();
    case Verification::Passed: return Icons::verify();
    case Verification::Failed: return Icons::error();
    }
    return {};
}

QString BackupListModel::statusToolTip(const BackupEntry &entry) const
{
    switch (entry.state) {
    case BackupEntry::State::InProgress:
        if (BackupCatalog::isDeletionLeftover(entry.id))
            return tr("This backup is being deleted right now.");
        return tr("This backup is being written right now.");
    case BackupEntry::State::Debris:
        if (BackupCatalog::isDeletionLeftover(entry.id))
            return tr("What is left of a backup whose deletion was interrupted. It is not a "
                      "backup any more; Remove Debris removes the rest.");
        return tr("This folder has no manifest: a backup that never finished (for example after "
                  "a crash). It cannot be restored; verify reports it, and Remove Debris "
                  "removes it.");
    case BackupEntry::State::Damaged:
        return entry.problem ? tr("The manifest cannot be read: %1").arg(entry.problem->message())
                             : tr("The manifest cannot be read.");
    case BackupEntry::State::Complete: break;
    }
    const auto it = m_verified.constFind(entry.id);
    if (it == m_verified.cend() || it->verification == Verification::NotVerified)
        return tr("Complete. Verify reads every file back and checks it against the manifest.");
    const QString at = QLocale().toString(it->at.toLocalTime(), QLocale::ShortFormat);
    switch (it->verification) {
    case Verification::Verifying: return tr("Verifying…");
    case Verification::Passed:
        return tr("Verified at %1: every file matches its checksum.").arg(at);
    case Verification::Failed:
        return tr("Verify found problems at %1:\n%2").arg(at, it->problems.join(QLatin1Char('\n')));
    case Verification::NotVerified: break;
    }
    return QString();
}

QVariant BackupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartedColumn: return tr("Started");
    case KindColumn: return tr("Kind");
    case DatabasesColumn: return tr("Databases");
    case ServerVersionColumn: return tr("Server");
    case DurationColumn: return tr("Duration");
    case RawSizeColumn: return tr("Raw size");
    case StoredSizeColumn: return tr("Stored");
    case StatusColumn: return tr("Status");
    default: return {};
    }
}

void BackupListModel::setEntries(const QList<BackupEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    QHash<QString, VerifyResult> kept;
    for (const BackupEntry &entry : entries) {
        const auto it = m_verified.constFind(entry.id);
        if (it != m_verified.cend())
            kept.insert(entry.id, it.value());
    }
    m_verified = kept;
    endResetModel();
}

const BackupEntry *BackupListModel::entry(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_entries.size())
        return nullptr;
    return &m_entries.at(index.row());
}

QModelIndex BackupListModel::indexOf(const QString &backupId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == backupId)
            return index(row, 0);
    }
    return {};
}

void BackupListModel::setVerifying(const QString &backupId)
{
    VerifyResult &result = m_verified[backupId];
    result.verification = Verification::Verifying;
    rowChanged(backupId);
}

void BackupListModel::setVerified(const QString &backupId, const QStringList &problems)
{
    VerifyResult &result = m_verified[backupId];
    result.verification = problems.isEmpty() ? Verification::Passed : Verification::Failed;
    result.at = QDateTime::currentDateTimeUtc();
    result.problems = problems;
    rowChanged(backupId);
}

void BackupListModel::clearVerification(const QString &backupId)
{
    if (m_verified.remove(backupId) > 0)
        rowChanged(backupId);
}

BackupListModel::Verification BackupListModel::verification(const QString &backupId) const
{
    const auto it = m_verified.constFind(backupId);
    return it == m_verified.cend() ? Verification::NotVerified : it->verification;
}

void BackupListModel::rowChanged(const QString &backupId)
{
    const QModelIndex first = indexOf(backupId);
    if (first.isValid())
        Q_EMIT dataChanged(first, index(first.row(), ColumnCount - 1));
}

} // namespace PgVault
