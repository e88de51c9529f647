// First start with "Create a Sandbox Server": the welcome page starts the core sandbox job through
// the JobManager, the job panel shows it, and when it is done the new server appears in the list,
// selected, and its Overview connects. Runs the real initdb/pg_ctl and pgvault-cli (archiving),
// isolated like tests/integration/sandbox: HOME, XDG_* and the sandbox/repository locations
// point into a private temporary folder, so a developer's real sandbox is never touched.

#include "GuiTestSupport.h"
#include "SandboxHome.h"
#include "TestUtil.h"
#include "jobs/JobManager.h"
#include "models/ProfileListModel.h"
#include "sandbox/Sandbox.h"
#include "sandbox/SandboxPaths.h"
#include "sandbox/SandboxRemoveJob.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "support/ServerSession.h"
#include "tools/ToolLocator.h"
#include "widgets/JobPanel.h"
#include "widgets/JobRowWidget.h"
#include "windows/MainWindow.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace PgVault;
using namespace PgVault::Test;

class TestSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        initGuiResources();
        REQUIRE_OR_FAIL(!qEnvironmentVariable("PGVAULT_CLI").isEmpty(),
                        QStringLiteral("PGVAULT_CLI is not set (run through ctest)"));
        REQUIRE_OR_FAIL(SandboxHome::haveServerInstallation(),
                        QStringLiteral("no PostgreSQL server installation (initdb)"));
        m_home = std::make_unique<SandboxHome>(QStringLiteral("/tmp/pgvault-guisbx-XXXXXX"));
        QVERIFY2(m_home->isValid(), qPrintable(m_home->errorString()));
        const QString home = m_home->path();
        const SandboxPaths paths = SandboxPaths::defaults();
        QVERIFY2(paths.rootDir().startsWith(home), qPrintable(paths.rootDir()));
        QVERIFY2(paths.socketDir().startsWith(home), qPrintable(paths.socketDir()));
    }

    void cleanupTestCase()
    {
        if (!m_home || !m_fixture)
            return;
        // Stop and remove the sandbox server again.
        JobManager jobs;
        auto *remove = new SandboxRemoveJob(SandboxPaths::defaults(), m_fixture->settingsPath());
        jobs.add(remove);
        QTRY_VERIFY_WITH_TIMEOUT(remove->isFinished(), 120000);
    }

    void createSandboxFromTheWelcomePage()
    {
        m_fixture = std::make_unique<GuiFixture>(); // kept for cleanupTestCase()
        GuiFixture &fixture = *m_fixture;
        AppServices services = fixture.services();
        services.tools = std::make_shared<const ToolLocator>();
        MainWindow window(services);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *create = findVisible<QPushButton>(&window, QStringLiteral("createSandboxButton"));
        QVERIFY(create);
        QTest::mouseClick(create, Qt::LeftButton);
        QVERIFY(!create->isEnabled());
        QVERIFY(showsText(&window, QStringLiteral("Setting up the sandbox server")));
        auto *panel = window.findChild<JobPanel *>(QStringLiteral("jobPanel"));
        QCOMPARE(panel->rows().size(), 1);
        QTRY_VERIFY(showsText(panel, QStringLiteral("1 running")));
        saveScreenshot(&window, QStringLiteral("mainwindow-sandbox-creating"));

        // Done: listed, selected, inspected.
        QTRY_VERIFY_WITH_TIMEOUT(window.profileModel()->rowCount() == 1, 300000);
        QVERIFY2(fixture.jobs()->jobs().constFirst()->state() == Job::State::Succeeded,
                 qPrintable(fixture.jobs()->jobs().constFirst()->error()
                                    ? fixture.jobs()->jobs().constFirst()->error()->toString()
                                    : QString()));
        QVERIFY(window.selectedProfile());
        QCOMPARE(window.selectedProfile()->name(), Sandbox::defaultProfileName());
        QVERIFY(findVisible<QWidget>(&window, QStringLiteral("serverWorkspace")));
        QVERIFY(!findVisible<QWidget>(&window, QStringLiteral("welcomePage")));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->state() == ServerSession::State::Ready, 30000);
        QVERIFY(showsText(&window, Sandbox::sampleDatabaseName()));
        saveScreenshot(&window, QStringLiteral("mainwindow-sandbox-ready"));
    }

private:
    std::unique_ptr<SandboxHome> m_home;
    std::unique_ptr<GuiFixture> m_fixture;
};

QTEST_MAIN(TestSandbox)
#include "tst_sandbox.moc"
