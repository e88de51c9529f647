// ProfileListModel and JobListModel under QAbstractItemModelTester, driven through their core
// sources (ProfileStore, JobManager).

#include "FakeJobs.h"
#include "GuiTestSupport.h"
#include "jobs/JobManager.h"
#include "models/JobListModel.h"
#include "models/ProfileListModel.h"
#include "settings/ProfileStore.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace PgVault;
using namespace PgVault::Test;

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void profileModelFollowsTheStore()
    {
        GuiFixture fixture;
        const Result<Profile> beta = fixture.profiles()->add(
                Profile::create(QStringLiteral("beta"), QStringLiteral("host=b port=5433")));
        QVERIFY(beta.ok());

        ProfileListModel model(fixture.profiles());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("beta"));
        QCOMPARE(model.index(0).data(ProfileListModel::AddressRole).toString(),
                 QStringLiteral("b:5433"));

        const Result<Profile> alpha = fixture.profiles()->add(
                Profile::create(QStringLiteral("Alpha"), QStringLiteral("host=a")));
        QVERIFY(alpha.ok());
        const Result<Profile> gamma = fixture.profiles()->add(
                Profile::create(QStringLiteral("gamma"), QStringLiteral("host=g")));
        QVERIFY(gamma.ok());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Alpha"));
        QCOMPARE(model.index(2).data().toString(), QStringLiteral("gamma"));

        // A rename moves the row, and a selection follows it.
        QItemSelectionModel selection(&model);
        selection.setCurrentIndex(model.indexOf(alpha->id()), QItemSelectionModel::ClearAndSelect);
        Profile renamed = alpha.value();
        renamed.setName(QStringLiteral("zeta"));
        QVERIFY(fixture.profiles()->update(renamed).ok());
        QCOMPARE(model.index(2).data().toString(), QStringLiteral("zeta"));
        QCOMPARE(model.profile(selection.currentIndex()).id(), alpha->id());

        // Status dots.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setStatus(gamma->id(), ServerStatus::Warnings);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.indexOf(gamma->id()).data(ProfileListModel::StatusRole).toInt(),
                 int(ServerStatus::Warnings));
        QVERIFY(!model.indexOf(gamma->id()).data(Qt::ToolTipRole).toString().isEmpty());

        QVERIFY(fixture.profiles()->remove(beta->id()).ok());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.indexOf(beta->id()).isValid());

        // reload() catches up with changes made behind the store's back.
        QVERIFY(fixture.profiles()->remove(gamma->id()).ok());
        model.reload();
        QCOMPARE(model.rowCount(), 1);
    }

    void jobModelFollowsTheManager()
    {
        JobManager manager;
        JobListModel model(&manager);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        auto *quick = new FakeCopyJob(QStringLiteral("Quick"), 1000, 100, 1);
        auto *failing = new FakeCopyJob(QStringLiteral("Failing"), 1000, 500, 1,
                                        FakeCopyJob::Ending::Fail);
        manager.add(quick);
        manager.add(failing);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Quick"));

        QTRY_VERIFY(quick->isFinished() && failing->isFinished());
        const QModelIndex quickIndex = model.indexOf(quick);
        QCOMPARE(quickIndex.data(JobListModel::StateRole).toInt(), int(Job::State::Succeeded));
        QCOMPARE(quickIndex.data(JobListModel::FractionRole).toDouble(), 1.0);
        QVERIFY(quickIndex.data(JobListModel::LogRole)
                        .toString()
                        .contains(QStringLiteral("started copying")));
        const QModelIndex failingIndex = model.indexOf(failing);
        QCOMPARE(failingIndex.data(JobListModel::StateRole).toInt(), int(Job::State::Failed));
        QVERIFY(failingIndex.data(JobListModel::ErrorMessageRole)
                        .toString()
                        .contains(QStringLiteral("full")));
        QVERIFY(failingIndex.data(JobListModel::ErrorDetailRole)
                        .toString()
                        .contains(QStringLiteral("ENOSPC")));

        manager.clearFinished();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
