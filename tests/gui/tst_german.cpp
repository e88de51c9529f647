// German: with the translator switched to pgvault_de (and Qt's qtbase_de), the main window and
// the connection dialog speak German; and the .ts file has no unfinished message in the GUI's
// contexts.

#include "GuiTestSupport.h"
#include "dialogs/ConnectionDialog.h"
#include "settings/ProfileStore.h"
#include "support/Translator.h"
#include "windows/MainWindow.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QXmlStreamReader>

using namespace PgVault;
using namespace PgVault::Test;

class TestGerman : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        initGuiResources();
        QVERIFY(testTranslator()->install(QLocale(QLocale::German, QLocale::Germany)));
        QVERIFY(testTranslator()->hasQtTranslation());
    }

    void cleanupTestCase() { testTranslator()->install(QLocale(QLocale::English)); }

    void mainWindowSpeaksGerman()
    {
        GuiFixture fixture;
        MainWindow window(fixture.services());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QVERIFY(showsText(&window, QStringLiteral("Willkommen bei PgVault")));
        QVERIFY(showsText(&window, QStringLiteral("Sandbox-Server anlegen")));
        QVERIFY(showsText(&window, QStringLiteral("Noch keine Server")));
        QVERIFY(showsText(&window, QStringLiteral("Keine laufenden Aufgaben")));
        QVERIFY(showsText(&window, QStringLiteral("Aufgaben")));
        QStringList menus;
        const QList<QAction *> actions = window.menuBar()->actions();
        for (const QAction *action : actions)
            menus.append(action->text());
        QCOMPARE(menus, QStringList({QStringLiteral("&Datei"), QStringLiteral("&Server"),
                                     QStringLiteral("&Hilfe")}));
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("quitAction"))->text(),
                 QStringLiteral("&Beenden"));
        saveScreenshot(&window, QStringLiteral("mainwindow-welcome-de"));

        // With a server: the tabs and the status.
        QVERIFY(fixture.profiles()
                        ->add(Profile::create(QStringLiteral("Lokal"),
                                              QStringLiteral("host=/nonexistent/socket/dir")))
                        .ok());
        auto *tabs = findVisible<QTabWidget>(&window, QStringLiteral("serverTabWidget"));
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Übersicht"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Sicherungen"));
        QCOMPARE(tabs->tabText(2), QStringLiteral("Zeitleiste"));
        QCOMPARE(tabs->tabText(3), QStringLiteral("Wiederherstellen"));
        QTRY_VERIFY_WITH_TIMEOUT(showsText(&window, QStringLiteral("Keine Verbindung zu „Lokal“")),
                                 15000);
        QVERIFY(showsText(&window, QStringLiteral("Lokal: Nicht erreichbar")));
    }

    void connectionDialogSpeaksGerman()
    {
        GuiFixture fixture;
        ConnectionDialog dialog(fixture.profiles(), nullptr, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Server hinzufügen"));
        QVERIFY(showsText(&dialog, QStringLiteral("Verbindung testen")));
        QVERIFY(showsText(&dialog, QStringLiteral("&Datenbank:")));
        QVERIFY(showsText(&dialog, QStringLiteral("&Verbindungszeichenkette:")));
        QVERIFY(showsText(&dialog, QStringLiteral("Es ist kein Schlüsselbund verfügbar")));
        // Qt's own buttons come from qtbase_de.
        QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("saveButton"))->text(),
                 QStringLiteral("Speichern"));
        QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("cancelButton"))->text(),
                 QStringLiteral("Abbrechen"));
        saveScreenshot(&dialog, QStringLiteral("connectiondialog-de"));
    }

    void guiContextsAreTranslated()
    {
        const QString path = QDir(qEnvironmentVariable("PGVAULT_SOURCE_DIR"))
                                     .filePath(QStringLiteral("translations/pgvault_de.ts"));
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        // Every context of ui/ and app/gui: PgVault::<ui class> and "main".
        const QStringList guiContexts = {QStringLiteral("PgVault::BackupListModel"),
                                         QStringLiteral("PgVault::BackupsPage"),
                                         QStringLiteral("PgVault::ConnectionDialog"),
                                         QStringLiteral("PgVault::ErrorDetailsDialog"),
                                         QStringLiteral("PgVault::JobListModel"),
                                         QStringLiteral("PgVault::JobPanel"),
                                         QStringLiteral("PgVault::JobRowWidget"),
                                         QStringLiteral("PgVault::MainWindow"),
                                         QStringLiteral("PgVault::NewDumpDialog"),
                                         QStringLiteral("PgVault::OverviewPage"),
                                         QStringLiteral("PgVault::ProfileListModel"),
                                         QStringLiteral("PgVault::RestoreDumpDialog"),
                                         QStringLiteral("PgVault::RestorePage"),
                                         QStringLiteral("PgVault::ServerSession"),
                                         QStringLiteral("PgVault::ServerStatusText"),
                                         QStringLiteral("PgVault::ServerWarningWidget"),
                                         QStringLiteral("PgVault::TimelinePage"),
                                         QStringLiteral("PgVault::WelcomePage"),
                                         QStringLiteral("main")};
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        QStringList unfinished;
        QSet<QString> seen;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
                seen.insert(context);
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool open = xml.attributes().value(QLatin1String("type"))
                                  == QLatin1String("unfinished");
                if (open && guiContexts.contains(context))
                    unfinished.append(context + QStringLiteral(": ") + source);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(unfinished.isEmpty(), qPrintable(QStringLiteral("untranslated:\n")
                                                  + unfinished.join(QLatin1Char('\n'))));
        for (const QString &expected :
             {QStringLiteral("PgVault::MainWindow"), QStringLiteral("PgVault::ConnectionDialog")})
            QVERIFY2(seen.contains(expected), qPrintable(expected));
    }
};

QTEST_MAIN(TestGerman)
#include "tst_german.moc"
