#pragma once

#include <QWidget>

class QCheckBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QVBoxLayout;

namespace PgVault {

class ServerSession;
struct ServerFacts;

// The selected server at a glance, in plain words: version, system identifier, data directory,
// privileges, WAL and archiving settings, the archiver's last success and failure, databases with
// sizes and the client tools found here, with the problems found and how to fix them on top.
// Shows what its ServerSession knows; Refresh inspects again (asynchronously).
class OverviewPage : public QWidget
{
    Q_OBJECT

public:
    explicit OverviewPage(ServerSession *session, QWidget *parent = nullptr);

    // Re-reads everything from the session.
    void refresh();

private:
    void buildFacts(const ServerFacts &facts);
    QGroupBox *serverSection(const ServerFacts &facts);
    QGroupBox *roleSection(const ServerFacts &facts);
    QGroupBox *archivingSection(const ServerFacts &facts);
    QGroupBox *databasesSection(const ServerFacts &facts);
    QGroupBox *toolsSection(const ServerFacts &facts);
    QGroupBox *section(const QString &title, const QString &objectName, QGridLayout **grid);
    QLabel *addRow(QGridLayout *grid, const QString &label, const QString &value,
                   const QString &objectName = {});
    void onConnectClicked();
    void onDetailsClicked();

    ServerSession *m_session;
    QWidget *m_topBar;
    QLabel *m_checkedLabel;
    QPushButton *m_refreshButton;
    QStackedWidget *m_stack;

    QWidget *m_busyPage;
    QLabel *m_busyLabel;
    QProgressBar *m_busyBar;
    QPushButton *m_cancelButton;

    QWidget *m_errorPage;
    QLabel *m_errorTitleLabel;
    QLabel *m_errorLabel;
    QPushButton *m_detailsButton;
    QPushButton *m_retryButton;
    QGroupBox *m_passwordBox;
    QLabel *m_passwordHintLabel;
    QLineEdit *m_passwordEdit;
    QCheckBox *m_savePasswordCheck;
    QPushButton *m_connectButton;

    QScrollArea *m_factsArea;
    QWidget *m_factsContent = nullptr;
};

} // namespace PgVault
