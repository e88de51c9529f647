#include "tools/ClientToolsStatus.h"
#include "tools/ToolLocator.h"
#include "tools/ToolVersion.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault;

namespace {

// A fake PostgreSQL program: prints a version line and counts its runs in <path>.runs.
bool writeTool(const QString &dir, const QString &tool, const QString &versionLine,
               int exitCode = 0)
{
    if (!QDir().mkpath(dir))
        return false;
    const QString path = QDir(dir).filePath(tool);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QString script = QStringLiteral("#!/bin/sh\n"
                                          "echo x >> \"$0.runs\"\n"
                                          "echo '%1'\n"
                                          "exit %2\n")
                                   .arg(versionLine)
                                   .arg(exitCode);
    f.write(script.toUtf8());
    f.close();
    return f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                            | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                            | QFile::ExeOther);
}

int runs(const QString &toolPath)
{
    QFile f(toolPath + QStringLiteral(".runs"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return int(f.readAll().count('\n'));
}

QString line(const QString &tool, const QString &version)
{
    return QStringLiteral("%1 (PostgreSQL) %2 (Debian %2-1.pgdg120+1)").arg(tool, version);
}

} // namespace

class TestToolLocator : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_root;  // fake /usr/lib/postgresql
    QString m_extra; // fake --pg-bin directory

    ToolLocator::Options fakeOptions() const
    {
        ToolLocator::Options o;
        o.systemRoot = m_root;
        o.searchPath = false;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_root = m_tmp.filePath(QStringLiteral("usr-lib-postgresql"));
        m_extra = m_tmp.filePath(QStringLiteral("extra/bin"));
        for (const auto &[major, version] :
             {std::pair{14, QStringLiteral("14.11")}, std::pair{16, QStringLiteral("16.3")},
              std::pair{17, QStringLiteral("17.1")}}) {
            const QString bin = QStringLiteral("%1/%2/bin").arg(m_root).arg(major);
            for (const QString &tool : {QStringLiteral("pg_dump"), QStringLiteral("pg_restore"),
                                        QStringLiteral("pg_ctl"), QStringLiteral("initdb")})
                QVERIFY(writeTool(bin, tool, line(tool, version)));
        }
        // 18 only has a development build of pg_dump.
        QVERIFY(writeTool(m_root + QStringLiteral("/18/bin"), QStringLiteral("pg_dump"),
                          QStringLiteral("pg_dump (PostgreSQL) 18devel")));
        QVERIFY(writeTool(m_extra, QStringLiteral("pg_dump"),
                          line(QStringLiteral("pg_dump"), QStringLiteral("16.9"))));
    }

    void parseVersions_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<int>("major");
        QTest::addColumn<int>("minor");
        QTest::newRow("debian") << QStringLiteral(
                "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n")
                                << 15 << 20;
        QTest::newRow("plain") << QStringLiteral("initdb (PostgreSQL) 17.2") << 17 << 2;
        QTest::newRow("devel") << QStringLiteral("postgres (PostgreSQL) 18devel") << 18 << 0;
        QTest::newRow("beta") << QStringLiteral("pg_ctl (PostgreSQL) 18beta1") << 18 << 0;
        QTest::newRow("old") << QStringLiteral("pg_dump (PostgreSQL) 9.6.24") << 9 << 624;
    }

    void parseVersions()
    {
        QFETCH(QString, output);
        QFETCH(int, major);
        QFETCH(int, minor);
        const std::optional<ToolVersion> v = ToolVersion::parse(output);
        QVERIFY(v);
        QCOMPARE(v->major, major);
        QCOMPARE(v->minor, minor);
        QVERIFY(!v->text.contains(QLatin1Char('\n')));
    }

    void parseGarbage()
    {
        QVERIFY(!ToolVersion::parse(QStringLiteral("usage: pg_dump [OPTION]...")));
        QVERIFY(!ToolVersion::parse(QString()));
        QCOMPARE(ToolVersion::parse(QStringLiteral("pg_dump (PostgreSQL) 15.20"))->versionNum(),
                 150020);
    }

    void searchOrder()
    {
        ToolLocator::Options o = fakeOptions();
        o.extraDirs = {m_extra, m_tmp.filePath(QStringLiteral("does-not-exist"))};
        const ToolLocator locator(o);
        const QStringList dirs = locator.searchDirs();
        QCOMPARE(dirs.size(), 5);
        QCOMPARE(dirs.at(0), m_extra);
        QVERIFY(dirs.at(1).endsWith(QLatin1String("/18/bin"))); // newest major first
        QVERIFY(dirs.at(4).endsWith(QLatin1String("/14/bin")));
    }

    void clientToolPrefersExactMajor()
    {
        const ToolLocator locator(fakeOptions());
        const Result<QString> r = locator.find(QStringLiteral("pg_dump"), 16);
        QVERIFY(r.ok());
        QCOMPARE(*r, m_root + QStringLiteral("/16/bin/pg_dump"));
        const Result<ToolCandidate> c = locator.locate(QStringLiteral("pg_restore"), 14);
        QVERIFY(c.ok());
        QCOMPARE(c->version.major, 14);
    }

    void clientToolFallsBackToNewest()
    {
        const ToolLocator locator(fakeOptions());
        // No 15: the newest newer one (18devel for pg_dump, 17 for pg_restore).
        QCOMPARE(*locator.find(QStringLiteral("pg_dump"), 15),
                 m_root + QStringLiteral("/18/bin/pg_dump"));
        QCOMPARE(*locator.find(QStringLiteral("pg_restore"), 15),
                 m_root + QStringLiteral("/17/bin/pg_restore"));
        // Never an older one.
        const Result<QString> tooNew = locator.find(QStringLiteral("pg_restore"), 18);
        QVERIFY(!tooNew.ok());
        // minimumMajor 0: the newest of all.
        QCOMPARE(*locator.find(QStringLiteral("pg_restore"), 0),
                 m_root + QStringLiteral("/17/bin/pg_restore"));
    }

    void extraDirsWinForTheSameMajor()
    {
        ToolLocator locator(fakeOptions());
        locator.setExtraDirs({m_extra});
        QCOMPARE(locator.extraDirs(), QStringList{m_extra});
        QCOMPARE(*locator.find(QStringLiteral("pg_dump"), 16),
                 m_extra + QStringLiteral("/pg_dump"));
    }

    void missingClientToolNamesPackage()
    {
        const ToolLocator locator(fakeOptions());
        const Result<QString> r = locator.find(QStringLiteral("pg_restore"), 18);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::ToolMissing);
        const QString message = r.error().message();
        QVERIFY2(message.contains(QLatin1String("pg_restore")), qPrintable(message));
        QVERIFY(message.contains(QLatin1String("18")));
        QVERIFY(message.contains(QLatin1String("postgresql-client-18")));
        QVERIFY(message.contains(QLatin1String("--pg-bin")));
        // The detail lists where we looked and what was there.
        QVERIFY(r.error().detail().contains(m_root));
        QVERIFY(r.error().detail().contains(QLatin1String("17.1")));
    }

    void serverToolsMustMatchExactly()
    {
        const ToolLocator locator(fakeOptions());
        QCOMPARE(*locator.findExact(QStringLiteral("pg_ctl"), 16),
                 m_root + QStringLiteral("/16/bin/pg_ctl"));
        const Result<QString> r = locator.findExact(QStringLiteral("initdb"), 15);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::ToolMissing);
        QVERIFY(r.error().message().contains(QLatin1String("initdb of PostgreSQL 15 ")));
        QVERIFY(r.error().message().contains(QLatin1String("postgresql-15 ")));
        QCOMPARE(ToolLocator::debianPackage(QStringLiteral("pg_ctl"), 16),
                 QStringLiteral("postgresql-16"));
        QCOMPARE(ToolLocator::debianPackage(QStringLiteral("pg_dump"), 16),
                 QStringLiteral("postgresql-client-16"));
    }

    void versionsAreCached()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("cache/bin"));
        QVERIFY(writeTool(dir, QStringLiteral("pg_dump"),
                          line(QStringLiteral("pg_dump"), QStringLiteral("16.1"))));
        const QString path = QDir(dir).filePath(QStringLiteral("pg_dump"));
        ToolLocator::Options o;
        o.extraDirs = {dir};
        o.searchSystemDirs = false;
        o.searchPath = false;
        const ToolLocator locator(o);
        QCOMPARE(locator.versionOf(path)->major, 16);
        QVERIFY(locator.find(QStringLiteral("pg_dump"), 16).ok());
        QVERIFY(locator.find(QStringLiteral("pg_dump"), 15).ok());
        QCOMPARE(runs(path), 1);

        // A replaced binary (new size/mtime) is asked again.
        QVERIFY(writeTool(dir, QStringLiteral("pg_dump"),
                          line(QStringLiteral("pg_dump"), QStringLiteral("17.10"))));
        QCOMPARE(locator.versionOf(path)->major, 17);
        QCOMPARE(runs(path), 2);
    }

    void brokenProgramsAreIgnored()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("broken/bin"));
        QVERIFY(writeTool(dir, QStringLiteral("pg_dump"), QStringLiteral("segfault"), 139));
        QVERIFY(writeTool(dir, QStringLiteral("pg_restore"), QStringLiteral("not a version")));
        ToolLocator::Options o;
        o.extraDirs = {dir};
        o.searchSystemDirs = false;
        o.searchPath = false;
        const ToolLocator locator(o);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("ignoring .*/pg_dump")));
        QVERIFY(locator.candidates(QStringLiteral("pg_dump")).isEmpty());
        const Result<ToolVersion> v
                = locator.versionOf(QDir(dir).filePath(QStringLiteral("pg_restore")));
        QVERIFY(!v.ok());
        QVERIFY(v.error().detail().contains(QLatin1String("not a version")));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("ignoring .*/pg_restore")));
        QCOMPARE(locator.find(QStringLiteral("pg_restore"), 15).error().code(),
                 ErrorCode::ToolMissing);
    }

    void pathIsSearchedButDebianWrapperSkipped()
    {
        const QString pathDir = m_tmp.filePath(QStringLiteral("path/bin"));
        QVERIFY(writeTool(pathDir, QStringLiteral("pg_wrapper"),
                          line(QStringLiteral("pg_dump"), QStringLiteral("15.2"))));
        QVERIFY(QFile::link(QStringLiteral("pg_wrapper"),
                            QDir(pathDir).filePath(QStringLiteral("pg_dump"))));
        QVERIFY(writeTool(pathDir, QStringLiteral("pg_restore"),
                          line(QStringLiteral("pg_restore"), QStringLiteral("15.2"))));
        ToolLocator::Options o;
        o.searchSystemDirs = false;
        o.path = m_tmp.filePath(QStringLiteral("nowhere")) + QLatin1Char(':') + pathDir;
        const ToolLocator locator(o);
        QVERIFY(locator.candidates(QStringLiteral("pg_dump")).isEmpty());
        QCOMPARE(*locator.find(QStringLiteral("pg_restore"), 15),
                 QDir(pathDir).filePath(QStringLiteral("pg_restore")));
    }

    void installations()
    {
        const ToolLocator locator(fakeOptions());
        const QList<PgInstallation> all = locator.installations();
        QCOMPARE(all.size(), 4);
        QCOMPARE(all.at(0).major, 18);
        QCOMPARE(all.at(1).major, 17);
        QCOMPARE(all.at(3).major, 14);
        QVERIFY(all.at(1).tools.contains(QStringLiteral("initdb")));
        QVERIFY(all.at(1).versionText.contains(QLatin1String("17.1")));
    }

    void clientToolsStatus()
    {
        const ToolLocator locator(fakeOptions());
        const ClientToolsStatus s16 = ClientToolsStatus::check(locator, 16);
        QCOMPARE(s16.serverMajor, 16);
        QVERIFY(s16.allFound());
        QCOMPARE(s16.tool(QStringLiteral("pg_ctl"))->version->major, 16);
        QVERIFY(s16.tool(QStringLiteral("pg_ctl"))->exactMajor);
        QVERIFY(!s16.tool(QStringLiteral("pg_dump"))->exactMajor);

        const ClientToolsStatus s15 = ClientToolsStatus::check(locator, 15);
        // pg_dump/pg_restore: newer ones are fine; pg_ctl/initdb: 15 is missing.
        QCOMPARE(s15.missingTools(),
                 (QStringList{QStringLiteral("pg_ctl"), QStringLiteral("initdb")}));
        QCOMPARE(s15.tool(QStringLiteral("pg_restore"))->version->major, 17);
        QVERIFY(s15.tool(QStringLiteral("initdb"))
                        ->error->message()
                        .contains(QLatin1String("postgresql-15")));
        QVERIFY(!s15.tool(QStringLiteral("nonsense")));
    }

    void realInstallation()
    {
        // Debian 12's postgresql-15 (a build and CI dependency).
        const QString bin = QStringLiteral("/usr/lib/postgresql/15/bin");
        QVERIFY2(QFile::exists(bin + QStringLiteral("/pg_dump")),
                 "postgresql-15 must be installed");
        const ToolLocator locator;
        QVERIFY(locator.searchDirs().contains(bin));
        const Result<ToolCandidate> dump = locator.locate(QStringLiteral("pg_dump"), 15);
        QVERIFY(dump.ok());
        QCOMPARE(dump->version.major, 15);
        // Any newer installed client is acceptable, but a 15 one is preferred.
        QCOMPARE(dump->path, bin + QStringLiteral("/pg_dump"));
        QCOMPARE(*locator.findExact(QStringLiteral("initdb"), 15), bin + QStringLiteral("/initdb"));
        QCOMPARE(*locator.findExact(QStringLiteral("pg_ctl"), 15), bin + QStringLiteral("/pg_ctl"));
        const ClientToolsStatus status = ClientToolsStatus::check(locator, 15);
        QVERIFY2(status.allFound(), qPrintable(status.missingTools().join(QLatin1Char(' '))));
        // /usr/bin/pg_dump is Debian's pg_wrapper: never chosen.
        for (const ToolCandidate &c : locator.candidates(QStringLiteral("pg_dump")))
            QVERIFY2(!c.path.startsWith(QLatin1String("/usr/bin/")), qPrintable(c.path));
        const Result<QString> future = locator.find(QStringLiteral("pg_dump"), 99);
        QVERIFY(!future.ok());
        QVERIFY(future.error().message().contains(QLatin1String("postgresql-client-99")));
    }
};

QTEST_GUILESS_MAIN(TestToolLocator)
#include "tst_toollocator.moc"
