// The main window without a real server: the welcome state on empty settings, adding a server
// through the connection dialog (fields and connection string in sync both ways), the empty
// pages, menus and shortcuts, removing a server.

#include "GuiTestSupport.h"
#include "connection/ConnInfo.h"
#include "dialogs/ConnectionDialog.h"
#include "models/ProfileListModel.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "support/ServerSession.h"
#include "windows/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>

using namespace PgVault;
using namespace PgVault::Test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static ConnectionDialog *openAddDialog(MainWindow &window, const QString &buttonName)
    {
        auto *button = findVisible<QPushButton>(&window, buttonName);
        if (!button)
            return nullptr;
        QTest::mouseClick(button, Qt::LeftButton);
        ConnectionDialog *dialog = nullptr;
        if (!QTest::qWaitFor(
                    [&] { return (dialog = findTopLevel<ConnectionDialog>()) != nullptr; }))
            return nullptr;
        return dialog;
    }

    static QLineEdit *edit(QWidget *dialog, const char *name)
    {
        return dialog->findChild<QLineEdit *>(QString::fromLatin1(name));
    }

private Q_SLOTS:
    void initTestCase() { initGuiResources(); }

    void welcomeOnEmptySettings()
    {
        GuiFixture fixture;
        MainWindow window(fixture.services());
        QAbstractItemModelTester tester(window.profileModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QVERIFY(findVisible<QWidget>(&window, QStringLiteral("welcomePage")));
        QVERIFY(!findVisible<QWidget>(&window, QStringLiteral("serverListPanel")));
        QVERIFY(showsText(&window, QStringLiteral("Welcome to PgVault")));
        QVERIFY(findVisible<QPushButton>(&window, QStringLiteral("welcomeAddServerButton")));
        auto *sandbox = findVisible<QPushButton>(&window, QStringLiteral("createSandboxButton"));
        QVERIFY(sandbox);
        QCOMPARE(sandbox->text(), QStringLiteral("Create a Sandbox Server"));
        QVERIFY(showsText(&window, QStringLiteral("No servers yet")));
        QVERIFY(showsText(&window, QStringLiteral("No jobs running")));

        // Server actions need a server.
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("editServerAction"))->isEnabled());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("removeServerAction"))->isEnabled());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("refreshAction"))->isEnabled());

        const QString shot = saveScreenshot(&window, QStringLiteral("mainwindow-welcome"));
        QVERIFY2(!shot.isEmpty(), "could not save the screenshot");
    }

    void menusHaveStandardShortcuts()
    {
        GuiFixture fixture;
        MainWindow window(fixture.services());
        auto shortcut = [&](const char *name) {
            return window.findChild<QAction *>(QString::fromLatin1(name))->shortcut().toString();
        };
        QCOMPARE(shortcut("addServerAction"), QStringLiteral("Ctrl+N"));
        QCOMPARE(shortcut("quitAction"), QStringLiteral("Ctrl+Q"));
        QCOMPARE(shortcut("refreshAction"), QStringLiteral("F5"));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("aboutAction")));
    }

    void addServerThroughTheDialog()
    {
        GuiFixture fixture;
        MainWindow window(fixture.services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        ConnectionDialog *dialog = openAddDialog(window, QStringLiteral("welcomeAddServerButton"));
        QVERIFY(dialog);
        QVERIFY(dialog->isModal() || dialog->windowModality() != Qt::NonModal);
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));

        QLineEdit *name = edit(dialog, "nameLineEdit");
        QLineEdit *host = edit(dialog, "hostLineEdit");
        QLineEdit *port = edit(dialog, "portLineEdit");
        QLineEdit *database = edit(dialog, "databaseLineEdit");
        QLineEdit *user = edit(dialog, "userLineEdit");
        QLineEdit *connInfo = edit(dialog, "connInfoLineEdit");
        QLineEdit *password = edit(dialog, "passwordLineEdit");
        auto *sslMode = dialog->findChild<QComboBox *>(QStringLiteral("sslModeComboBox"));
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
        QVERIFY(name && host && port && database && user && connInfo && password && sslMode
                && save);
        QVERIFY(!save->isEnabled()); // no name yet

        // Fields -> connection string.
        QTest::keyClicks(name, QStringLiteral("Shop primary"));
        QTest::keyClicks(host, QStringLiteral("db.example.com"));
        QTest::keyClicks(port, QStringLiteral("5433"));
        QTest::keyClicks(database, QStringLiteral("shop"));
        QTest::keyClicks(user, QStringLiteral("backup"));
        sslMode->setCurrentIndex(sslMode->findData(QStringLiteral("require")));
        Q_EMIT sslMode->activated(sslMode->currentIndex());
        {
            const Result<ConnInfo> parsed = ConnInfo::parse(connInfo->text());
            QVERIFY(parsed.ok());
            QCOMPARE(parsed->host(), QStringLiteral("db.example.com"));
            QCOMPARE(parsed->port(), QStringLiteral("5433"));
            QCOMPARE(parsed->dbname(), QStringLiteral("shop"));
            QCOMPARE(parsed->user(), QStringLiteral("backup"));
            QCOMPARE(parsed->sslmode(), QStringLiteral("require"));
        }

        // Connection string -> fields: a pasted URI, its password moving to the password field.
        connInfo->setFocus();
        QTRY_VERIFY(connInfo->hasFocus());
        connInfo->selectAll();
        QTest::keyClicks(connInfo, QStringLiteral("postgresql://admin:s3cret@pg.internal:6543/crm?"
                                                  "sslmode=verify-full&application_name=pgvault"));
        QCOMPARE(host->text(), QStringLiteral("pg.internal"));
        QCOMPARE(port->text(), QStringLiteral("6543"));
        QCOMPARE(database->text(), QStringLiteral("crm"));
        QCOMPARE(user->text(), QStringLiteral("admin"));
        QCOMPARE(sslMode->currentData().toString(), QStringLiteral("verify-full"));
        QCOMPARE(password->text(), QStringLiteral("s3cret"));
        // Leaving the field rewrites it without the password.
        QTest::keyClick(connInfo, Qt::Key_Tab);
        QVERIFY(!connInfo->hasFocus());
        QVERIFY(!connInfo->text().contains(QStringLiteral("s3cret")));
        QVERIFY(connInfo->text().contains(QStringLiteral("application_name=pgvault")));

        // A field edit keeps the options only the string knows.
        host->clear();
        QTest::keyClicks(host, QStringLiteral("pg2.internal"));
        QVERIFY(connInfo->text().contains(QStringLiteral("host=pg2.internal")));
        QVERIFY(connInfo->text().contains(QStringLiteral("application_name=pgvault")));

        // A broken string says why, inline, and blocks saving.
        connInfo->selectAll();
        QTest::keyClicks(connInfo, QStringLiteral("host='unterminated"));
        auto *connInfoError = dialog->findChild<QLabel *>(QStringLiteral("connInfoErrorLabel"));
        QVERIFY(connInfoError->isVisible());
        QVERIFY(!connInfoError->text().isEmpty());
        QVERIFY(!save->isEnabled());
        connInfo->selectAll();
        QTest::keyClicks(connInfo, QStringLiteral("host=pg2.internal port=6543 dbname=crm "
                                                  "user=admin"));
        QVERIFY(!connInfoError->isVisible());
        QVERIFY(save->isEnabled());

        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());

        // Saved without the password, listed and selected.
        const QList<Profile> profiles = fixture.profiles()->profiles();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.constFirst().name(), QStringLiteral("Shop primary"));
        QVERIFY(!profiles.constFirst().conninfo().contains(QStringLiteral("s3cret")));
        QVERIFY(fixture.settings()->sync().ok());
        QFile settingsFile(fixture.settingsPath());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        QVERIFY(!settingsFile.readAll().contains("s3cret"));

        QVERIFY(findVisible<QWidget>(&window, QStringLiteral("serverWorkspace")));
        QVERIFY(findVisible<QListView>(&window, QStringLiteral("serverListView")));
        QCOMPARE(window.selectedProfile()->id(), profiles.constFirst().id());
        auto *nameLabel = findVisible<QLabel>(&window, QStringLiteral("serverNameLabel"));
        QVERIFY(nameLabel);
        QCOMPARE(nameLabel->text(), QStringLiteral("Shop primary"));
        QVERIFY(showsText(&window, QStringLiteral("pg2.internal:6543")));
    }

    void emptyPagesSayWhatWillBeThere()
    {
        GuiFixture fixture;
        QVERIFY(fixture.profiles()
                        ->add(Profile::create(QStringLiteral("Local"),
                                              QStringLiteral("host=/nonexistent/socket/dir")))
                        .ok());
        MainWindow window(fixture.services());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *tabs = findVisible<QTabWidget>(&window, QStringLiteral("serverTabWidget"));
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 4);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Overview"));

        // Backups: which backups are this server's is known only once it was reached, and a
        // dump needs its databases, so "New Dump…" waits for a connection and says so.
        tabs->setCurrentIndex(1);
        QVERIFY(showsText(tabs->currentWidget(), QStringLiteral("find its backups"))
                || showsText(tabs->currentWidget(),
                             QStringLiteral("Connect on the Overview page")));
        auto *newDump
                = findVisible<QToolButton>(tabs->currentWidget(), QStringLiteral("newDumpButton"));
        QVERIFY(newDump);
        QVERIFY(!newDump->isEnabled());
        QVERIFY(newDump->toolTip().contains(QStringLiteral("Connect to the server first")));
        tabs->setCurrentIndex(2);
        QVERIFY(showsText(tabs->currentWidget(), QStringLiteral("time axis")));
        tabs->setCurrentIndex(3);
        QVERIFY(showsText(tabs->currentWidget(), QStringLiteral("step by step")));
        for (int i = 2; i < 4; ++i) {
            // No buttons that would do nothing.
            QVERIFY(tabs->widget(i)->findChildren<QPushButton *>().isEmpty());
            QVERIFY(!showsText(tabs->widget(i), QStringLiteral("TODO")));
        }

        // The unreachable server: Overview says so in plain words, the dot turns red.
        tabs->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(
                findVisible<QLabel>(&window, QStringLiteral("connectionErrorLabel")), 15000);
        QVERIFY(showsText(&window, QStringLiteral("Could not connect to “Local”")));
        QCOMPARE(window.profileModel()->index(0).data(ProfileListModel::StatusRole).toInt(),
                 int(ServerStatus::Unreachable));
        QVERIFY(showsText(&window, QStringLiteral("Local: Not reachable")));
        saveScreenshot(&window, QStringLiteral("mainwindow-unreachable"));
    }

    void switchingServersCancelsTheInspection()
    {
        // A "server" that accepts the connection and then never says a word: the inspection
        // hangs in the startup handshake until it is cancelled (or connect_timeout passes).
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> accepted;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                accepted.append(socket);
        });

        GuiFixture fixture;
        const Result<Profile> hanging = fixture.profiles()->add(
                Profile::create(QStringLiteral("A silent server"),
                                QStringLiteral("host=127.0.0.1 port=%1 connect_timeout=60")
                                        .arg(silent.serverPort())));
        QVERIFY(hanging.ok());
        const Result<Profile> other = fixture.profiles()->add(Profile::create(
                QStringLiteral("B other server"), QStringLiteral("host=/nonexistent/socket/dir")));
        QVERIFY(other.ok());

        MainWindow window(fixture.services());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectProfile(hanging->id());
        QTRY_VERIFY(!accepted.isEmpty());
        QCOMPARE(window.session()->state(), ServerSession::State::Connecting);
        QCOMPARE(window.profileModel()->status(hanging->id()), ServerStatus::Connecting);
        QVERIFY(findVisible<QPushButton>(&window, QStringLiteral("cancelInspectionButton")));
        saveScreenshot(&window, QStringLiteral("mainwindow-connecting"));

        // Switching cancels it: the connection is closed at once, the status is not "failed".
        window.selectProfile(other->id());
        QTRY_COMPARE(accepted.constFirst()->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(window.profileModel()->status(hanging->id()), ServerStatus::Unknown);
        QTRY_COMPARE(window.profileModel()->status(other->id()), ServerStatus::Unreachable);

        // Cancel on the page does the same.
        window.selectProfile(hanging->id());
        QTRY_COMPARE(accepted.size(), 2);
        QTest::mouseClick(
                findVisible<QPushButton>(&window, QStringLiteral("cancelInspectionButton")),
                Qt::LeftButton);
        QCOMPARE(window.profileModel()->status(hanging->id()), ServerStatus::Unknown);
        QTRY_COMPARE(accepted.at(1)->state(), QAbstractSocket::UnconnectedState);
    }

    void removeServerAsksFirst()
    {
        GuiFixture fixture;
        QVERIFY(fixture.profiles()
                        ->add(Profile::create(QStringLiteral("Old"),
                                              QStringLiteral("host=/nonexistent/socket/dir")))
                        .ok());
        MainWindow window(fixture.services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QAction *>(QStringLiteral("removeServerAction"))->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = findTopLevel<QMessageBox>()) != nullptr);
        QVERIFY(box->text().contains(QStringLiteral("“Old”")));
        auto *confirm = box->findChild<QPushButton *>(QStringLiteral("confirmRemoveButton"));
        QVERIFY(confirm);
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_VERIFY(fixture.profiles()->profiles().isEmpty());
        QTRY_VERIFY(findVisible<QWidget>(&window, QStringLiteral("welcomePage")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
