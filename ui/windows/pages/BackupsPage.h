#pragma once

#include "backup/BackupCatalog.h"
#include "support/AppServices.h"

#include <QFutureWatcher>
#include <QSet>
#include <QWidget>

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace PgVault {

class BackupListModel;
class EmptyStateWidget;
class Job;
class ServerSession;
class UiSettings;

// The backups of the selected server: a sortable, filterable table of its dumps and base
// backups in the profile's repository, and the actions on them (new dump, restore, verify,
// delete). The repository is read on a worker thread; the list is read again whenever a job
// finishes. With no backups it says so and offers "New dump…".
//
// The server's backups are found by its system identifier: the one the session just read, or
// the one it was last seen with, so that an unreachable server's backups are still listed.
class BackupsPage : public QWidget
{
    Q_OBJECT

public:
    BackupsPage(const AppServices &services, ServerSession *session, UiSettings *uiSettings,
                QWidget *parent = nullptr);
    ~BackupsPage() override;

    BackupListModel *model() const { return m_model; }
    // Reads the repository again (asynchronously).
    void refresh();
    // True while a scan runs.
    bool isScanning() const;

    void newDump();
    void restoreSelected();
    void verifySelected();
    // Asks (naming id, kind, databases and size; No is the default), then runs a
    // DeleteBackupJob. Debris rows are "removed" rather than "deleted".
    void deleteSelected();

Q_SIGNALS:
    // A scan finished and the table shows its result.
    void scanned();

private:
    struct ScanOutcome
    {
        std::optional<Repository> repository;
        QList<BackupEntry> entries;
        std::optional<Error> error;
        bool noRepository = false;
    };

    void createActions();
    void onSessionChanged();
    void onScanFinished();
    void onJobFinished(Job *job);
    void onVerifyFinished(Job *job, const QString &backupId);
    void startDelete(const QString &backupId);
    // A job of this session reads the backup right now (restore, verify) or deletes it.
    bool isInUse(const QString &backupId) const;
    void updateActions();
    void updateView();
    QString repositoryPath() const;
    const BackupEntry *selectedEntry() const;
    QString selectedId() const;

    AppServices m_services;
    ServerSession *m_session;
    UiSettings *m_uiSettings;
    BackupListModel *m_model;
    QSortFilterProxyModel *m_proxy;

    QAction *m_newDumpAction = nullptr;
    QAction *m_restoreAction = nullptr;
    QAction *m_verifyAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_findAction = nullptr;

    QLineEdit *m_filterEdit;
    QLabel *m_repositoryLabel;
    QLabel *m_errorLabel;
    QStackedWidget *m_stack;
    QTableView *m_table;
    EmptyStateWidget *m_emptyState;
    EmptyStateWidget *m_waitingState;
    QLabel *m_noMatchLabel;
    QWidget *m_tablePage;

    QFutureWatcher<ScanOutcome> *m_scanWatcher;
    bool m_rescanWanted = false;
    // What is listed: the repository folder and the server's system identifier.
    QString m_shownRepository;
    quint64 m_shownSystemId = 0;
    std::optional<Repository> m_repository;
    bool m_haveScanned = false;
    QSet<QString> m_deleting; // ids whose DeleteBackupJob has not finished
};

} // namespace PgVault
