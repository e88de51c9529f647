#pragma once

#include "backup/BackupCatalog.h"
#include "dump/DumpDetails.h"
#include "dump/DumpOptions.h"
#include "dump/TocEntry.h"
#include "settings/Profile.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QUuid>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace PgVault {

// "Restore…" of a dump: which database of the backup, what of it (a tree of schemas and their
// tables, views, functions… read from the table of contents stored with the dump, with
// tri-state checkboxes), and where to (a saved server, a database name, create it or not,
// drop existing objects or not, parallel jobs). Dropping existing objects is confirmed
// separately, naming the database and the server.
//
// A fully checked schema is restored with --schema; in a partly checked schema the checked
// tables are restored one by one (core adds what they depend on). Functions, types and other
// objects cannot be chosen alone: they come with their schema, or with a table that needs them.
//
// Open it with open(); accepted() means "start"; options() and targetProfile() say what.
class RestoreDumpDialog : public QDialog
{
    Q_OBJECT

public:
    enum ItemRole {
        ItemKindRole = Qt::UserRole + 1, // ItemKind as int
        QualifiedNameRole,               // "schema.table" of a relation; the schema's name
    };
    enum class ItemKind { Schema, Relation, Other };

    RestoreDumpDialog(const BackupEntry &backup, const QList<Profile> &profiles,
                      const QUuid &currentProfile, QWidget *parent = nullptr);
    ~RestoreDumpDialog() override;

    // Without password, repository and tool folders: the caller adds those.
    RestoreDumpOptions options() const;
    Profile targetProfile() const;
    QStandardItemModel *contentModel() const { return m_contentModel; }
    // True once the table of contents of the chosen database is shown.
    bool isContentLoaded() const { return m_contentLoaded; }

    void accept() override;

private:
    struct Selection
    {
        bool everything = false;
        QStringList schemas;
        QStringList tables;
        int relationsChosen = 0;
    };

    void onDatabaseChanged();
    void onTocLoaded();
    void onItemChanged(QStandardItem *item);
    void setAllChecked(bool checked);
    void updateSchemaState(QStandardItem *schema);
    Selection selection() const;
    void update();
    QString serverName() const;

    BackupEntry m_backup;
    std::optional<DumpDetails> m_details;
    QList<Profile> m_profiles;
    QString m_lastSuggestedName;
    bool m_updatingChecks = false;
    bool m_contentLoaded = false;

    QLabel *m_backupLabel;
    QComboBox *m_databaseCombo;
    QLabel *m_databaseLabel;
    QFormLayout *m_sourceForm;
    QStackedWidget *m_contentStack;
    QLabel *m_contentStatusLabel;
    QTreeView *m_contentTree;
    QStandardItemModel *m_contentModel;
    QPushButton *m_selectAllButton;
    QPushButton *m_selectNoneButton;
    QLabel *m_selectionLabel;
    QComboBox *m_targetCombo;
    QLineEdit *m_targetDatabaseEdit;
    QCheckBox *m_createCheck;
    QCheckBox *m_cleanCheck;
    QSpinBox *m_jobsSpin;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<Result<TocArchive>> *m_tocWatcher;
    quint64 m_tocGeneration = 0;
};

} // namespace PgVault
