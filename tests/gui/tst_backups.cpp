// The Backups page against a real PostgreSQL server (PgCluster) and real pg_dump/pg_restore:
// "New dump…" end to end through the job panel, "Restore…" of one table into a new database,
// the filter, Delete (confirmed, then gone from the table and the disk; No keeps it; debris is
// "removed"), and Verify finding a damaged backup. Screenshots of the page and both dialogs go to
// test-artifacts/.

#include "GuiTestSupport.h"
#include "PgCluster.h"
#include "TestUtil.h"
#include "dialogs/NewDumpDialog.h"
#include "dialogs/RestoreDumpDialog.h"
#include "dump/DumpJob.h"
#include "jobs/JobManager.h"
#include "models/BackupListModel.h"
#include "settings/ProfileStore.h"
#include "support/ServerSession.h"
#include "tools/ToolLocator.h"
#include "widgets/JobPanel.h"
#include "widgets/JobRowWidget.h"
#include "windows/MainWindow.h"
#include "windows/pages/BackupsPage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <algorithm>
#include <memory>

using namespace PgVault;
using namespace PgVault::Test;

namespace {

constexpr int ServerTimeoutMs = 30'000;
constexpr int JobTimeoutMs = 180'000;

// A main window on a fresh settings file and repository, with one profile for the cluster,
// showing the Backups page of a connected server.
struct Window
{
    explicit Window(const PgCluster &cluster)
    {
        Result<Profile> added = fixture.profiles()->add(Profile::create(
                QStringLiteral("Shop server"), cluster.conninfo(), repository.path()));
        if (added)
            profile = *added;
        AppServices services = fixture.services();
        services.tools = std::make_shared<const ToolLocator>();
        window = std::make_unique<MainWindow>(services);
        window->resize(1200, 800);
        window->show();
    }

    BackupsPage *page() const { return window->backupsPage(); }
    BackupListModel *model() const { return page()->model(); }
    QTableView *table() const
    {
        return page()->findChild<QTableView *>(QStringLiteral("backupsTableView"));
    }
    template<typename T>
    T *child(const QString &name) const
    {
        return page()->findChild<T *>(name);
    }

    GuiFixture fixture;
    QTemporaryDir repository;
    Profile profile;
    std::unique_ptr<MainWindow> window;
};

Job *waitForJob(JobManager *jobs, const QString &kind)
{
    Job *found = nullptr;
    (void)QTest::qWaitFor(
            [&] {
                for (Job *job : jobs->jobs()) {
                    if (job->kind() == kind)
                        found = job;
                }
                return found && found->isFinished();
            },
            JobTimeoutMs);
    return found;
}

QString describe(const Job *job)
{
    if (!job)
        return QStringLiteral("no job");
    QString text = Job::stateName(job->state());
    if (job->error())
        text += QStringLiteral(": ") + job->error()->message() + QStringLiteral("\n")
                + job->error()->detail();
    return text;
}

// A dump made with core directly (for tests about the page, not about the dialog).
Status dumpDirectly(const PgCluster &cluster, const QString &repository, JobManager *jobs)
{
    DumpOptions options;
    Result<ConnInfo> server = ConnInfo::parse(cluster.conninfo());
    if (!server)
        return server.error();
    options.server = *server;
    options.repositoryPath = repository;
    options.databases = {QStringLiteral("shop")};
    auto *job = new DumpJob(options);
    jobs->add(job);
    if (!QTest::qWaitFor([job] { return job->isFinished(); }, JobTimeoutMs))
        return Error(ErrorCode::Timeout, QStringLiteral("the dump did not finish"));
    if (job->state() != Job::State::Succeeded)
        return job->error() ? *job->error() : Error(ErrorCode::Internal, describe(job));
    return {};
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

int rowOf(const QTableView *table, const QString &backupId)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 0).data(BackupListModel::BackupIdRole) == backupId)
            return row;
    }
    return -1;
}

void selectBackup(QTableView *table, const QString &backupId)
{
    table->selectRow(rowOf(table, backupId));
}

bool hasJob(JobManager *jobs, const QString &kind)
{
    const QList<Job *> all = jobs->jobs();
    return std::any_of(all.begin(), all.end(), [&](const Job *job) { return job->kind() == kind; });
}

// Clicks `button` of the next message box that shows up (whether it was opened with open() or
// exec()), from a timer: the click is queued before the box exists.
void answerWhenAsked(QMessageBox::StandardButton button)
{
    auto *timer = new QTimer;
    timer->setInterval(50);
    auto *elapsed = new QElapsedTimer;
    elapsed->start();
    QObject::connect(timer, &QTimer::timeout, timer, [timer, elapsed, button] {
        bool answered = false;
        const QWidgetList widgets = QApplication::topLevelWidgets();
        for (QWidget *widget : widgets) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (box && box->isVisible() && box->button(button)) {
                QTest::mouseClick(box->button(button), Qt::LeftButton);
                answered = true;
                break;
            }
        }
        if (answered || elapsed->elapsed() > ServerTimeoutMs) {
            timer->stop();
            delete elapsed;
            timer->deleteLater();
        }
    });
    timer->start();
}

} // namespace

class TestBackups : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        initGuiResources();
        REQUIRE_PG_MAJOR(PgCluster::defaultMajor());
        m_cluster = std::make_unique<PgCluster>();
        QVERIFY_OK(m_cluster->start());
        QVERIFY_OK(m_cluster->execute(QStringLiteral("CREATE DATABASE shop")));
        QVERIFY_OK(m_cluster->execute(
                QStringLiteral(
                        "CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);"
                        "INSERT INTO customers (name) SELECT 'customer ' || g "
                        "  FROM generate_series(1, 20) g;"
                        "CREATE TABLE orders (id integer GENERATED ALWAYS AS IDENTITY PRIMARY "
                        "  KEY, customer integer, total numeric(10,2));"
                        "INSERT INTO orders (customer, total) SELECT g % 20 + 1, g * 1.5 "
                        "  FROM generate_series(1, 137) g;"
                        "CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;"
                        "CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql "
                        "  AS 'SELECT count(*) FROM orders';"
                        "CREATE SCHEMA audit;"
                        "CREATE TABLE audit.log (at timestamptz DEFAULT now(), what text);"
                        "INSERT INTO audit.log (what) VALUES ('created');"),
                QStringLiteral("shop")));
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void modelPassesTheTester()
    {
        BackupListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        BackupEntry complete;
        complete.id = QStringLiteral("20261124T190405Z-dump");
        complete.state = BackupEntry::State::Complete;
        BackupManifest manifest;
        manifest.id = complete.id;
        manifest.startedAt = QDateTime(QDate(2026, 11, 24), QTime(19, 4, 5), Qt::UTC);
        manifest.finishedAt = manifest.startedAt.addSecs(75);
        manifest.databases = {QStringLiteral("shop")};
        manifest.files = {StoredFile{QStringLiteral("db-1.pgdump.zst"), 1000, 5000, {}}};
        complete.manifest = manifest;
        BackupEntry debris;
        debris.id = QStringLiteral("20261125T080000Z-dump");
        debris.state = BackupEntry::State::Debris;
        model.setEntries({complete, debris});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(&model, 0, BackupListModel::StatusColumn), QStringLiteral("Complete"));
        QCOMPARE(cell(&model, 1, BackupListModel::StatusColumn),
                 QStringLiteral("Incomplete (debris)"));
        QVERIFY(model.index(0, 0).data(BackupListModel::RestorableRole).toBool());
        // Debris is never offered for restore.
        QVERIFY(!model.index(1, 0).data(BackupListModel::RestorableRole).toBool());
        QCOMPARE(model.index(0, BackupListModel::RawSizeColumn).data(BackupListModel::SortRole),
                 QVariant(qint64(5000)));
        QCOMPARE(model.index(0, BackupListModel::DurationColumn).data(BackupListModel::SortRole),
                 QVariant(qint64(75)));

        model.setVerified(complete.id, {QStringLiteral("db-1.pgdump.zst: checksum mismatch")});
        QCOMPARE(cell(&model, 0, BackupListModel::StatusColumn), QStringLiteral("Damaged"));
        QVERIFY(!model.index(0, 0).data(BackupListModel::RestorableRole).toBool());
        model.setEntries({complete}); // a new scan keeps what verify found
        QCOMPARE(cell(&model, 0, BackupListModel::StatusColumn), QStringLiteral("Damaged"));
    }

    void newDumpDialogUsesTheDatabaseFlags()
    {
        // Templates and connectability come from pg_database, not from the names.
        const auto database = [](const char *name, bool isTemplate, bool allowsConnections) {
            ServerFacts::Database db;
            db.name = QString::fromLatin1(name);
            db.sizeBytes = 1000;
            db.isTemplate = isTemplate;
            db.allowsConnections = allowsConnections;
            return db;
        };
        NewDumpDialog dialog(QStringLiteral("server"),
                             {database("archive", false, false), database("golden", true, true),
                              database("shop", false, true), database("template0", true, false),
                              database("template1", true, true)},
                             QString());
        auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("databasesTreeWidget"));
        QStringList listed;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            listed.append(list->topLevelItem(i)->text(0));
        QCOMPARE(listed, (QStringList{QStringLiteral("archive"), QStringLiteral("golden"),
                                      QStringLiteral("shop"), QStringLiteral("template1")}));
        QVERIFY(!(list->topLevelItem(0)->flags() & Qt::ItemIsEnabled)); // cannot be dumped
        QVERIFY(list->topLevelItem(0)->toolTip(0).contains(QStringLiteral("connections")));
        dialog.findChild<QCheckBox *>(QStringLiteral("allDatabasesCheckBox"))->setChecked(true);
        QCOMPARE(dialog.checkedDatabases(), QStringList{QStringLiteral("shop")});
    }

    void dumpAndRestoreOneTable()
    {
        Window w(*m_cluster);
        QVERIFY(!w.profile.isNull());
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(w.window->session()->state() == ServerSession::State::Ready,
                                 ServerTimeoutMs);
        auto *tabs = w.window->findChild<QTabWidget *>(QStringLiteral("serverTabWidget"));
        tabs->setCurrentWidget(w.page());

        // No backups yet: the empty state offers a dump.
        QTRY_VERIFY(findVisible<QWidget>(w.page(), QStringLiteral("backupsEmptyState")));
        auto *emptyNewDump
                = findVisible<QPushButton>(w.page(), QStringLiteral("emptyNewDumpButton"));
        QVERIFY(emptyNewDump);
        QVERIFY(emptyNewDump->isEnabled());
        saveScreenshot(w.window.get(), QStringLiteral("backups-empty"));

        // New dump…: check "shop" only.
        QTest::mouseClick(findVisible<QToolButton>(w.page(), QStringLiteral("newDumpButton")),
                          Qt::LeftButton);
        NewDumpDialog *dumpDialog = nullptr;
        QTRY_VERIFY((dumpDialog = findTopLevel<NewDumpDialog>()) != nullptr);
        auto *databases
                = dumpDialog->findChild<QTreeWidget *>(QStringLiteral("databasesTreeWidget"));
        QVERIFY(databases);
        const QList<QTreeWidgetItem *> shop
                = databases->findItems(QStringLiteral("shop"), Qt::MatchExactly);
        QCOMPARE(shop.size(), 1);
        QVERIFY(!shop.constFirst()->text(1).isEmpty()); // its size
        auto *start = dumpDialog->findChild<QPushButton *>(QStringLiteral("startDumpButton"));
        QVERIFY(!start->isEnabled()); // nothing chosen yet ("postgres" is not preselected)
        // "All databases" checks every database but the templates, and gives the choice back.
        auto *all = dumpDialog->findChild<QCheckBox *>(QStringLiteral("allDatabasesCheckBox"));
        QTest::keyClick(all, Qt::Key_Space);
        QVERIFY(dumpDialog->options().allDatabases);
        QVERIFY(start->isEnabled());
        QVERIFY(!dumpDialog->checkedDatabases().contains(QStringLiteral("template1")));
        QVERIFY(dumpDialog->checkedDatabases().contains(QStringLiteral("shop")));
        QTest::keyClick(all, Qt::Key_Space);
        QVERIFY(!start->isEnabled());
        shop.constFirst()->setCheckState(0, Qt::Checked);
        QVERIFY(start->isEnabled());
        QCOMPARE(dumpDialog->options().databases, QStringList{QStringLiteral("shop")});
        QVERIFY(showsText(dumpDialog, QStringLiteral("rough guess")));
        saveScreenshot(dumpDialog, QStringLiteral("newdump-dialog"));
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY(!dumpDialog->isVisible());

        // The job runs in the job panel and succeeds; the table lists the complete backup.
        Job *dump = waitForJob(w.fixture.jobs(), QStringLiteral("dump"));
        QVERIFY2(dump && dump->state() == Job::State::Succeeded, qPrintable(describe(dump)));
        auto *panel = w.window->findChild<JobPanel *>();
        QVERIFY(panel && !panel->rows().isEmpty());
        QTRY_VERIFY(showsText(panel, QStringLiteral("Done")));
        const QString backupId = dump->resultData().value(QStringLiteral("backupId")).toString();
        QVERIFY(!backupId.isEmpty());
        QTableView *table = w.table();
        QTRY_VERIFY(table && table->isVisible() && table->model()->rowCount() == 1);
        QTRY_COMPARE(cell(table->model(), 0, BackupListModel::StatusColumn),
                     QStringLiteral("Complete"));
        QCOMPARE(table->model()->index(0, 0).data(BackupListModel::BackupIdRole).toString(),
                 backupId);
        QCOMPARE(cell(table->model(), 0, BackupListModel::DatabasesColumn), QStringLiteral("shop"));
        const QString startedCell = cell(table->model(), 0, BackupListModel::StartedColumn);
        QCOMPARE(cell(table->model(), 0, BackupListModel::ServerVersionColumn),
                 m_cluster->version());
        table->selectRow(0);
        saveScreenshot(w.window.get(), QStringLiteral("backups-page"));

        // Restore…: only public.orders, into a new database on the same server.
        auto *restoreButton
                = findVisible<QToolButton>(w.page(), QStringLiteral("restoreBackupButton"));
        QVERIFY(restoreButton->isEnabled());
        QTest::mouseClick(restoreButton, Qt::LeftButton);
        RestoreDumpDialog *restoreDialog = nullptr;
        QTRY_VERIFY((restoreDialog = findTopLevel<RestoreDumpDialog>()) != nullptr);
        // The header names the backup's date as the table does.
        QVERIFY2(showsText(restoreDialog, startedCell), qPrintable(startedCell));
        QTRY_VERIFY_WITH_TIMEOUT(restoreDialog->isContentLoaded(), ServerTimeoutMs);
        QStandardItemModel *content = restoreDialog->contentModel();
        QAbstractItemModelTester tester(content,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<QStandardItem *> publicSchema = content->findItems(QStringLiteral("public"));
        QCOMPARE(publicSchema.size(), 1);
        QCOMPARE(content->findItems(QStringLiteral("audit")).size(), 1);
        QStandardItem *orders = nullptr;
        QStringList children;
        for (int row = 0; row < publicSchema.constFirst()->rowCount(); ++row) {
            QStandardItem *item = publicSchema.constFirst()->child(row);
            children.append(item->text());
            if (item->text() == QLatin1String("orders"))
                orders = item;
        }
        QVERIFY2(orders, qPrintable(children.join(QLatin1Char(','))));
        QVERIFY(children.contains(QStringLiteral("big_orders")));
        QVERIFY(children.contains(QStringLiteral("order_count()")));

        QTest::mouseClick(
                restoreDialog->findChild<QPushButton *>(QStringLiteral("selectNoneButton")),
                Qt::LeftButton);
        auto *startRestore
                = restoreDialog->findChild<QPushButton *>(QStringLiteral("startRestoreButton"));
        QVERIFY(!startRestore->isEnabled()); // nothing chosen
        orders->setCheckState(Qt::Checked);
        QCOMPARE(publicSchema.constFirst()->checkState(), Qt::PartiallyChecked);
        QCOMPARE(restoreDialog->options().tables, QStringList{QStringLiteral("public.orders")});
        QVERIFY(restoreDialog->options().schemas.isEmpty());
        QVERIFY(showsText(restoreDialog, QStringLiteral("Restoring table public.orders.")));

        auto *targetName
                = restoreDialog->findChild<QLineEdit *>(QStringLiteral("targetDatabaseLineEdit"));
        QCOMPARE(targetName->text(), QStringLiteral("shop_restored"));
        targetName->clear();
        QTest::keyClicks(targetName, QStringLiteral("orders_only"));
        QVERIFY(restoreDialog->findChild<QCheckBox *>(QStringLiteral("createDatabaseCheckBox"))
                        ->isChecked());
        QCOMPARE(restoreDialog->targetProfile().id(), w.profile.id());
        restoreDialog->findChild<QTreeView *>(QStringLiteral("contentTreeView"))->expandAll();
        saveScreenshot(restoreDialog, QStringLiteral("restore-dialog"));
        QVERIFY(startRestore->isEnabled());
        QTest::mouseClick(startRestore, Qt::LeftButton);
        QTRY_VERIFY(!restoreDialog->isVisible());

        Job *restore = waitForJob(w.fixture.jobs(), QStringLiteral("restore-dump"));
        QVERIFY2(restore && restore->state() == Job::State::Succeeded,
                 qPrintable(describe(restore)));

        // Exactly that table, with all its rows.
        const Result<QString> tables = m_cluster->scalar(
                QStringLiteral("SELECT string_agg(table_schema || '.' || table_name, ',' "
                               "ORDER BY 1) FROM information_schema.tables "
                               "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"),
                QStringLiteral("orders_only"));
        QVERIFY_OK(tables);
        QCOMPARE(*tables, QStringLiteral("public.orders"));
        const Result<QString> rows = m_cluster->scalar(
                QStringLiteral("SELECT count(*) FROM orders"), QStringLiteral("orders_only"));
        QVERIFY_OK(rows);
        QCOMPARE(*rows, QStringLiteral("137"));
        saveScreenshot(w.window.get(), QStringLiteral("backups-after-restore"));
    }

    void filterDeleteAndShortcuts()
    {
        Window w(*m_cluster);
        QVERIFY_OK(dumpDirectly(*m_cluster, w.repository.path(), w.fixture.jobs()));
        QVERIFY_OK(dumpDirectly(*m_cluster, w.repository.path(), w.fixture.jobs()));
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        w.window->findChild<QTabWidget *>(QStringLiteral("serverTabWidget"))
                ->setCurrentWidget(w.page());
        QTableView *table = w.table();
        QTRY_VERIFY_WITH_TIMEOUT(table->isVisible() && table->model()->rowCount() == 2,
                                 ServerTimeoutMs);

        // Newest first.
        const QString newer
                = table->model()->index(0, 0).data(BackupListModel::BackupIdRole).toString();
        const QString older
                = table->model()->index(1, 0).data(BackupListModel::BackupIdRole).toString();
        QVERIFY2(newer > older, qPrintable(newer + QStringLiteral(" / ") + older));

        // Ctrl+F goes to the filter; the filter narrows the table (ids match too).
        QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
        auto *filter = w.child<QLineEdit>(QStringLiteral("backupFilterLineEdit"));
        QTRY_VERIFY(filter->hasFocus());
        // Two dumps in one second are "…Z-dump" and "…Z-dump-2": type the one that is not a
        // prefix of the other.
        const QString needle = newer.startsWith(older) ? newer : older;
        QTest::keyClicks(filter, needle);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data(BackupListModel::BackupIdRole).toString(),
                 needle);
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("no such backup"));
        QCOMPARE(table->model()->rowCount(), 0);
        QVERIFY(findVisible<QLabel>(w.page(), QStringLiteral("noMatchingBackupsLabel")));
        saveScreenshot(w.window.get(), QStringLiteral("backups-filter-no-match"));
        filter->clear();
        QCOMPARE(table->model()->rowCount(), 2);

        // Sorting by stored size uses the numbers, not the texts.
        table->sortByColumn(BackupListModel::StoredSizeColumn, Qt::AscendingOrder);
        const qint64 first = table->model()
                                     ->index(0, BackupListModel::StoredSizeColumn)
                                     .data(BackupListModel::SortRole)
                                     .toLongLong();
        const qint64 second = table->model()
                                      ->index(1, BackupListModel::StoredSizeColumn)
                                      .data(BackupListModel::SortRole)
                                      .toLongLong();
        QVERIFY(first > 0 && first <= second);

        // Delete, answered No (the default): the Delete key asks, naming the backup; nothing
        // changes.
        const QString newerPath = w.model()->entry(w.model()->indexOf(newer))->path;
        selectBackup(table, newer);
        table->setFocus();
        auto *deleteButton
                = findVisible<QToolButton>(w.page(), QStringLiteral("deleteBackupButton"));
        QVERIFY(deleteButton);
        QVERIFY(deleteButton->isEnabled());
        QCOMPARE(deleteButton->text(), QStringLiteral("Delete…"));
        QTest::keyClick(table, Qt::Key_Delete);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = findTopLevel<QMessageBox>()) != nullptr);
        QVERIFY2(box->text().contains(newer), qPrintable(box->text()));
        const QString facts = box->informativeText();
        QVERIFY2(facts.contains(QStringLiteral("Dump")), qPrintable(facts));
        QVERIFY2(facts.contains(QStringLiteral("shop")), qPrintable(facts));
        QVERIFY2(facts.contains(cell(table->model(), rowOf(table, newer),
                                     BackupListModel::StoredSizeColumn)),
                 qPrintable(facts));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::No));
        saveScreenshot(box, QStringLiteral("delete-backup-question"));
        QTest::keyClick(box, Qt::Key_Return); // the default button: No
        QTRY_VERIFY(!findTopLevel<QMessageBox>());
        QTest::qWait(200);
        QVERIFY(!hasJob(w.fixture.jobs(), QStringLiteral("delete-backup")));
        QCOMPARE(table->model()->rowCount(), 2);
        QVERIFY(QFileInfo(newerPath).isDir());

        // Delete, answered Yes: the job runs, and the backup leaves the table and the disk.
        answerWhenAsked(QMessageBox::Yes);
        QTest::mouseClick(deleteButton, Qt::LeftButton);
        Job *deleted = waitForJob(w.fixture.jobs(), QStringLiteral("delete-backup"));
        QVERIFY2(deleted && deleted->state() == Job::State::Succeeded,
                 qPrintable(describe(deleted)));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data(BackupListModel::BackupIdRole).toString(), older);
        QVERIFY(!QFileInfo::exists(newerPath));
        const QStringList left
                = QDir(QFileInfo(newerPath).path())
                          .entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
        QCOMPARE(left, QStringList{older});

        // Debris is offered for removal, labelled as such.
        const QString debris = QStringLiteral("20200101T000000Z-dump");
        const QString debrisPath = QFileInfo(newerPath).path() + QLatin1Char('/') + debris;
        QVERIFY(QDir().mkpath(debrisPath + QStringLiteral("/db-1")));
        w.page()->refresh();
        QTRY_COMPARE(table->model()->rowCount(), 2);
        selectBackup(table, debris);
        QTRY_COMPARE(deleteButton->text(), QStringLiteral("Remove Debris…"));
        QVERIFY(deleteButton->isEnabled());
        answerWhenAsked(QMessageBox::Yes);
        QTest::mouseClick(deleteButton, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, JobTimeoutMs);
        QVERIFY(!QFileInfo::exists(debrisPath));
    }

    void verifyFindsADamagedBackup()
    {
        Window w(*m_cluster);
        QVERIFY_OK(dumpDirectly(*m_cluster, w.repository.path(), w.fixture.jobs()));

        // Flip one byte in the middle of the stored archive.
        QString archive;
        QDirIterator it(w.repository.path(), {QStringLiteral("*.pgdump.zst")}, QDir::Files,
                        QDirIterator::Subdirectories);
        if (it.hasNext())
            archive = it.next();
        QVERIFY(!archive.isEmpty());
        QFile file(archive);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 at = file.size() / 2;
        QVERIFY(file.seek(at));
        char byte = 0;
        QVERIFY(file.getChar(&byte));
        QVERIFY(file.seek(at));
        QVERIFY(file.putChar(char(byte ^ 0x5a)));
        file.close();

        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        w.window->findChild<QTabWidget *>(QStringLiteral("serverTabWidget"))
                ->setCurrentWidget(w.page());
        QTableView *table = w.table();
        QTRY_VERIFY_WITH_TIMEOUT(table->isVisible() && table->model()->rowCount() == 1,
                                 ServerTimeoutMs);
        // Nothing has read the files yet: the manifest says complete. (The page was open while
        // the dump ran, so it may still show the "in progress" row until its rescan is in.)
        QTRY_COMPARE(cell(table->model(), 0, BackupListModel::StatusColumn),
                     QStringLiteral("Complete"));
        table->selectRow(0);
        auto *verify = findVisible<QToolButton>(w.page(), QStringLiteral("verifyBackupButton"));
        QVERIFY(verify->isEnabled());
        QTest::mouseClick(verify, Qt::LeftButton);

        Job *job = waitForJob(w.fixture.jobs(), QStringLiteral("verify"));
        QVERIFY(job);
        QCOMPARE(job->state(), Job::State::Failed);
        QTRY_COMPARE(cell(table->model(), 0, BackupListModel::StatusColumn),
                     QStringLiteral("Damaged"));
        const QString tip = table->model()
                                    ->index(0, BackupListModel::StatusColumn)
                                    .data(Qt::ToolTipRole)
                                    .toString();
        QVERIFY2(tip.contains(QStringLiteral(".pgdump.zst")), qPrintable(tip));
        table->selectRow(0);
        QVERIFY(!findVisible<QToolButton>(w.page(), QStringLiteral("restoreBackupButton"))
                         ->isEnabled());
        saveScreenshot(w.window.get(), QStringLiteral("backups-damaged"));
    }

private:
    std::unique_ptr<PgCluster> m_cluster;
};

QTEST_MAIN(TestBackups)
#include "tst_backups.moc"
