// Passwords and the keychain in the GUI. Built twice:
//  - tst_gui_keychain runs inside a private D-Bus session with an unlocked gnome-keyring
//    (KEYRING launcher): "Save password in keychain" stores it there, never in the settings,
//    and editing the server shows it again;
//  - tst_gui_nokeychain runs without any session bus (PGVAULT_TEST_NO_KEYCHAIN): the main window
//    warns once, without a modal box, and the connection dialog offers no saving.

#include "GuiTestSupport.h"
#include "dialogs/ConnectionDialog.h"
#include "secrets/SecretStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "windows/MainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>

using namespace PgVault;
using namespace PgVault::Test;

namespace {

bool withoutKeychain()
{
    return qEnvironmentVariableIsSet("PGVAULT_TEST_NO_KEYCHAIN");
}

ConnectionDialog *openAddDialog(MainWindow &window)
{
    window.findChild<QAction *>(QStringLiteral("addServerAction"))->trigger();
    ConnectionDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = findTopLevel<ConnectionDialog>()) != nullptr; }))
        return nullptr;
    return dialog;
}

void fillIn(ConnectionDialog *dialog, const QString &name, const QString &password)
{
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameLineEdit")), name);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("hostLineEdit")),
                     QStringLiteral("db.invalid"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit")), password);
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        initGuiResources();
        if (withoutKeychain()) {
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
            qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pgvault-test-bus");
        }
    }

    // One test, two processes: which half runs depends on the process's keychain.
    void passwordsGoToTheKeychainOrStayInMemory()
    {
        if (withoutKeychain())
            warnsOnceWithoutKeychain();
        else
            savesPasswordInKeychainOnly();
    }

private:
    void savesPasswordInKeychainOnly()
    {
        GuiFixture fixture(true);
        MainWindow window(fixture.services());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        ConnectionDialog *dialog = openAddDialog(window);
        QVERIFY(dialog);
        auto *save = dialog->findChild<QCheckBox *>(QStringLiteral("savePasswordCheckBox"));
        QVERIFY(save && save->isVisible() && save->isChecked());
        fillIn(dialog, QStringLiteral("Keychain server"), QStringLiteral("kc-Secret-1"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());

        const std::optional<Profile> profile
                = fixture.profiles()->findByName(QStringLiteral("Keychain server"));
        QVERIFY(profile);
        // In the keychain (asked through a fresh store, which has no session copy)...
        const QUuid id = profile->id();
        auto readFromKeychain = [id]() -> QString {
            SecretStore fresh(QStringLiteral("pgvault-gui-test"));
            std::optional<QString> value;
            bool answered = false;
            fresh.readPassword(id, &fresh, [&](const SecretStore::ReadResult &result) {
                answered = true;
                if (result.ok() && result.value())
                    value = *result.value();
            });
            if (!QTest::qWaitFor([&] { return answered; }, 10000))
                return QString();
            return value.value_or(QString());
        };
        QTRY_COMPARE_WITH_TIMEOUT(readFromKeychain(), QStringLiteral("kc-Secret-1"), 30000);
        // ...and not in the settings.
        QVERIFY(fixture.settings()->sync().ok());
        QFile file(fixture.settingsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("kc-Secret-1"));

        // Editing shows it again (masked), from the keychain.
        window.findChild<QAction *>(QStringLiteral("editServerAction"))->trigger();
        ConnectionDialog *edit = nullptr;
        QTRY_VERIFY((edit = findTopLevel<ConnectionDialog>()) != nullptr);
        auto *password = edit->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
        QTRY_COMPARE(password->text(), QStringLiteral("kc-Secret-1"));
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QVERIFY(edit->findChild<QCheckBox *>(QStringLiteral("savePasswordCheckBox"))->isChecked());
        edit->reject();
    }

    void warnsOnceWithoutKeychain()
    {
        GuiFixture fixture(true);
        MainWindow window(fixture.services());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        ConnectionDialog *dialog = openAddDialog(window);
        QVERIFY(dialog);
        fillIn(dialog, QStringLiteral("No keychain"), QStringLiteral("nk-Secret-2"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());

        // The keychain's failure shows as a notice in the window, not as a modal box.
        QTRY_VERIFY_WITH_TIMEOUT(
                findVisible<QWidget>(&window, QStringLiteral("keychainBanner")) != nullptr, 70000);
        QVERIFY(showsText(&window, QStringLiteral("keychain")));
        QVERIFY(!findTopLevel<QMessageBox>());
        QVERIFY(fixture.settings()->keychainWarningShown());
        saveScreenshot(&window, QStringLiteral("mainwindow-no-keychain"));

        // Saving is not offered any more; the password is kept for the session.
        ConnectionDialog *second = openAddDialog(window);
        QVERIFY(second);
        QVERIFY(!second->findChild<QCheckBox *>(QStringLiteral("savePasswordCheckBox"))
                         ->isVisible());
        QVERIFY(findVisible<QLabel>(second, QStringLiteral("keychainNoteLabel")));
        second->reject();

        const std::optional<Profile> profile
                = fixture.profiles()->findByName(QStringLiteral("No keychain"));
        QVERIFY(profile);
        bool answered = false;
        std::optional<QString> remembered;
        fixture.secrets()->readPassword(profile->id(), this, [&](const SecretStore::ReadResult &r) {
            answered = true;
            if (r.ok())
                remembered = r.value();
        });
        QTRY_VERIFY(answered);
        QCOMPARE(remembered.value_or(QString()), QStringLiteral("nk-Secret-2"));

        // Dismissed, it stays away.
        QTest::mouseClick(
                findVisible<QPushButton>(&window, QStringLiteral("dismissKeychainBannerButton")),
                Qt::LeftButton);
        QVERIFY(!findVisible<QWidget>(&window, QStringLiteral("keychainBanner")));
    }
};

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
