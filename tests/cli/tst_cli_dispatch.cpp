// In-process tests of pgvault-cli's command line: usage errors (exit 2), --help and --version,
// per-command and per-group help, global options before and after the command, the --json
// result object, unknown profiles, and the profile commands that need no server.

#include "CliHarness.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace PgVault::Test;

namespace {
QTemporaryDir *s_home = nullptr;
}

class TestCliDispatch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString config() const { return m_dir.filePath(QStringLiteral("pgvault.conf")); }
    CliResult run(QStringList arguments, const QByteArray &input = {})
    {
        arguments << QStringLiteral("--config") << config();
        return runInProcess(arguments, input);
    }

private Q_SLOTS:
    void init() { QFile::remove(config()); }

    void noArgumentsIsAUsageError()
    {
        const CliResult r = runInProcess({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("No command given.")), qPrintable(r.describe()));
        QVERIFY(r.err.contains(QStringLiteral("pgvault-cli --help")));
        QVERIFY(r.out.isEmpty());
    }

    void helpListsCommandsAndGlobalOptions()
    {
        for (const QStringList &args :
             {QStringList{QStringLiteral("--help")}, QStringList{QStringLiteral("-h")},
              QStringList{QStringLiteral("help")}}) {
            const CliResult r = runInProcess(args);
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.startsWith(QStringLiteral(
                    "Usage: pgvault-cli [global options] COMMAND [options] [arguments]\n")));
            for (const char *word :
                 {"profile add", "profile list", "profile remove", "profile test", "check",
                  "--repo DIR", "--json", "--quiet", "--verbose", "--pg-bin DIR", "--profile NAME",
                  "--conninfo STR", "--version", "--config FILE"}) {
                QVERIFY2(r.out.contains(QLatin1String(word)), word);
            }
            QVERIFY(r.err.isEmpty());
        }
    }

    void version()
    {
        const CliResult r = runInProcess({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out,
                 QStringLiteral("pgvault-cli %1\n").arg(QStringLiteral(PGVAULT_VERSION_STRING)));
    }

    void commandHelp_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("after") << QStringList{QStringLiteral("profile"), QStringLiteral("add"),
                                              QStringLiteral("--help")};
        QTest::newRow("before") << QStringList{QStringLiteral("--help"), QStringLiteral("profile"),
                                               QStringLiteral("add")};
        QTest::newRow("help word") << QStringList{QStringLiteral("help"), QStringLiteral("profile"),
                                                  QStringLiteral("add")};
    }
    void commandHelp()
    {
        QFETCH(QStringList, args);
        const CliResult r = runInProcess(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral(
                         "Usage: pgvault-cli profile add NAME --conninfo STR [--ask-password]\n")),
                 qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("Arguments:\n  NAME")));
        QVERIFY(r.out.contains(QStringLiteral("--ask-password")));
        QVERIFY(r.out.contains(QStringLiteral("Global options:")));
    }

    void everyCommandHasHelp()
    {
        for (const char *command :
             {"profile add", "profile list", "profile remove", "profile test", "check"}) {
            QStringList args = QString::fromLatin1(command).split(QLatin1Char(' '));
            args << QStringLiteral("--help");
            const CliResult r = runInProcess(args);
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.startsWith(
                             QStringLiteral("Usage: pgvault-cli %1").arg(QLatin1String(command))),
                     qPrintable(r.describe()));
        }
    }

    void groupHelpAndErrors()
    {
        CliResult r = runInProcess({QStringLiteral("profile"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(
                QStringLiteral("Usage: pgvault-cli [global options] profile COMMAND")));
        QVERIFY(r.out.contains(QStringLiteral("profile remove")));
        QVERIFY(!r.out.contains(QStringLiteral("check")));

        r = runInProcess({QStringLiteral("profile")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("“profile” needs a command.")),
                 qPrintable(r.describe()));
        QVERIFY(r.err.contains(QStringLiteral("pgvault-cli profile --help")));

        r = runInProcess({QStringLiteral("profile"), QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("“profile frobnicate” is not a command.")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("Unknown command “frobnicate”.");
        QTest::newRow("unknown global option")
                << QStringList{QStringLiteral("--frob"), QStringLiteral("check")}
                << QStringLiteral("Unknown option 'frob'.");
        QTest::newRow("unknown command option")
                << QStringList{QStringLiteral("profile"), QStringLiteral("list"),
                               QStringLiteral("--frob")}
                << QStringLiteral("Unknown option 'frob'.");
        QTest::newRow("missing argument")
                << QStringList{QStringLiteral("profile"), QStringLiteral("remove")}
                << QStringLiteral("Missing argument NAME.");
        QTest::newRow("extra argument")
                << QStringList{QStringLiteral("profile"), QStringLiteral("list"),
                               QStringLiteral("extra")}
                << QStringLiteral("Unexpected argument “extra”.");
        QTest::newRow("add without conninfo")
                << QStringList{QStringLiteral("profile"), QStringLiteral("add"),
                               QStringLiteral("x")}
                << QStringLiteral("Give the connection with --conninfo STR.");
        QTest::newRow("check without server")
                << QStringList{QStringLiteral("check")} << QStringLiteral("Which server?");
        QTest::newRow("check with both")
                << QStringList{QStringLiteral("check"), QStringLiteral("--profile"),
                               QStringLiteral("a"), QStringLiteral("--conninfo"),
                               QStringLiteral("host=x")}
                << QStringLiteral("either --profile or --conninfo, not both");
        QTest::newRow("bad conninfo")
                << QStringList{QStringLiteral("check"), QStringLiteral("--conninfo"),
                               QStringLiteral("nonsense")}
                << QString();
        QTest::newRow("bad profile name")
                << QStringList{QStringLiteral("profile"), QStringLiteral("add"),
                               QStringLiteral("a/b"), QStringLiteral("--conninfo"),
                               QStringLiteral("host=x")}
                << QStringLiteral("contains a slash");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliResult r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("--help")), qPrintable(r.describe()));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
    }

    void missingOptionValue()
    {
        const CliResult r = runInProcess({QStringLiteral("check"), QStringLiteral("--repo")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("Missing value after '--repo'.")),
                 qPrintable(r.describe()));
    }

    void usageErrorWithJsonEndsWithResultObject()
    {
        const CliResult r = run({QStringLiteral("--json"), QStringLiteral("check")});
        QCOMPARE(r.exitCode, 2);
        bool ok = false;
        const QList<QJsonObject> lines = r.jsonLines(&ok);
        QVERIFY2(ok && lines.size() == 1, qPrintable(r.describe()));
        const QJsonObject result = lines.last();
        QCOMPARE(result.value(QStringLiteral("event")).toString(), QStringLiteral("result"));
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(result.value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("code"))
                         .toString(),
                 QStringLiteral("invalid-input"));
    }

    void profileAddListRemoveWithoutPassword()
    {
        CliResult r = run(
                {QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.result().value(QStringLiteral("profiles")).toArray().size(), 0);

        // Global options after the command, command option after the argument.
        r = run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("prod"),
                 QStringLiteral("--conninfo"),
                 QStringLiteral("host=db.example.com port=5433 user=backup"),
                 QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject added = r.result();
        QCOMPARE(added.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(added.value(QStringLiteral("profile"))
                         .toObject()
                         .value(QStringLiteral("name"))
                         .toString(),
                 QStringLiteral("prod"));
        QCOMPARE(added.value(QStringLiteral("passwordStored")).toBool(true), false);

        // Global options before the command.
        r = runInProcess({QStringLiteral("--config"), config(), QStringLiteral("profile"),
                          QStringLiteral("add"), QStringLiteral("dev"),
                          QStringLiteral("--conninfo"),
                          QStringLiteral("postgresql://me@localhost/app")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("Saved profile “dev”")));

        r = run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("dev"),
                 QStringLiteral("--conninfo"), QStringLiteral("host=other")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("already exists")));

        r = run({QStringLiteral("profile"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("NAME  CONNECTION")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("dev ")));
        QVERIFY(lines.at(2).startsWith(QStringLiteral("prod")));
        QVERIFY(lines.at(2).contains(QStringLiteral("host=db.example.com port=5433 user=backup")));

        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonArray profiles = r.result().value(QStringLiteral("profiles")).toArray();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("dev"));

        r = run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("dev")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.result().value(QStringLiteral("profiles")).toArray().size(), 1);
    }

    void unknownProfileListsKnownNames()
    {
        for (const char *name : {"alpha", "beta"}) {
            const CliResult r
                    = run({QStringLiteral("profile"), QStringLiteral("add"), QLatin1String(name),
                           QStringLiteral("--conninfo"), QStringLiteral("host=localhost")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        }
        const QList<QStringList> commands = {
                {QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("gamma")},
                {QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("gamma")},
                {QStringLiteral("check"), QStringLiteral("--profile"), QStringLiteral("gamma")},
        };
        for (const QStringList &args : commands) {
            const CliResult r = run(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("There is no profile named “gamma”. Known "
                                                   "profiles: alpha, beta.")),
                     qPrintable(r.describe()));
        }
    }

    void noProfilesYet()
    {
        const CliResult r
                = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no profiles are saved yet")),
                 qPrintable(r.describe()));
    }

    void passwordInConninfoWithoutKeychainIsNotSaved()
    {
        // This process has no session bus (main()), so the keychain is unavailable.
        const QString secret = QStringLiteral("Sup3r-Secret-Dispatch");
        const CliResult r = run({QStringLiteral("profile"), QStringLiteral("add"),
                                 QStringLiteral("pw"), QStringLiteral("--conninfo"),
                                 QStringLiteral("host=localhost user=u password=%1").arg(secret)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("Warning: The password cannot be saved")),
                 qPrintable(r.describe()));
        QFile file(config());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains("pw"));
        QVERIFY(!stored.contains(secret.toUtf8()));
    }

    void askPasswordFromStdin()
    {
        const QString secret = QStringLiteral("Typed-Secret-42");
        CliResult r = run({QStringLiteral("profile"), QStringLiteral("add"),
                           QStringLiteral("asked"), QStringLiteral("--conninfo"),
                           QStringLiteral("host=localhost"), QStringLiteral("--ask-password")},
                          secret.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("The password cannot be saved")),
                 qPrintable(r.describe()));
        QFile file(config());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(secret.toUtf8()));

        // No password on stdin: nothing is saved.
        r = run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("empty"),
                 QStringLiteral("--conninfo"), QStringLiteral("host=localhost"),
                 QStringLiteral("--ask-password")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("No password was given.")));
        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.result().value(QStringLiteral("profiles")).toArray().size(), 1);
    }

    void connectionFailureVerboseAndJson()
    {
        const QString conninfo = QStringLiteral("host=/nonexistent/pgvault-sock port=1");
        CliResult r = run({QStringLiteral("check"), QStringLiteral("--conninfo"), conninfo});
        QCOMPARE(r.exitCode, 1);
        const QStringList plain = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(plain.size() == 1
                         && plain.first().contains(QStringLiteral("/nonexistent/pgvault-sock")),
                 qPrintable(r.describe()));

        // --verbose adds libpq's own words, indented below the message.
        r = run({QStringLiteral("check"), QStringLiteral("--conninfo"), conninfo,
                 QStringLiteral("--verbose")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() > 1,
                 qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("\n  ")), qPrintable(r.describe()));

        r = run({QStringLiteral("check"), QStringLiteral("--conninfo"), conninfo,
                 QStringLiteral("--json"), QStringLiteral("--pg-bin"),
                 QStringLiteral("/nonexistent/bin")});
        QCOMPARE(r.exitCode, 1);
        bool ok = false;
        const QList<QJsonObject> lines = r.jsonLines(&ok);
        QVERIFY2(ok && lines.size() == 1, qPrintable(r.describe()));
        const QJsonObject error = lines.last().value(QStringLiteral("error")).toObject();
        QCOMPARE(lines.last().value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(error.value(QStringLiteral("code")).toString(),
                 QStringLiteral("connection-failed"));
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(!error.value(QStringLiteral("detail")).toString().isEmpty());
    }

    void quietSuppressesInfoButNotAnswers()
    {
        CliResult r = run({QStringLiteral("-q"), QStringLiteral("profile"), QStringLiteral("add"),
                           QStringLiteral("q"), QStringLiteral("--conninfo"),
                           QStringLiteral("host=h")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));
        r = run({QStringLiteral("--quiet"), QStringLiteral("profile"), QStringLiteral("list")});
        QVERIFY(r.out.contains(QStringLiteral("host=h")));
    }
};

int main(int argc, char *argv[])
{
    // Before anything looks at the environment: a private HOME/XDG tree (no user settings are
    // read or written even by mistake) and a session bus that leads nowhere, so the keychain
    // is unavailable, deterministically and fast.
    QTemporaryDir home;
    s_home = &home;
    qputenv("HOME", home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/pgvault-test-bus");
    QCoreApplication app(argc, argv);
    TestCliDispatch test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_cli_dispatch.moc"
