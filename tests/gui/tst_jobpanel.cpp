// JobPanel renders real ThreadedJobs: title, phase, progress, rate/ETA, Cancel/Stop by the job's
// cancelMeaning, the log, and errors with their details.

#include "FakeJobs.h"
#include "GuiTestSupport.h"
#include "dialogs/ErrorDetailsDialog.h"
#include "jobs/JobManager.h"
#include "models/JobListModel.h"
#include "widgets/JobPanel.h"
#include "widgets/JobRowWidget.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

using namespace PgVault;
using namespace PgVault::Test;

class TestJobPanel : public QObject
{
    Q_OBJECT

private:
    struct Panel
    {
        JobManager manager;
        JobListModel model{&manager};
        QAbstractItemModelTester tester{&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest};
        JobPanel panel{&model, &manager};
        Panel()
        {
            panel.resize(900, 260);
            panel.show();
        }
        ~Panel() { manager.cancelAllAndWait(); }
    };

private Q_SLOTS:
    void initTestCase() { initGuiResources(); }

    void showsProgressAndCancelWorks()
    {
        Panel p;
        QVERIFY(showsText(&p.panel, QStringLiteral("No jobs yet")));

        // 20 MB in 64 KiB chunks every 20 ms: ~6 s, long enough for a trusted ETA and a cancel.
        auto *job = new FakeCopyJob(QStringLiteral("Dump “shop”"), 20'000'000, 65'536, 20);
        p.manager.add(job);
        QCOMPARE(p.panel.rows().size(), 1);
        JobRowWidget *row = p.panel.rows().constFirst();

        QVERIFY(showsText(row, QStringLiteral("Dump “shop”")));
        QTRY_VERIFY(showsText(row, QStringLiteral("Copying “shop”")));
        auto *bar = row->findChild<QProgressBar *>(QStringLiteral("jobProgressBar"));
        QVERIFY(bar);
        QTRY_VERIFY(bar->value() > 0);
        // "1.2 MiB of 9.5 MiB · 3.1 MiB/s · 2 s left" once the rate is trusted.
        auto *stats = row->findChild<QLabel *>(QStringLiteral("jobStatsLabel"));
        QTRY_VERIFY(stats->text().contains(QStringLiteral(" of ")));
        QTRY_VERIFY_WITH_TIMEOUT(stats->text().contains(QStringLiteral("/s")), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(stats->text().contains(QStringLiteral(" left")), 5000);
        QVERIFY(showsText(&p.panel, QStringLiteral("1 running")));

        saveScreenshot(&p.panel, QStringLiteral("jobpanel-running"));

        auto *cancel = findVisible<QPushButton>(row, QStringLiteral("cancelJobButton"));
        QVERIFY(cancel);
        QCOMPARE(cancel->text(), QStringLiteral("Cancel"));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE(job->state(), Job::State::Cancelled);
        QTRY_VERIFY(showsText(row, QStringLiteral("Cancelled")));
        QVERIFY(!cancel->isVisible());
        QVERIFY(bar->value() < bar->maximum());

        // The log holds the worker's messages, the stop included.
        auto *logButton = findVisible<QToolButton>(row, QStringLiteral("showLogToolButton"));
        QVERIFY(logButton);
        QTest::mouseClick(logButton, Qt::LeftButton);
        auto *log = findVisible<QPlainTextEdit>(row, QStringLiteral("jobLogPlainTextEdit"));
        QVERIFY(log);
        QVERIFY(log->toPlainText().contains(QStringLiteral("started copying")));
        QTRY_VERIFY(log->toPlainText().contains(QStringLiteral("stopped by the user")));

        auto *clear = findVisible<QPushButton>(&p.panel, QStringLiteral("clearFinishedButton"));
        QVERIFY(clear && clear->isEnabled());
        QTest::mouseClick(clear, Qt::LeftButton);
        QTRY_COMPARE(p.panel.rows().size(), 0);
    }

    void keepCompletedJobsOfferStop()
    {
        Panel p;
        auto *job
                = new FakeCopyJob(QStringLiteral("Receive WAL"), 10'000'000, 10'000, 20,
                                  FakeCopyJob::Ending::Succeed, Job::CancelMeaning::KeepCompleted);
        p.manager.add(job);
        JobRowWidget *row = p.panel.rows().constFirst();
        auto *stop = findVisible<QPushButton>(row, QStringLiteral("cancelJobButton"));
        QVERIFY(stop);
        QCOMPARE(stop->text(), QStringLiteral("Stop"));
        QTest::mouseClick(stop, Qt::LeftButton);
        QTRY_VERIFY(job->isFinished());
    }

    void failureShowsMessageAndDetails()
    {
        Panel p;
        auto *done = new FakeCopyJob(QStringLiteral("Verify backup"), 100'000, 50'000, 1);
        auto *job = new FakeCopyJob(QStringLiteral("Dump “crm”"), 100'000, 50'000, 1,
                                    FakeCopyJob::Ending::Fail);
        p.manager.add(done);
        p.manager.add(job);
        QTRY_VERIFY(done->isFinished() && job->isFinished());

        // Newest first.
        JobRowWidget *row = p.panel.rows().constFirst();
        QVERIFY(showsText(row, QStringLiteral("Dump “crm”")));
        QTRY_VERIFY(showsText(row, QStringLiteral("Failed")));
        QVERIFY(showsText(row, QStringLiteral("The disk holding /srv/backups is full")));
        QVERIFY(showsText(p.panel.rows().at(1), QStringLiteral("Done")));
        saveScreenshot(&p.panel, QStringLiteral("jobpanel-finished"));

        auto *details = findVisible<QPushButton>(row, QStringLiteral("jobErrorDetailsButton"));
        QVERIFY(details);
        QTest::mouseClick(details, Qt::LeftButton);
        ErrorDetailsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = findTopLevel<ErrorDetailsDialog>()) != nullptr);
        QVERIFY(showsText(dialog, QStringLiteral("ENOSPC")));
        dialog->close();
    }
};

QTEST_MAIN(TestJobPanel)
#include "tst_jobpanel.moc"
