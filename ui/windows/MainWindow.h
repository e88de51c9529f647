#pragma once

#include "support/AppServices.h"

#include <QMainWindow>
#include <QPointer>
#include <QUuid>

#include <optional>

class QAction;
class QLabel;
class QListView;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace PgVault {

class BackupsPage;
class Error;
class Job;
class JobListModel;
class JobPanel;
class OverviewPage;
class Profile;
class ProfileListModel;
class RestorePage;
class ServerSession;
class TimelinePage;
class UiSettings;
class WelcomePage;

// The main window: saved servers on the left (with status dots), the selected server's pages
// (Overview, Backups, Timeline, Restore) on the right, the job panel at the bottom and the
// selected server's connection state and the running jobs in the status bar. With no server
// saved yet it shows the welcome page instead.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const AppServices &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The selected server, if any.
    std::optional<Profile> selectedProfile() const;
    void selectProfile(const QUuid &id);

    ServerSession *session() const { return m_session; }
    ProfileListModel *profileModel() const { return m_profileModel; }
    JobListModel *jobModel() const { return m_jobModel; }
    BackupsPage *backupsPage() const { return m_backupsPage; }

    // Opens the connection dialog to add a server (non-modal for the rest of the app: open()).
    void addServer();
    void editServer();
    void removeServer();
    void createSandbox();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createServerList();
    QWidget *createServerWorkspace();
    QWidget *createKeychainBanner();
    void onSelectionChanged();
    void onProfilesChanged();
    void onSandboxFinished(Job *job);
    void onKeychainUnavailable(const Error &error);
    void updateActions();
    void updateHeader();
    void updateStatusBar();
    void updateRunningJobs(int running);
    void showAbout();

    AppServices m_services;
    UiSettings *m_uiSettings;
    ProfileListModel *m_profileModel;
    JobListModel *m_jobModel;
    ServerSession *m_session;

    QAction *m_addServerAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_editServerAction = nullptr;
    QAction *m_removeServerAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_aboutAction = nullptr;

    QSplitter *m_verticalSplitter = nullptr;
    QSplitter *m_horizontalSplitter = nullptr;
    QWidget *m_serverListPanel = nullptr;
    QListView *m_serverList = nullptr;
    QStackedWidget *m_centralStack = nullptr;
    WelcomePage *m_welcomePage = nullptr;
    QWidget *m_workspace = nullptr;
    QLabel *m_serverNameLabel = nullptr;
    QLabel *m_serverAddressLabel = nullptr;
    QTabWidget *m_tabs = nullptr;
    OverviewPage *m_overviewPage = nullptr;
    BackupsPage *m_backupsPage = nullptr;
    TimelinePage *m_timelinePage = nullptr;
    RestorePage *m_restorePage = nullptr;
    QWidget *m_keychainBanner = nullptr;
    QLabel *m_keychainBannerLabel = nullptr;
    JobPanel *m_jobPanel = nullptr;
    QLabel *m_connectionStatusLabel = nullptr;
    QLabel *m_jobsStatusLabel = nullptr;
    QPointer<Job> m_sandboxJob;
};

} // namespace PgVault
