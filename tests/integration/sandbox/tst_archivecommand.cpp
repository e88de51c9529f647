// ArchiveCommand: the archive_command line must survive PostgreSQL's %-substitution and then
// /bin/sh with paths holding spaces, quotes, '%' and '$'. Proven by running it: a stand-in
// "pgvault-cli" script prints the arguments it receives.

#include "sandbox/ArchiveCommand.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault;

namespace {

// What PostgreSQL's archiver does to archive_command before handing it to the shell
// (src/common/percentrepl.c): %p → path, %f → file name, %% → %, any other % is kept.
QString substitute(const QString &command, const QString &path, const QString &fileName)
{
    QString out;
    for (qsizetype i = 0; i < command.size(); ++i) {
        if (command.at(i) == QLatin1Char('%') && i + 1 < command.size()) {
            const QChar next = command.at(i + 1);
            if (next == QLatin1Char('p')) {
                out += path;
                ++i;
                continue;
            }
            if (next == QLatin1Char('f')) {
                out += fileName;
                ++i;
                continue;
            }
            if (next == QLatin1Char('%')) {
                out += QLatin1Char('%');
                ++i;
                continue;
            }
        }
        out += command.at(i);
    }
    return out;
}

} // namespace

class tst_ArchiveCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shellRoundTrip_data();
    void shellRoundTrip();
    void plainPathsStayReadable();
    void confValue();
};

void tst_ArchiveCommand::shellRoundTrip_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("repository");
    QTest::newRow("plain") << QStringLiteral("bin") << QStringLiteral("/srv/repo");
    QTest::newRow("spaces") << QStringLiteral("my bin") << QStringLiteral("/srv/my repo");
    QTest::newRow("quotes") << QStringLiteral("it's \"here\"") << QStringLiteral("/srv/o'brien");
    QTest::newRow("percent") << QStringLiteral("100% bin %p") << QStringLiteral("/srv/%f 50%");
    QTest::newRow("shell chars") << QStringLiteral("$HOME `x` ;&|")
                                 << QStringLiteral("/srv/$(rm -rf x)\\n*");
}

void tst_ArchiveCommand::shellRoundTrip()
{
    QFETCH(QString, folder);
    QFETCH(QString, repository);

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString dir = temp.path() + QLatin1Char('/') + folder;
    QVERIFY(QDir().mkpath(dir));
    const QString cli = dir + QStringLiteral("/pgvault-cli");
    QFile script(cli);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    const QString segment = QStringLiteral("pg_wal/000000010000000000000003");
    const QString command = substitute(ArchiveCommand::build(cli, repository), segment,
                                       QStringLiteral("000000010000000000000003"));
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    QVERIFY(shell.waitForFinished());
    QCOMPARE(shell.exitCode(), 0);
    const QStringList received = QString::fromUtf8(shell.readAllStandardOutput())
                                         .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(received, (QStringList{QStringLiteral("--repo"), repository,
                                    QStringLiteral("wal-push"), segment}));
}

void tst_ArchiveCommand::plainPathsStayReadable()
{
    QCOMPARE(ArchiveCommand::build(QStringLiteral("/usr/bin/pgvault-cli"),
                                   QStringLiteral("/var/lib/pgvault/repository")),
             QStringLiteral("/usr/bin/pgvault-cli --repo /var/lib/pgvault/repository wal-push %p"));
}

void tst_ArchiveCommand::confValue()
{
    QCOMPARE(ArchiveCommand::confValue(QStringLiteral("a b")), QStringLiteral("'a b'"));
    QCOMPARE(ArchiveCommand::confValue(QStringLiteral("it's")), QStringLiteral("'it''s'"));
    QCOMPARE(ArchiveCommand::confValue(QStringLiteral("a\\b")), QStringLiteral("'a\\\\b'"));
}

QTEST_GUILESS_MAIN(tst_ArchiveCommand)
#include "tst_archivecommand.moc"
