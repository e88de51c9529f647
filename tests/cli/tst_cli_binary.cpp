// The real pgvault-cli binary, without a server: exit codes, --version, stdout/stderr
// separation, profiles in a private config dir (XDG_CONFIG_HOME), the unknown-profile usage
// error, and --ask-password without a keychain (warned, never written to disk).

#include "CliHarness.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <vector>

using namespace PgVault::Test;

namespace {

// pgvault-cli on a pseudo terminal, to check what a user at a real terminal gets: no echo
// while the password is typed, and a terminal in order again after Ctrl+C.
struct TerminalRun
{
    QByteArray output;
    bool echoAtPrompt = true;
    bool echoAfterwards = false;
    int waitStatus = -1;
};

bool readUntil(int fd, QByteArray &output, const QByteArray &marker, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!marker.isEmpty() && output.contains(marker))
            return true;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0)
            continue;
        char buffer[512];
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            return marker.isEmpty(); // EIO: the child closed the terminal
        output.append(buffer, n);
    }
    return false;
}

TerminalRun runOnTerminal(const QStringList &args, const QProcessEnvironment &environment,
                          const QByteArray &typed)
{
    // Everything the child needs is prepared before fork(): after it, only exec.
    std::vector<QByteArray> storage;
    storage.push_back(QFile::encodeName(cliPath()));
    for (const QString &arg : args)
        storage.push_back(arg.toUtf8());
    const QStringList envList = environment.toStringList();
    const size_t argCount = storage.size();
    for (const QString &entry : envList)
        storage.push_back(entry.toUtf8());
    std::vector<char *> argv, envp;
    for (size_t i = 0; i < storage.size(); ++i)
        (i < argCount ? argv : envp).push_back(storage[i].data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);

    TerminalRun run;
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    if (pid < 0)
        return run;
    if (pid == 0) {
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    if (readUntil(master, run.output, QByteArrayLiteral(": "), 30000)) {
        termios state{};
        ::tcgetattr(master, &state);
        run.echoAtPrompt = (state.c_lflag & ECHO) != 0;
        if (::write(master, typed.constData(), size_t(typed.size())) < 0)
            qWarning("write to the terminal failed");
    }
    readUntil(master, run.output, {}, 30000);
    termios after{};
    ::tcgetattr(master, &after);
    run.echoAfterwards = (after.c_lflag & ECHO) != 0;
    ::waitpid(pid, &run.waitStatus, 0);
    ::close(master);
    return run;
}

} // namespace

class TestCliBinary : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // A private HOME and XDG dirs (so the default settings path is inside them) and a session
    // bus that leads nowhere (no keychain).
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/pgvault-test-bus"));
        env.remove(QStringLiteral("PGVAULT_REPO"));
        return env;
    }
    CliResult run(const QStringList &args, const QByteArray &input = {}) const
    {
        return runBinary(args, environment(), input);
    }
    QString settingsFile() const
    {
        return m_home.filePath(QStringLiteral("config/pgvault/pgvault.conf"));
    }
    // Every file under the private home, for "the password is nowhere on disk".
    QByteArray everythingOnDisk() const
    {
        QByteArray all;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                all += file.readAll();
        }
        return all;
    }

private Q_SLOTS:
    void exitCodes()
    {
        CliResult r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("pgvault-cli ")));
        QVERIFY(r.err.isEmpty());

        r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("profile add")));

        r = run({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());

        r = run({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("Unknown command")));

        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--frob")});
        QCOMPARE(r.exitCode, 2);

        // A server that is not there: a failure (1), with the reason on stderr.
        r = run({QStringLiteral("check"), QStringLiteral("--conninfo"),
                 QStringLiteral("host=/nonexistent/pgvault-socket-dir port=1 connect_timeout=5")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("/nonexistent/pgvault-socket-dir")),
                 qPrintable(r.describe()));
    }

    void profilesInPrivateConfigDir()
    {
        CliResult r
                = run({QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("add"),
                       QStringLiteral("one"), QStringLiteral("--conninfo"),
                       QStringLiteral("host=localhost dbname=one")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.result().value(QStringLiteral("status")).toString(),
                 QStringLiteral("succeeded"));
        QVERIFY2(QFile::exists(settingsFile()), qPrintable(settingsFile()));

        r = run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("two"),
                 QStringLiteral("--conninfo"), QStringLiteral("postgresql://u@h:5433/two")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        bool ok = false;
        QCOMPARE(r.jsonLines(&ok).size(), 1);
        QVERIFY(ok);
        const QJsonArray profiles = r.result().value(QStringLiteral("profiles")).toArray();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("one"));
        QCOMPARE(profiles.at(1).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("two"));

        // Unknown profile: usage error naming the known ones.
        r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("three")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("Known profiles: one, two.")),
                 qPrintable(r.describe()));

        r = run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("one"),
                 QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("two")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.result().value(QStringLiteral("profiles")).toArray().size(), 0);
    }

    void configOption()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("other.conf"));
        CliResult r = run({QStringLiteral("--config"), file, QStringLiteral("profile"),
                           QStringLiteral("add"), QStringLiteral("elsewhere"),
                           QStringLiteral("--conninfo"), QStringLiteral("host=x")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(QFile::exists(file));
        r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.result().value(QStringLiteral("profiles")).toArray().size(), 0);
    }

    void askPasswordWithoutKeychain()
    {
        const QByteArray secret = "NoKeychain-Cli-Secret-9z";
        const CliResult r
                = run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("nokc"),
                       QStringLiteral("--conninfo"), QStringLiteral("host=localhost"),
                       QStringLiteral("--ask-password"), QStringLiteral("--json")},
                      secret + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("Warning: The password cannot be saved")),
                 qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("Nothing of it was written to disk")),
                 qPrintable(r.describe()));
        QCOMPARE(r.result().value(QStringLiteral("passwordStored")).toBool(true), false);
        // Core's log categories stay quiet without --verbose: the warning above says it all.
        QVERIFY2(!r.err.contains(QStringLiteral("pgvault.secrets")), qPrintable(r.describe()));
        QVERIFY(!everythingOnDisk().contains(secret));
        QVERIFY(!r.out.contains(QString::fromLatin1(secret)));
        QVERIFY(!r.err.contains(QString::fromLatin1(secret)));
    }

    void askPasswordOnTerminalWithoutEcho()
    {
        const TerminalRun terminal = runOnTerminal(
                {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("tty"),
                 QStringLiteral("--conninfo"), QStringLiteral("host=localhost"),
                 QStringLiteral("--ask-password")},
                environment(), QByteArrayLiteral("Typed-On-Tty-55\n"));
        QVERIFY2(terminal.output.startsWith("Password for profile \xe2\x80\x9ctty\xe2\x80\x9d: "),
                 terminal.output.constData());
        QVERIFY(!terminal.echoAtPrompt);
        QVERIFY(terminal.echoAfterwards);
        QVERIFY2(!terminal.output.contains("Typed-On-Tty-55"), terminal.output.constData());
        QVERIFY2(terminal.output.contains("Saved profile"), terminal.output.constData());
        QVERIFY(WIFEXITED(terminal.waitStatus) && WEXITSTATUS(terminal.waitStatus) == 0);
        QVERIFY(!everythingOnDisk().contains("Typed-On-Tty-55"));
        QCOMPARE(run(QStringList{QStringLiteral("profile"), QStringLiteral("remove"),
                                 QStringLiteral("tty")})
                         .exitCode,
                 0);
    }

    void ctrlCAtPasswordPromptRestoresTheTerminal()
    {
        const TerminalRun terminal = runOnTerminal(
                {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("interrupted"),
                 QStringLiteral("--conninfo"), QStringLiteral("host=localhost"),
                 QStringLiteral("--ask-password")},
                environment(), QByteArrayLiteral("\x03"));
        QVERIFY(!terminal.echoAtPrompt);
        QVERIFY2(terminal.echoAfterwards, "the terminal was left without echo");
        QVERIFY2(WIFSIGNALED(terminal.waitStatus) && WTERMSIG(terminal.waitStatus) == SIGINT,
                 terminal.output.constData());
        const CliResult list = run(
                {QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue &p : list.result().value(QStringLiteral("profiles")).toArray())
            QVERIFY(p.toObject().value(QStringLiteral("name")).toString()
                    != QLatin1String("interrupted"));
    }
};

QTEST_GUILESS_MAIN(TestCliBinary)

#include "tst_cli_binary.moc"
