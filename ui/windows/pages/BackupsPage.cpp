#include "BackupsPage.h"

#include "backup/DeleteBackupJob.h"
#include "backup/VerifyJob.h"
#include "dialogs/NewDumpDialog.h"
#include "dialogs/RestoreDumpDialog.h"
#include "dump/DumpJob.h"
#include "dump/DumpVerification.h"
#include "dump/RestoreDumpJob.h"
#include "jobs/JobManager.h"
#include "models/BackupListModel.h"
#include "physical/BaseBackupVerification.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "support/Icons.h"
#include "support/ServerSession.h"
#include "support/UiSettings.h"
#include "tools/ToolLocator.h"
#include "widgets/EmptyStateWidget.h"

#include <QAbstractButton>
#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace PgVault {

namespace {

// A new dump's folder appears (as "in progress") shortly after its job starts.
constexpr int InProgressRescanDelayMs = 1500;

QToolButton *toolButton(QAction *action, const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(false);
    return button;
}

} // namespace

BackupsPage::BackupsPage(const AppServices &services, ServerSession *session,
                         UiSettings *uiSettings, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_session(session)
    , m_uiSettings(uiSettings)
    , m_model(new BackupListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_repositoryLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView)
    , m_emptyState(new EmptyStateWidget)
    , m_waitingState(new EmptyStateWidget)
    , m_noMatchLabel(new QLabel)
    , m_tablePage(new QWidget)
    , m_scanWatcher(new QFutureWatcher<ScanOutcome>(this))
{
    setObjectName(QStringLiteral("backupsPage"));
    createActions();

    m_proxy->setObjectName(QStringLiteral("backupsProxyModel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(BackupListModel::SortRole);
    m_proxy->setFilterRole(BackupListModel::FilterRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    // Toolbar: the actions, then the filter.
    m_filterEdit->setObjectName(QStringLiteral("backupFilterLineEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter backups (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setMinimumWidth(220);
    m_filterEdit->setToolTip(tr("Show only backups whose date, id, kind, databases or status "
                                "contain this text"));
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateView();
    });
    auto *toolbar = new QHBoxLayout;
    toolbar->setSpacing(6);
    toolbar->addWidget(toolButton(m_newDumpAction, QStringLiteral("newDumpButton"), this));
    toolbar->addWidget(toolButton(m_restoreAction, QStringLiteral("restoreBackupButton"), this));
    toolbar->addWidget(toolButton(m_verifyAction, QStringLiteral("verifyBackupButton"), this));
    toolbar->addWidget(toolButton(m_deleteAction, QStringLiteral("deleteBackupButton"), this));
    toolbar->addStretch(1);
    toolbar->addWidget(m_filterEdit);

    m_repositoryLabel->setObjectName(QStringLiteral("repositoryLabel"));
    m_repositoryLabel->setForegroundRole(QPalette::PlaceholderText);
    m_repositoryLabel->setTextFormat(Qt::PlainText);
    m_repositoryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setObjectName(QStringLiteral("backupsErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->setVisible(false);

    // The table.
    m_table->setObjectName(QStringLiteral("backupsTableView"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BackupListModel::StartedColumn, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setCornerButtonEnabled(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(BackupListModel::DatabasesColumn, QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BackupsPage::updateActions);
    // Enter or a double click restores, the one thing one usually wants from a backup.
    connect(m_table, &QTableView::activated, this, [this] {
        if (m_restoreAction->isEnabled())
            restoreSelected();
    });

    m_noMatchLabel->setObjectName(QStringLiteral("noMatchingBackupsLabel"));
    m_noMatchLabel->setForegroundRole(QPalette::PlaceholderText);
    m_noMatchLabel->setAlignment(Qt::AlignCenter);
    m_noMatchLabel->setVisible(false);
    auto *tableLayout = new QVBoxLayout(m_tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(8);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addWidget(m_noMatchLabel);

    // No backups yet.
    m_emptyState->setObjectName(QStringLiteral("backupsEmptyState"));
    m_emptyState->setIcon(Icons::dump());
    m_emptyState->setTitle(tr("No backups yet"));
    auto *emptyNewDump = new QPushButton(Icons::dump(), tr("New Dump…"));
    emptyNewDump->setObjectName(QStringLiteral("emptyNewDumpButton"));
    connect(emptyNewDump, &QPushButton::clicked, this, &BackupsPage::newDump);
    // The empty state's button mirrors the toolbar action (enabled state and reason).
    auto mirror = [this, emptyNewDump] {
        emptyNewDump->setEnabled(m_newDumpAction->isEnabled());
        emptyNewDump->setToolTip(m_newDumpAction->toolTip());
    };
    connect(m_newDumpAction, &QAction::changed, emptyNewDump, mirror);
    mirror();
    m_emptyState->addWidget(emptyNewDump);

    // Which server this is, not known yet.
    m_waitingState->setObjectName(QStringLiteral("backupsWaitingState"));
    m_waitingState->setIcon(Icons::dump());

    m_stack->setObjectName(QStringLiteral("backupsStackedWidget"));
    m_stack->addWidget(m_waitingState);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_tablePage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->setSpacing(8);
    layout->addLayout(toolbar);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_repositoryLabel);

    connect(m_scanWatcher, &QFutureWatcher<ScanOutcome>::finished, this,
            &BackupsPage::onScanFinished);
    connect(m_session, &ServerSession::changed, this, &BackupsPage::onSessionChanged);
    if (JobManager *jobs = m_services.jobs) {
        connect(jobs, &JobManager::jobFinished, this, &BackupsPage::onJobFinished);
        connect(jobs, &JobManager::jobAdded, this, [this](Job *job) {
            if (job->kind() == QLatin1String("dump"))
                QTimer::singleShot(InProgressRescanDelayMs, this, &BackupsPage::refresh);
            updateActions(); // a restore or verify may now be reading the selected backup
        });
    }
    onSessionChanged();
}

BackupsPage::~BackupsPage()
{
    // A scan still running only reads; let it end without anyone to tell.
    m_scanWatcher->disconnect(this);
}

void BackupsPage::createActions()
{
    m_newDumpAction = new QAction(Icons::dump(), tr("New Dump…"), this);
    m_newDumpAction->setObjectName(QStringLiteral("newDumpAction"));
    connect(m_newDumpAction, &QAction::triggered, this, &BackupsPage::newDump);

    m_restoreAction = new QAction(Icons::restore(), tr("Restore…"), this);
    m_restoreAction->setObjectName(QStringLiteral("restoreBackupAction"));
    connect(m_restoreAction, &QAction::triggered, this, &BackupsPage::restoreSelected);

    m_verifyAction = new QAction(Icons::verify(), tr("Verify"), this);
    m_verifyAction->setObjectName(QStringLiteral("verifyBackupAction"));
    connect(m_verifyAction, &QAction::triggered, this, &BackupsPage::verifySelected);

    m_deleteAction = new QAction(Icons::deleteIcon(), tr("Delete…"), this);
    m_deleteAction->setObjectName(QStringLiteral("deleteBackupAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &BackupsPage::deleteSelected);
    addAction(m_deleteAction);

    m_findAction = new QAction(tr("Find"), this);
    m_findAction->setObjectName(QStringLiteral("findBackupAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    addAction(m_findAction);
}

QString BackupsPage::repositoryPath() const
{
    const std::optional<Profile> &profile = m_session->profile();
    if (profile && !profile->repositoryPath().isEmpty())
        return profile->repositoryPath();
    return m_services.settings ? m_services.settings->defaultRepositoryPath()
                               : Repository::defaultPath();
}

void BackupsPage::onSessionChanged()
{
    const std::optional<Profile> &profile = m_session->profile();
    quint64 systemId = 0;
    QString repository;
    if (profile) {
        repository = repositoryPath();
        const std::optional<ServerFacts> &facts = m_session->facts();
        if (facts && facts->systemIdentifier) {
            systemId = *facts->systemIdentifier;
            if (m_uiSettings && m_uiSettings->knownSystemId(profile->id()) != systemId)
                m_uiSettings->setKnownSystemId(profile->id(), systemId);
        } else if (m_uiSettings) {
            systemId = m_uiSettings->knownSystemId(profile->id());
        }
    }
    if (repository != m_shownRepository || systemId != m_shownSystemId) {
        m_shownRepository = repository;
        m_shownSystemId = systemId;
        m_repository.reset();
        m_haveScanned = false;
        m_errorLabel->setVisible(false);
        m_model->setEntries({});
        refresh();
    }
    updateActions();
    updateView();
}

void BackupsPage::refresh()
{
    if (m_shownSystemId == 0 || m_shownRepository.isEmpty())
        return;
    if (m_scanWatcher->isRunning()) {
        m_rescanWanted = true;
        return;
    }
    const QString path = m_shownRepository;
    const quint64 systemId = m_shownSystemId;
    m_scanWatcher->setProperty("repository", path);
    m_scanWatcher->setProperty("systemId", QString::number(systemId));
    m_scanWatcher->setFuture(QtConcurrent::run([path, systemId] {
        ScanOutcome outcome;
        Result<Repository> repository = Repository::open(path);
        if (!repository) {
            // No repository yet simply means no backups yet.
            if (repository.error().code() == ErrorCode::NotFound)
                outcome.noRepository = true;
            else
                outcome.error = repository.error();
            return outcome;
        }
        outcome.repository = *repository;
        Result<QList<BackupEntry>> entries = BackupCatalog::scan(*repository, systemId);
        if (entries)
            outcome.entries = *entries;
        else if (entries.error().code() != ErrorCode::NotFound)
            outcome.error = entries.error();
        return outcome;
    }));
}

bool BackupsPage::isScanning() const
{
    return m_scanWatcher->isRunning();
}

void BackupsPage::onScanFinished()
{
    const bool current
            = m_scanWatcher->property("repository").toString() == m_shownRepository
              && m_scanWatcher->property("systemId").toString() == QString::number(m_shownSystemId);
    if (current) {
        const ScanOutcome outcome = m_scanWatcher->result();
        const QString selected = selectedId();
        m_repository = outcome.repository;
        m_haveScanned = true;
        m_errorLabel->setVisible(outcome.error.has_value());
        if (outcome.error)
            m_errorLabel->setText(
                    tr("The repository could not be read: %1").arg(outcome.error->message()));
        m_model->setEntries(outcome.entries);
        if (!selected.isEmpty()) {
            const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(selected));
            if (index.isValid())
                m_table->selectRow(index.row());
        }
        updateActions();
        updateView();
    }
    if (!current || m_rescanWanted) {
        m_rescanWanted = false;
        refresh();
        return;
    }
    Q_EMIT scanned();
}

void BackupsPage::onJobFinished(Job *)
{
    // Dumps add backups, verify finds damage, expire removes: whatever finished, look again.
    refresh();
}

void BackupsPage::updateView()
{
    const std::optional<Profile> &profile = m_session->profile();
    m_repositoryLabel->setText(profile ? tr("Repository: %1").arg(m_shownRepository) : QString());
    m_repositoryLabel->setVisible(profile.has_value());

    if (!profile || m_shownSystemId == 0) {
        m_waitingState->setTitle(tr("Backups"));
        const ServerSession::State state = m_session->state();
        if (state == ServerSession::State::Failed) {
            m_waitingState->setText(tr("PgVault could not connect to this server yet, so it "
                                       "does not know which backups in the repository are its "
                                       "own. Connect on the Overview page to list them."));
        } else {
            m_waitingState->setText(tr("Connecting to the server to find its backups…"));
        }
        m_stack->setCurrentWidget(m_waitingState);
        return;
    }
    if (!m_haveScanned) {
        m_waitingState->setTitle(tr("Backups"));
        m_waitingState->setText(tr("Reading the repository…"));
        m_stack->setCurrentWidget(m_waitingState);
        return;
    }
    if (m_model->rowCount() == 0) {
        m_emptyState->setText(tr("There are no dumps or base backups of “%1” in the repository "
                                 "yet. A dump copies chosen databases with pg_dump, compressed "
                                 "and checked, so that you can restore them, whole or a few "
                                 "tables, into any server.")
                                      .arg(profile->name()));
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    const bool noMatch = m_proxy->rowCount() == 0;
    m_noMatchLabel->setText(tr("No backup matches “%1”.").arg(m_filterEdit->text().trimmed()));
    m_noMatchLabel->setVisible(noMatch);
    m_stack->setCurrentWidget(m_tablePage);
}

const BackupEntry *BackupsPage::selectedEntry() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_model->entry(m_proxy->mapToSource(rows.constFirst()));
}

QString BackupsPage::selectedId() const
{
    const BackupEntry *entry = selectedEntry();
    return entry ? entry->id : QString();
}

void BackupsPage::updateActions()
{
    const bool connected = m_session->state() == ServerSession::State::Ready && m_session->facts()
                           && m_session->facts()->systemIdentifier;
    m_newDumpAction->setEnabled(connected && m_services.jobs);
    m_newDumpAction->setToolTip(connected ? tr("Dump databases of this server into the repository")
                                          : tr("Connect to the server first (see the Overview "
                                               "page): a dump needs the list of its databases."));

    const BackupEntry *entry = selectedEntry();
    const QModelIndex index = entry ? m_model->indexOf(entry->id) : QModelIndex();
    const bool restorable = index.data(BackupListModel::RestorableRole).toBool();
    m_restoreAction->setEnabled(restorable && m_services.jobs);
    QString restoreTip = tr("Restore databases or single tables of the selected dump into a "
                            "server");
    if (!entry) {
        restoreTip = tr("Select a dump to restore");
    } else if (!restorable) {
        if (entry->manifest && entry->manifest->kind == BackupKind::Base)
            restoreTip = tr("Base backups are restored from the Restore page.");
        else if (entry->state == BackupEntry::State::Complete)
            restoreTip = tr("Verify found this backup damaged: it cannot be restored.");
        else
            restoreTip = tr("Only complete backups can be restored; this one is “%1”.")
                                 .arg(BackupListModel::stateText(entry->state));
    }
    m_restoreAction->setToolTip(restoreTip);

    const bool verifying
            = entry && m_model->verification(entry->id) == BackupListModel::Verification::Verifying;
    m_verifyAction->setEnabled(entry && m_repository && m_services.jobs && !verifying
                               && entry->state != BackupEntry::State::InProgress);
    m_verifyAction->setToolTip(
            tr("Read every file of the selected backup back and check it against its "
               "manifest; dumps are also listed with pg_restore"));

    const bool debris = entry && entry->state == BackupEntry::State::Debris;
    m_deleteAction->setText(debris ? tr("Remove Debris…") : tr("Delete…"));
    const bool inUse = entry && isInUse(entry->id);
    m_deleteAction->setEnabled(entry && m_repository && m_services.jobs && !inUse
                               && entry->state != BackupEntry::State::InProgress);
    QString deleteTip = debris ? tr("Remove this incomplete backup folder from the repository")
                               : tr("Remove the selected backup and all its files from the "
                                    "repository");
    if (!entry)
        deleteTip = tr("Select a backup to delete");
    else if (entry->state == BackupEntry::State::InProgress)
        deleteTip = tr("This backup is being written or deleted right now.");
    else if (inUse)
        deleteTip = tr("A job is reading or deleting this backup right now.");
    m_deleteAction->setToolTip(deleteTip);
}

bool BackupsPage::isInUse(const QString &backupId) const
{
    if (m_deleting.contains(backupId))
        return true;
    if (!m_services.jobs)
        return false;
    const QList<Job *> jobs = m_services.jobs->jobs();
    for (const Job *job : jobs) {
        if (job->isFinished())
            continue;
        if (const auto *restore = qobject_cast<const RestoreDumpJob *>(job);
            restore && restore->options().backupId == backupId)
            return true;
        if (const auto *verify = qobject_cast<const VerifyJob *>(job);
            verify && (verify->backupId().isEmpty() || verify->backupId() == backupId))
            return true;
    }
    return false;
}

void BackupsPage::newDump()
{
    const std::optional<Profile> &profile = m_session->profile();
    const std::optional<ServerFacts> &facts = m_session->facts();
    if (!m_newDumpAction->isEnabled() || !profile || !facts)
        return;
    const Result<ConnInfo> server = ConnInfo::parse(profile->conninfo());
    auto *dialog = new NewDumpDialog(profile->name(), facts->databases,
                                     server ? server->dbname() : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, profile = *profile] {
        DumpOptions options = dialog->options();
        const Result<ConnInfo> info = ConnInfo::parse(profile.conninfo());
        if (!info)
            return;
        options.server = *info;
        options.repositoryPath = repositoryPath();
        options.extraToolDirs = m_services.tools ? m_services.tools->extraDirs()
                                                 : m_services.settings->pgBinDirs();
        m_session->readPassword(profile.id(), this,
                                [this, options](const std::optional<QString> &password) mutable {
                                    options.password = password;
                                    m_services.jobs->add(new DumpJob(options));
                                });
    });
    dialog->open();
}

void BackupsPage::restoreSelected()
{
    const BackupEntry *entry = selectedEntry();
    const std::optional<Profile> &profile = m_session->profile();
    if (!entry || !profile || !m_restoreAction->isEnabled())
        return;
    auto *dialog
            = new RestoreDumpDialog(*entry, m_services.profiles->profiles(), profile->id(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        RestoreDumpOptions options = dialog->options();
        const Profile target = dialog->targetProfile();
        options.repositoryPath = m_shownRepository;
        options.extraToolDirs = m_services.tools ? m_services.tools->extraDirs()
                                                 : m_services.settings->pgBinDirs();
        m_session->readPassword(target.id(), this,
                                [this, options](const std::optional<QString> &password) mutable {
                                    options.password = password;
                                    m_services.jobs->add(new RestoreDumpJob(options));
                                });
    });
    dialog->open();
}

void BackupsPage::verifySelected()
{
    const BackupEntry *entry = selectedEntry();
    if (!entry || !m_repository || !m_verifyAction->isEnabled())
        return;
    const QString id = entry->id;
    auto *job = new VerifyJob(*m_repository, id);
    const QStringList toolDirs
            = m_services.tools ? m_services.tools->extraDirs() : m_services.settings->pgBinDirs();
    // A dump is only sound when pg_restore can read its archives, which only the dump code
    // knows how to check.
    job->setKindCheck(BackupKind::Dump, DumpVerification::kindCheck(toolDirs));
    // Likewise a base backup: its tars checked file by file against PostgreSQL's manifest.
    job->setKindCheck(BackupKind::Base, BaseBackupVerification::kindCheck());
    connect(job, &Job::finished, this, [this, job, id] { onVerifyFinished(job, id); });
    m_model->setVerifying(id);
    updateActions();
    m_services.jobs->add(job);
}

void BackupsPage::onVerifyFinished(Job *job, const QString &backupId)
{
    const auto *verify = qobject_cast<VerifyJob *>(job);
    const QJsonArray backups
            = verify ? verify->report().value(QStringLiteral("backups")).toArray() : QJsonArray();
    bool reported = false;
    for (const QJsonValue &value : backups) {
        const QJsonObject backup = value.toObject();
        const QString id = backup.value(QStringLiteral("id")).toString();
        if (backup.value(QStringLiteral("skipped")).toBool())
            continue;
        QStringList problems;
        const QJsonArray list = backup.value(QStringLiteral("problems")).toArray();
        for (const QJsonValue &problem : list) {
            const QJsonObject object = problem.toObject();
            const QString file = object.value(QStringLiteral("file")).toString();
            const QString message = object.value(QStringLiteral("message")).toString();
            problems.append(file.isEmpty() ? message : tr("%1: %2").arg(file, message));
        }
        if (!backup.value(QStringLiteral("ok")).toBool() && problems.isEmpty())
            problems.append(tr("Verify failed."));
        m_model->setVerified(id, problems);
        reported = reported || id == backupId;
    }
    // Cancelled, or stopped before reading anything (the job panel says why): not a verdict.
    if (!reported)
        m_model->clearVerification(backupId);
    updateActions();
}

void BackupsPage::deleteSelected()
{
    const BackupEntry *entry = selectedEntry();
    if (!entry || !m_repository || !m_deleteAction->isEnabled())
        return;
    const QString id = entry->id;
    const bool debris = entry->state == BackupEntry::State::Debris;
    const int row = m_model->indexOf(id).row();
    const auto cellText
            = [this, row](int column) { return m_model->index(row, column).data().toString(); };

    // What the user sees in the table, so there is no doubt which backup goes.
    QStringList facts;
    facts.append(tr("Kind: %1").arg(BackupListModel::kindText(*entry)));
    facts.append(tr("Started: %1").arg(BackupListModel::startedText(*entry)));
    if (entry->manifest) {
        facts.append(tr("Databases: %1").arg(cellText(BackupListModel::DatabasesColumn)));
        facts.append(tr("Size: %1 stored (%2 raw)")
                             .arg(cellText(BackupListModel::StoredSizeColumn),
                                  cellText(BackupListModel::RawSizeColumn)));
    }
    facts.append(QString());
    facts.append(debris ? tr("It has no manifest and cannot be restored. Its files are removed "
                             "from the repository.")
                        : tr("All its files are removed from the repository. This cannot be "
                             "undone."));

    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("deleteBackupMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Warning);
    box->setTextFormat(Qt::PlainText); // database names may hold anything
    box->setWindowTitle(debris ? tr("Remove Debris") : tr("Delete Backup"));
    box->setText(debris ? tr("Remove the incomplete backup %1?").arg(id)
                        : tr("Delete backup %1?").arg(id));
    box->setInformativeText(facts.join(QLatin1Char('\n')));
    box->setStandardButtons(QMessageBox::Yes | QMessageBox::No);
    box->setDefaultButton(QMessageBox::No);
    QAbstractButton *yes = box->button(QMessageBox::Yes);
    yes->setObjectName(QStringLiteral("confirmDeleteButton"));
    yes->setText(debris ? tr("&Remove") : tr("&Delete"));
    box->button(QMessageBox::No)->setObjectName(QStringLiteral("keepBackupButton"));
    connect(box, &QMessageBox::finished, this, [this, box, yes, id] {
        if (box->clickedButton() == yes)
            startDelete(id);
    });
    box->open();
}

void BackupsPage::startDelete(const QString &backupId)
{
    if (!m_repository || !m_services.jobs || isInUse(backupId))
        return;
    auto *job = new DeleteBackupJob(*m_repository, backupId);
    m_deleting.insert(backupId);
    // The page reads the repository again when any job finishes (onJobFinished).
    connect(job, &Job::finished, this, [this, backupId] {
        m_deleting.remove(backupId);
        updateActions();
    });
    m_services.jobs->add(job);
    updateActions();
}

} // namespace PgVault
