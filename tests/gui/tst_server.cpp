// The GUI against real PostgreSQL servers (PgCluster): Test Connection in the connection dialog
// (version inline; a wrong password in the server's own words), the Overview page of a role
// without REPLICATION (which features are blocked), the password prompt, and screenshots of a
// connected main window.

#include "FakeJobs.h"
#include "GuiTestSupport.h"
#include "PgCluster.h"
#include "TestUtil.h"
#include "dialogs/ConnectionDialog.h"
#include "jobs/JobManager.h"
#include "models/ProfileListModel.h"
#include "settings/ProfileStore.h"
#include "support/ServerSession.h"
#include "tools/ToolLocator.h"
#include "widgets/JobPanel.h"
#include "widgets/JobRowWidget.h"
#include "windows/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace PgVault;
using namespace PgVault::Test;

namespace {

constexpr int ServerTimeoutMs = 30'000;

struct DialogFields
{
    QLineEdit *host = nullptr;
    QLineEdit *port = nullptr;
    QLineEdit *database = nullptr;
    QLineEdit *user = nullptr;
    QLineEdit *password = nullptr;
    QPushButton *test = nullptr;
    QLabel *result = nullptr;
};

DialogFields fieldsOf(ConnectionDialog *dialog)
{
    DialogFields f;
    f.host = dialog->findChild<QLineEdit *>(QStringLiteral("hostLineEdit"));
    f.port = dialog->findChild<QLineEdit *>(QStringLiteral("portLineEdit"));
    f.database = dialog->findChild<QLineEdit *>(QStringLiteral("databaseLineEdit"));
    f.user = dialog->findChild<QLineEdit *>(QStringLiteral("userLineEdit"));
    f.password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
    f.test = dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
    f.result = dialog->findChild<QLabel *>(QStringLiteral("testResultLabel"));
    return f;
}

QString plain(const QLabel *label)
{
    QStringList texts = visibleTexts(label);
    return texts.isEmpty() ? QString() : texts.constFirst();
}

} // namespace

class TestServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        initGuiResources();
        REQUIRE_PG_MAJOR(PgCluster::defaultMajor());
    }

    void testConnectionShowsVersionAndServerErrors()
    {
        PgClusterOptions options;
        options.tcp = true;
        options.superuserPassword = QStringLiteral("right-password");
        PgCluster cluster(options);
        QVERIFY_OK(cluster.start());

        GuiFixture fixture;
        ConnectionDialog dialog(fixture.profiles(), nullptr, std::make_shared<const ToolLocator>());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        DialogFields f = fieldsOf(&dialog);
        QVERIFY(f.host && f.port && f.database && f.user && f.password && f.test && f.result);

        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("nameLineEdit")),
                         QStringLiteral("Test server"));
        QTest::keyClicks(f.host, QStringLiteral("127.0.0.1"));
        QTest::keyClicks(f.port, QString::number(cluster.port()));
        QTest::keyClicks(f.database, QStringLiteral("postgres"));
        QTest::keyClicks(f.user, cluster.superuser());

        // Wrong password: the server's own words, inline; nothing crashes.
        QTest::keyClicks(f.password, QStringLiteral("wrong-password"));
        QTest::mouseClick(f.test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
                plain(f.result).contains(QStringLiteral("password authentication failed for user")),
                ServerTimeoutMs);
        QVERIFY2(plain(f.result).contains(cluster.superuser()), qPrintable(plain(f.result)));
        QCOMPARE(f.test->text(), QStringLiteral("Test Connection"));
        saveScreenshot(&dialog, QStringLiteral("connectiondialog-wrong-password"));

        // The right one: connected, the version inline.
        f.password->clear();
        QTest::keyClicks(f.password, QStringLiteral("right-password"));
        QTest::mouseClick(f.test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(plain(f.result).contains(QStringLiteral("Connected")),
                                 ServerTimeoutMs);
        QVERIFY2(plain(f.result).contains(QStringLiteral("PostgreSQL %1").arg(cluster.version())),
                 qPrintable(plain(f.result)));
        QVERIFY(plain(f.result).contains(QStringLiteral("superuser")));
        saveScreenshot(&dialog, QStringLiteral("connectiondialog-test-ok"));
    }

    void addedServerConnectsWithTheTypedPassword()
    {
        PgClusterOptions options;
        options.tcp = true;
        options.superuserPassword = QStringLiteral("typed-password");
        PgCluster cluster(options);
        QVERIFY_OK(cluster.start());

        GuiFixture fixture(true); // a SecretStore (with or without a keychain behind it)
        MainWindow window(fixture.services());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::mouseClick(
                findVisible<QPushButton>(&window, QStringLiteral("welcomeAddServerButton")),
                Qt::LeftButton);
        ConnectionDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = findTopLevel<ConnectionDialog>()) != nullptr);
        DialogFields f = fieldsOf(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("nameLineEdit")),
                         QStringLiteral("Typed"));
        QTest::keyClicks(f.host, QStringLiteral("127.0.0.1"));
        QTest::keyClicks(f.port, QString::number(cluster.port()));
        QTest::keyClicks(f.user, cluster.superuser());
        QTest::keyClicks(f.database, QStringLiteral("postgres"));
        QTest::keyClicks(f.password, QStringLiteral("typed-password"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());

        // Selected and inspected at once with the password just typed: no password prompt.
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->state() != ServerSession::State::Connecting,
                                 ServerTimeoutMs);
        QVERIFY2(window.session()->state() == ServerSession::State::Ready,
                 qPrintable(window.session()->error() ? window.session()->error()->message()
                                                      : QString()));
        QVERIFY(findVisible<QLabel>(&window, QStringLiteral("versionValueLabel")));
    }

    void overviewShowsWhatIsBlockedWithoutReplication()
    {
        PgCluster cluster;
        QVERIFY_OK(cluster.start());
        QVERIFY_OK(cluster.execute(QStringLiteral("CREATE ROLE app LOGIN")));

        GuiFixture fixture;
        const Result<Profile> profile = fixture.profiles()->add(Profile::create(
                QStringLiteral("App server"),
                cluster.conninfo(QStringLiteral("postgres"), QStringLiteral("app"))));
        QVERIFY_OK(profile);
        AppServices services = fixture.services();
        services.tools = std::make_shared<const ToolLocator>();
        MainWindow window(services);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QTRY_VERIFY_WITH_TIMEOUT(window.session()->state() == ServerSession::State::Ready,
                                 ServerTimeoutMs);
        saveScreenshot(&window, QStringLiteral("mainwindow-no-replication"));
        auto *privileges = findVisible<QLabel>(&window, QStringLiteral("privilegesValueLabel"));
        QVERIFY(privileges);
        QVERIFY2(privileges->text().contains(QStringLiteral("base backups and WAL streaming are "
                                                            "blocked")),
                 qPrintable(privileges->text()));
        QVERIFY(showsText(&window, QStringLiteral("lacks the REPLICATION privilege")));
        QVERIFY(showsText(&window, QStringLiteral("physical base backups and WAL streaming are "
                                                  "not possible")));
        QVERIFY(showsText(&window, QStringLiteral("ALTER ROLE \"app\" REPLICATION;")));
        QCOMPARE(window.profileModel()->index(0).data(ProfileListModel::StatusRole).toInt(),
                 int(ServerStatus::Warnings));
    }

    void overviewAsksForThePassword()
    {
        PgClusterOptions options;
        options.tcp = true;
        options.superuserPassword = QStringLiteral("su-password");
        PgCluster cluster(options);
        QVERIFY_OK(cluster.start());
        QVERIFY_OK(cluster.execute(
                QStringLiteral("CREATE ROLE reader LOGIN PASSWORD 'reader-password'")));

        GuiFixture fixture; // no keychain: the password is asked for
        QVERIFY_OK(fixture.profiles()->add(Profile::create(
                QStringLiteral("Remote"),
                cluster.conninfo(QStringLiteral("postgres"), QStringLiteral("reader"), true))));
        MainWindow window(fixture.services());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QLineEdit *password = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((password = findVisible<QLineEdit>(
                                          &window, QStringLiteral("overviewPasswordLineEdit")))
                                         != nullptr,
                                 ServerTimeoutMs);
        QVERIFY(showsText(&window, QStringLiteral("Could not connect to “Remote”")));
        QVERIFY(showsText(&window, QStringLiteral("keeps it in memory only")));
        saveScreenshot(&window, QStringLiteral("mainwindow-password-prompt"));

        QTest::keyClicks(password, QStringLiteral("reader-password"));
        QTest::mouseClick(findVisible<QPushButton>(&window, QStringLiteral("connectButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->state() == ServerSession::State::Ready,
                                 ServerTimeoutMs);
        QTRY_VERIFY(findVisible<QLabel>(&window, QStringLiteral("versionValueLabel")));

        // Refresh (F5) reuses the session's password.
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->state() == ServerSession::State::Ready,
                                 ServerTimeoutMs);
        QVERIFY(findVisible<QLabel>(&window, QStringLiteral("versionValueLabel")));
    }

    void connectedMainWindowScreenshot()
    {
        PgClusterOptions options;
        options.settings.insert(QStringLiteral("wal_level"), QStringLiteral("replica"));
        options.settings.insert(QStringLiteral("archive_mode"), QStringLiteral("on"));
        PgCluster cluster(options);
        QVERIFY_OK(cluster.setSetting(
                QStringLiteral("archive_command"),
                QStringLiteral("test ! -f %1/%f && cp %p %1/%f").arg(cluster.scratchDir())));
        QVERIFY_OK(cluster.start());
        QVERIFY_OK(cluster.execute(QStringLiteral("CREATE DATABASE shop")));
        QVERIFY_OK(cluster.execute(
                QStringLiteral("CREATE TABLE orders AS SELECT g AS id, md5(g::text) AS note "
                               "FROM generate_series(1, 20000) g"),
                QStringLiteral("shop")));
        QVERIFY_OK(cluster.execute(QStringLiteral("SELECT pg_switch_wal()")));
        QTRY_VERIFY_WITH_TIMEOUT(
                cluster.scalar(QStringLiteral("SELECT archived_count FROM pg_stat_archiver"))
                                .value()
                                .toInt()
                        > 0,
                ServerTimeoutMs);

        GuiFixture fixture;
        const Result<Profile> main = fixture.profiles()->add(
                Profile::create(QStringLiteral("Shop (local)"), cluster.conninfo()));
        QVERIFY_OK(main);
        QVERIFY_OK(fixture.profiles()->add(Profile::create(
                QStringLiteral("Reporting replica"),
                QStringLiteral("host=reporting.example.com port=5432 dbname=reports"))));
        AppServices services = fixture.services();
        services.tools = std::make_shared<const ToolLocator>();
        MainWindow window(services);
        QAbstractItemModelTester tester(window.profileModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectProfile(main->id());
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->state() == ServerSession::State::Ready,
                                 ServerTimeoutMs);

        auto *version = findVisible<QLabel>(&window, QStringLiteral("versionValueLabel"));
        QVERIFY(version);
        QVERIFY(version->text().contains(cluster.version()));
        QVERIFY(showsText(&window, QStringLiteral("Superuser")));
        QVERIFY(showsText(&window, QStringLiteral("shop")));
        auto *archived = findVisible<QLabel>(&window, QStringLiteral("lastArchivedValueLabel"));
        QVERIFY(archived);
        QVERIFY2(!archived->text().contains(QStringLiteral("Nothing archived")),
                 qPrintable(archived->text()));
        QVERIFY(findVisible<QLabel>(&window, QStringLiteral("toolValueLabel_pg_dump")));
        QCOMPARE(window.profileModel()
                         ->indexOf(main->id())
                         .data(ProfileListModel::StatusRole)
                         .toInt(),
                 int(window.session()->status()));
        QVERIFY(showsText(&window, QStringLiteral("Shop (local): Connected")));

        // A finished and a running job in the panel, as a user would see them.
        auto *finished = new FakeCopyJob(QStringLiteral("Dump “shop”"), 48'000'000, 4'000'000, 1);
        fixture.jobs()->add(finished);
        QTRY_VERIFY(finished->isFinished());
        auto *running = new FakeCopyJob(QStringLiteral("Base backup of “Shop (local)”"),
                                        400'000'000, 400'000, 20);
        fixture.jobs()->add(running);
        auto *panel = window.findChild<JobPanel *>(QStringLiteral("jobPanel"));
        QVERIFY(panel);
        QCOMPARE(panel->rows().size(), 2);
        QCOMPARE(panel->rows()
                         .constFirst()
                         ->findChild<QLabel *>(QStringLiteral("jobTitleLabel"))
                         ->text(),
                 running->title()); // newest first
        auto *stats
                = panel->rows().constFirst()->findChild<QLabel *>(QStringLiteral("jobStatsLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(stats->text().contains(QStringLiteral("/s")), 8000);
        QVERIFY(showsText(&window, QStringLiteral("1 job running")));

        saveScreenshot(&window, QStringLiteral("mainwindow-connected"));
        running->cancel();
        QTRY_VERIFY(running->isFinished());
    }
};

QTEST_MAIN(TestServer)
#include "tst_server.moc"
