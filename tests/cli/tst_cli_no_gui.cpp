// pgvault-cli must run on servers without a display stack: its dynamic dependencies may not
// include QtGui or QtWidgets (STYLE.md §1: the linker keeps the layers honest).

#include "CliHarness.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>

class TestCliNoGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lddShowsNoGuiLibraries()
    {
        const QString cli = PgVault::Test::cliPath();
        QVERIFY2(QFileInfo(cli).isExecutable(),
                 qPrintable(QStringLiteral("PGVAULT_CLI=%1").arg(cli)));

        QProcess ldd;
        ldd.start(QStringLiteral("ldd"), {cli});
        QVERIFY2(ldd.waitForFinished(60000), "ldd did not finish");
        QCOMPARE(ldd.exitCode(), 0);
        const QString libraries = QString::fromLocal8Bit(ldd.readAllStandardOutput());

        QVERIFY2(libraries.contains(QStringLiteral("libQt6Core")), qPrintable(libraries));
        for (const char *forbidden :
             {"libQt6Gui", "libQt6Widgets", "libQt6OpenGL", "libGL", "libxcb"})
            QVERIFY2(!libraries.contains(QLatin1String(forbidden)),
                     qPrintable(QStringLiteral("%1 links %2:\n%3")
                                        .arg(cli, QLatin1String(forbidden), libraries)));
    }
};

QTEST_GUILESS_MAIN(TestCliNoGui)

#include "tst_cli_no_gui.moc"
