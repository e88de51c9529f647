#pragma once

#include "backup/BackupCatalog.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

namespace PgVault {

// The backups of one server (BackupCatalog::scan) as a table for the Backups page, with what
// this session learned by verifying them. Display texts are for people; SortRole gives the
// numbers and times behind them so that a QSortFilterProxyModel sorts sizes and times right.
class BackupListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StartedColumn,
        KindColumn,
        DatabasesColumn,
        ServerVersionColumn,
        DurationColumn,
        RawSizeColumn,
        StoredSizeColumn,
        StatusColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // QDateTime / qint64 / QString behind the display text
        FilterRole,                  // the display text (plus the id in the first column)
        BackupIdRole,                // QString
        StateRole,                   // BackupEntry::State as int
        VerificationRole,            // Verification as int
        RestorableRole,              // bool: a complete dump not found damaged
    };
    Q_ENUM(Role)

    enum class Verification { NotVerified, Verifying, Passed, Failed };
    Q_ENUM(Verification)

    explicit BackupListModel(QObject *parent = nullptr);
    ~BackupListModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces the list (a new scan). Verification results of backups still listed are kept.
    void setEntries(const QList<BackupEntry> &entries);
    const QList<BackupEntry> &entries() const { return m_entries; }
    const BackupEntry *entry(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &backupId) const;

    void setVerifying(const QString &backupId);
    // problems: what verify found (empty when it passed).
    void setVerified(const QString &backupId, const QStringList &problems);
    void clearVerification(const QString &backupId);
    Verification verification(const QString &backupId) const;

    static QString stateText(BackupEntry::State state);
    // The "Started" column's text (local time, "yyyy-MM-dd HH:mm:ss"), for every place that
    // names a backup by its date, so the table and the dialogs agree.
    static QString startedText(const BackupEntry &entry);
    // "Dump", "Base backup", or "—" when not even the folder name says.
    static QString kindText(const BackupEntry &entry);

private:
    struct VerifyResult
    {
        Verification verification = Verification::NotVerified;
        QDateTime at;
        QStringList problems;
    };

    QVariant displayData(const BackupEntry &entry, int column) const;
    QVariant sortData(const BackupEntry &entry, int column) const;
    QVariant statusDecoration(const BackupEntry &entry) const;
    QString statusText(const BackupEntry &entry) const;
    QString statusToolTip(const BackupEntry &entry) const;
    void rowChanged(const QString &backupId);

    QList<BackupEntry> m_entries;
    QHash<QString, VerifyResult> m_verified;
};

} // namespace PgVault
