#include "MainWindow.h"

#include "common/Error.h"
#include "dialogs/ConnectionDialog.h"
#include "jobs/JobManager.h"
#include "models/JobListModel.h"
#include "models/ProfileListModel.h"
#include "models/ServerListDelegate.h"
#include "models/ServerStatusText.h"
#include "sandbox/SandboxCreateJob.h"
#include "secrets/SecretStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "support/Icons.h"
#include "support/ServerSession.h"
#include "support/UiSettings.h"
#include "widgets/JobPanel.h"
#include "windows/pages/BackupsPage.h"
#include "windows/pages/OverviewPage.h"
#include "windows/pages/RestorePage.h"
#include "windows/pages/TimelinePage.h"
#include "windows/pages/WelcomePage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace PgVault {

namespace {

// The platform's bindings for a standard key, or the usual one where the platform has none
// (e.g. Quit under the offscreen platform).
QList<QKeySequence> standardShortcut(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    QList<QKeySequence> bindings = QKeySequence::keyBindings(key);
    if (bindings.isEmpty())
        bindings.append(fallback);
    return bindings;
}

const QString HorizontalSplitter = QStringLiteral("servers");
const QString VerticalSplitter = QStringLiteral("jobs");

} // namespace

MainWindow::MainWindow(const AppServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_uiSettings(new UiSettings(services.settings->filePath(), this))
    , m_profileModel(new ProfileListModel(services.profiles, this))
    , m_jobModel(new JobListModel(services.jobs, this))
    , m_session(new ServerSession(services.secrets, services.tools, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("PgVault"));
    setWindowIcon(Icons::application());

    createActions();
    createMenus();

    // Right side: the keychain notice (when needed) above the pages.
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(createKeychainBanner());
    m_centralStack = new QStackedWidget(right);
    m_centralStack->setObjectName(QStringLiteral("centralStackedWidget"));
    m_welcomePage = new WelcomePage(m_centralStack);
    m_centralStack->addWidget(m_welcomePage);
    m_centralStack->addWidget(createServerWorkspace());
    rightLayout->addWidget(m_centralStack, 1);

    m_horizontalSplitter = new QSplitter(Qt::Horizontal, this);
    m_horizontalSplitter->setObjectName(QStringLiteral("serverSplitter"));
    m_horizontalSplitter->setChildrenCollapsible(false);
    m_horizontalSplitter->addWidget(createServerList());
    m_horizontalSplitter->addWidget(right);
    m_horizontalSplitter->setStretchFactor(0, 0);
    m_horizontalSplitter->setStretchFactor(1, 1);
    m_horizontalSplitter->setSizes({270, 930});

    m_jobPanel = new JobPanel(m_jobModel, m_services.jobs, this);
    m_verticalSplitter = new QSplitter(Qt::Vertical, this);
    m_verticalSplitter->setObjectName(QStringLiteral("jobSplitter"));
    m_verticalSplitter->setChildrenCollapsible(false);
    m_verticalSplitter->addWidget(m_horizontalSplitter);
    m_verticalSplitter->addWidget(m_jobPanel);
    m_verticalSplitter->setStretchFactor(0, 1);
    m_verticalSplitter->setStretchFactor(1, 0);
    m_verticalSplitter->setSizes({600, 170});
    setCentralWidget(m_verticalSplitter);

    // Status bar: the selected server's state on the left, running jobs on the right.
    m_connectionStatusLabel = new QLabel(this);
    m_connectionStatusLabel->setObjectName(QStringLiteral("connectionStatusLabel"));
    m_jobsStatusLabel = new QLabel(this);
    m_jobsStatusLabel->setObjectName(QStringLiteral("runningJobsLabel"));
    statusBar()->addWidget(m_connectionStatusLabel, 1);
    statusBar()->addPermanentWidget(m_jobsStatusLabel);

    connect(m_welcomePage, &WelcomePage::addServerRequested, this, &MainWindow::addServer);
    connect(m_welcomePage, &WelcomePage::createSandboxRequested, this, &MainWindow::createSandbox);

    connect(m_session, &ServerSession::changed, this, [this] {
        updateHeader();
        updateStatusBar();
        updateActions();
    });
    connect(m_session, &ServerSession::statusChanged, m_profileModel, &ProfileListModel::setStatus);

    ProfileStore *store = m_services.profiles;
    connect(store, &ProfileStore::profileChanged, m_session, &ServerSession::profileChanged);
    connect(store, &ProfileStore::profileRemoved, m_session, &ServerSession::profileRemoved);
    connect(m_profileModel, &QAbstractItemModel::rowsInserted, this,
            &MainWindow::onProfilesChanged);
    connect(m_profileModel, &QAbstractItemModel::rowsRemoved, this, &MainWindow::onProfilesChanged);
    connect(m_profileModel, &QAbstractItemModel::dataChanged, this, [this] {
        updateHeader();
        updateStatusBar();
    });

    connect(m_jobPanel, &JobPanel::runningCountChanged, this, &MainWindow::updateRunningJobs);
    if (m_services.secrets) {
        connect(m_services.secrets, &SecretStore::keychainUnavailable, this,
                &MainWindow::onKeychainUnavailable);
    }

    // Size and layout: as last time, else 1200x800 (or smaller on a small screen).
    if (!restoreGeometry(m_uiSettings->mainWindowGeometry())) {
        QSize size(1200, 800);
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableSize() * 0.9);
        resize(size);
    }
    restoreState(m_uiSettings->mainWindowState());
    m_horizontalSplitter->restoreState(m_uiSettings->splitterState(HorizontalSplitter));
    m_verticalSplitter->restoreState(m_uiSettings->splitterState(VerticalSplitter));

    updateRunningJobs(m_services.jobs->runningCount());
    onProfilesChanged();
    const QModelIndex last = m_profileModel->indexOf(m_uiSettings->lastSelectedProfile());
    if (last.isValid())
        m_serverList->setCurrentIndex(last);
    else if (m_profileModel->rowCount() > 0)
        m_serverList->setCurrentIndex(m_profileModel->index(0));
    onSelectionChanged();
}

MainWindow::~MainWindow()
{
    // The session outlives the widgets its signals update while children are deleted.
    m_session->disconnect(this);
}

void MainWindow::createActions()
{
    m_addServerAction = new QAction(Icons::addServer(), tr("&Add Server…"), this);
    m_addServerAction->setObjectName(QStringLiteral("addServerAction"));
    m_addServerAction->setShortcuts(
            standardShortcut(QKeySequence::New, QKeySequence(Qt::CTRL | Qt::Key_N)));
    m_addServerAction->setStatusTip(tr("Add a PostgreSQL server to back up"));
    connect(m_addServerAction, &QAction::triggered, this, &MainWindow::addServer);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcuts(
            standardShortcut(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_editServerAction = new QAction(tr("&Edit…"), this);
    m_editServerAction->setObjectName(QStringLiteral("editServerAction"));
    m_editServerAction->setStatusTip(tr("Change the name or connection of the selected server"));
    connect(m_editServerAction, &QAction::triggered, this, &MainWindow::editServer);

    m_removeServerAction = new QAction(Icons::deleteIcon(), tr("&Remove…"), this);
    m_removeServerAction->setObjectName(QStringLiteral("removeServerAction"));
    m_removeServerAction->setStatusTip(tr("Remove the selected server from PgVault"));
    connect(m_removeServerAction, &QAction::triggered, this, &MainWindow::removeServer);

    m_refreshAction = new QAction(Icons::refresh(), tr("Re&fresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcuts(
            standardShortcut(QKeySequence::Refresh, QKeySequence(Qt::Key_F5)));
    m_refreshAction->setStatusTip(tr("Connect again and read the selected server's state"));
    connect(m_refreshAction, &QAction::triggered, m_session, &ServerSession::refresh);

    m_aboutAction = new QAction(tr("&About PgVault"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_addServerAction);
    QAction *sandbox = file->addAction(Icons::sandbox(), tr("Create &Sandbox Server"));
    sandbox->setObjectName(QStringLiteral("createSandboxAction"));
    sandbox->setStatusTip(tr("Create a local PostgreSQL server with sample data to try PgVault"));
    connect(sandbox, &QAction::triggered, this, &MainWindow::createSandbox);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *server = menuBar()->addMenu(tr("&Server"));
    server->setObjectName(QStringLiteral("serverMenu"));
    server->addAction(m_editServerAction);
    server->addAction(m_removeServerAction);
    server->addSeparator();
    server->addAction(m_refreshAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(m_aboutAction);
}

QWidget *MainWindow::createServerList()
{
    m_serverListPanel = new QWidget(this);
    m_serverListPanel->setObjectName(QStringLiteral("serverListPanel"));
    m_serverListPanel->setMinimumWidth(200);

    auto *title = new QLabel(tr("Servers"), m_serverListPanel);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_serverList = new QListView(m_serverListPanel);
    m_serverList->setObjectName(QStringLiteral("serverListView"));
    m_serverList->setModel(m_profileModel);
    m_serverList->setItemDelegate(new ServerListDelegate(m_serverList));
    m_serverList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_serverList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_serverList->setUniformItemSizes(true);
    m_serverList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_serverList->setTextElideMode(Qt::ElideRight);
    m_serverList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_serverList->addActions({m_editServerAction, m_removeServerAction, m_refreshAction});
    title->setBuddy(m_serverList);
    connect(m_serverList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onSelectionChanged);
    connect(m_serverList, &QListView::doubleClicked, this, &MainWindow::editServer);

    auto *addButton = new QPushButton(Icons::addServer(), tr("Add Server…"), m_serverListPanel);
    addButton->setObjectName(QStringLiteral("addServerButton"));
    connect(addButton, &QPushButton::clicked, this, &MainWindow::addServer);

    auto *layout = new QVBoxLayout(m_serverListPanel);
    layout->setContentsMargins(8, 8, 0, 8);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addWidget(m_serverList, 1);
    layout->addWidget(addButton);
    return m_serverListPanel;
}

QWidget *MainWindow::createServerWorkspace()
{
    m_workspace = new QWidget(this);
    m_workspace->setObjectName(QStringLiteral("serverWorkspace"));

    m_serverNameLabel = new QLabel(m_workspace);
    m_serverNameLabel->setObjectName(QStringLiteral("serverNameLabel"));
    m_serverNameLabel->setTextFormat(Qt::PlainText);
    QFont nameFont = m_serverNameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.45);
    nameFont.setBold(true);
    m_serverNameLabel->setFont(nameFont);
    m_serverAddressLabel = new QLabel(m_workspace);
    m_serverAddressLabel->setObjectName(QStringLiteral("serverAddressLabel"));
    m_serverAddressLabel->setTextFormat(Qt::PlainText);
    m_serverAddressLabel->setForegroundRole(QPalette::PlaceholderText);
    m_serverAddressLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *header = new QVBoxLayout;
    header->setContentsMargins(16, 12, 16, 6);
    header->setSpacing(2);
    header->addWidget(m_serverNameLabel);
    header->addWidget(m_serverAddressLabel);

    m_tabs = new QTabWidget(m_workspace);
    m_tabs->setObjectName(QStringLiteral("serverTabWidget"));
    m_tabs->setDocumentMode(true);
    m_overviewPage = new OverviewPage(m_session, m_tabs);
    m_backupsPage = new BackupsPage(m_services, m_session, m_uiSettings, m_tabs);
    m_timelinePage = new TimelinePage(m_tabs);
    m_restorePage = new RestorePage(m_tabs);
    m_tabs->addTab(m_overviewPage, Icons::overview(), tr("Overview"));
    m_tabs->addTab(m_backupsPage, Icons::dump(), tr("Backups"));
    m_tabs->addTab(m_timelinePage, Icons::timeline(), tr("Timeline"));
    m_tabs->addTab(m_restorePage, Icons::restore(), tr("Restore"));

    auto *layout = new QVBoxLayout(m_workspace);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);
    return m_workspace;
}

QWidget *MainWindow::createKeychainBanner()
{
    m_keychainBanner = new QFrame(this);
    m_keychainBanner->setObjectName(QStringLiteral("keychainBanner"));
    m_keychainBanner->setAutoFillBackground(true);
    QPalette palette = m_keychainBanner->palette();
    const QColor base = palette.color(QPalette::Window);
    const QColor amber(0xe6, 0x9b, 0x00);
    palette.setColor(QPalette::Window,
                     QColor::fromRgbF(float(base.redF() * 0.85 + amber.redF() * 0.15),
                                      float(base.greenF() * 0.85 + amber.greenF() * 0.15),
                                      float(base.blueF() * 0.85 + amber.blueF() * 0.15)));
    m_keychainBanner->setPalette(palette);

    auto *icon = new QLabel(m_keychainBanner);
    icon->setPixmap(Icons::warning().pixmap(QSize(20, 20), devicePixelRatioF()));
    m_keychainBannerLabel = new QLabel(m_keychainBanner);
    m_keychainBannerLabel->setObjectName(QStringLiteral("keychainBannerLabel"));
    m_keychainBannerLabel->setWordWrap(true);
    m_keychainBannerLabel->setTextFormat(Qt::PlainText);
    auto *dismiss = new QPushButton(tr("Dismiss"), m_keychainBanner);
    dismiss->setObjectName(QStringLiteral("dismissKeychainBannerButton"));
    connect(dismiss, &QPushButton::clicked, m_keychainBanner, &QWidget::hide);

    auto *layout = new QHBoxLayout(m_keychainBanner);
    layout->setContentsMargins(14, 8, 10, 8);
    layout->setSpacing(10);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_keychainBannerLabel, 1);
    layout->addWidget(dismiss, 0, Qt::AlignTop);
    m_keychainBanner->setVisible(false);
    return m_keychainBanner;
}

std::optional<Profile> MainWindow::selectedProfile() const
{
    const QModelIndex current = m_serverList->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_profileModel->profile(current);
}

void MainWindow::selectProfile(const QUuid &id)
{
    const QModelIndex index = m_profileModel->indexOf(id);
    if (!index.isValid())
        return;
    m_serverList->setCurrentIndex(index);
    m_serverList->scrollTo(index);
}

void MainWindow::addServer()
{
    auto *dialog
            = new ConnectionDialog(m_services.profiles, m_services.secrets, m_services.tools, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectionDialog::profileSaved, this,
            [this](const Profile &profile) { selectProfile(profile.id()); });
    dialog->open();
}

void MainWindow::editServer()
{
    const std::optional<Profile> profile = selectedProfile();
    if (!profile)
        return;
    auto *dialog
            = new ConnectionDialog(m_services.profiles, m_services.secrets, m_services.tools, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setProfile(*profile);
    dialog->open();
}

void MainWindow::removeServer()
{
    const std::optional<Profile> profile = selectedProfile();
    if (!profile)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Server"),
                                tr("Remove “%1” from PgVault?").arg(profile->name()),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeServerMessageBox"));
    box->setInformativeText(tr("Its saved password is removed from the keychain too. The server "
                               "itself and the backups in the repository are not touched."));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QUuid id = profile->id();
    connect(box, &QMessageBox::finished, this, [this, box, remove, id] {
        if (box->clickedButton() != remove)
            return;
        const Status removed = m_services.profiles->remove(id);
        if (!removed.ok()) {
            auto *failed = new QMessageBox(QMessageBox::Warning, tr("Remove Server"),
                                           removed.error().message(), QMessageBox::Close, this);
            failed->setAttribute(Qt::WA_DeleteOnClose);
            failed->open();
        }
    });
    box->open();
}

void MainWindow::createSandbox()
{
    if (m_sandboxJob && !m_sandboxJob->isFinished())
        return;
    SandboxCreateOptions options;
    options.settingsFile = m_services.settings->filePath();
    options.extraBinDirs = m_services.settings->pgBinDirs();
    auto *job = new SandboxCreateJob(options);
    m_sandboxJob = job;
    connect(job, &Job::finished, this, [this, job] { onSandboxFinished(job); });
    m_welcomePage->setSandboxError(QString());
    m_welcomePage->setSandboxBusy(true);
    m_services.jobs->add(job);
}

void MainWindow::onSandboxFinished(Job *job)
{
    m_welcomePage->setSandboxBusy(false);
    if (job->state() == Job::State::Succeeded) {
        // The job saved the profile through its own Settings on its thread: catch up.
        m_profileModel->reload();
        selectProfile(
                QUuid::fromString(job->resultData().value(QStringLiteral("profileId")).toString()));
        return;
    }
    if (job->state() == Job::State::Failed && job->error())
        m_welcomePage->setSandboxError(job->error()->message());
}

void MainWindow::onSelectionChanged()
{
    const std::optional<Profile> profile = selectedProfile();
    if (profile)
        m_uiSettings->setLastSelectedProfile(profile->id());
    m_session->setProfile(profile);
    updateHeader();
    updateStatusBar();
    updateActions();
}

void MainWindow::onProfilesChanged()
{
    const bool empty = m_profileModel->rowCount() == 0;
    m_serverListPanel->setVisible(!empty);
    m_centralStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_welcomePage) : m_workspace);
    if (!empty && !m_serverList->currentIndex().isValid())
        m_serverList->setCurrentIndex(m_profileModel->index(0));
    onSelectionChanged();
}

void MainWindow::onKeychainUnavailable(const Error &error)
{
    // Warn once, without interrupting: a notice above the pages, not a modal box.
    Settings *settings = m_services.settings;
    if (settings->keychainWarningShown())
        return;
    settings->setKeychainWarningShown(true);
    (void)settings->sync();
    // Core's message already says what it means for passwords.
    m_keychainBannerLabel->setText(
            !error.message().isEmpty()
                    ? error.message()
                    : tr("No keychain is available. Passwords you enter are kept in memory only "
                         "until PgVault closes, so you will be asked for them again next time; "
                         "they are never written to disk."));
    m_keychainBanner->setVisible(true);
}

void MainWindow::updateActions()
{
    const bool selected = selectedProfile().has_value();
    m_editServerAction->setEnabled(selected);
    m_removeServerAction->setEnabled(selected);
    m_refreshAction->setEnabled(selected && m_session->state() != ServerSession::State::Connecting);
}

void MainWindow::updateHeader()
{
    const std::optional<Profile> profile = selectedProfile();
    if (!profile) {
        m_serverNameLabel->clear();
        m_serverAddressLabel->clear();
        return;
    }
    m_serverNameLabel->setText(profile->name());
    const QModelIndex index = m_profileModel->indexOf(profile->id());
    const QString address = index.data(ProfileListModel::AddressRole).toString();
    const QString status = ServerStatusText::label(m_session->status());
    m_serverAddressLabel->setText(address.isEmpty() ? status : tr("%1 · %2").arg(address, status));
}

void MainWindow::updateStatusBar()
{
    const std::optional<Profile> profile = selectedProfile();
    if (!profile) {
        m_connectionStatusLabel->setText(
                m_profileModel->rowCount() == 0 ? tr("No servers yet") : tr("No server selected"));
        return;
    }
    m_connectionStatusLabel->setText(
            tr("%1: %2").arg(profile->name(), ServerStatusText::label(m_session->status())));
}

void MainWindow::updateRunningJobs(int running)
{
    m_jobsStatusLabel->setText(running == 0 ? tr("No jobs running")
                                            : tr("%n job(s) running", nullptr, running));
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About PgVault"));
    box->setIconPixmap(Icons::application().pixmap(QSize(64, 64), devicePixelRatioF()));
    box->setText(tr("<b>PgVault %1</b>").arg(QStringLiteral(PGVAULT_VERSION_STRING)));
    box->setInformativeText(tr("Backups for PostgreSQL: dumps, base backups, WAL archiving and "
                               "restores to any point in time.<br><br>Built with Qt %1.")
                                    .arg(QString::fromLatin1(qVersion())));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_uiSettings->setMainWindowGeometry(saveGeometry());
    m_uiSettings->setMainWindowState(saveState());
    m_uiSettings->setSplitterState(HorizontalSplitter, m_horizontalSplitter->saveState());
    m_uiSettings->setSplitterState(VerticalSplitter, m_verticalSplitter->saveState());
    m_uiSettings->sync();
    m_session->cancel();
    QMainWindow::closeEvent(event);
}

} // namespace PgVault
