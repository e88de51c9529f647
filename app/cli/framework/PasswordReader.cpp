#include "PasswordReader.h"

#include "CliTr.h"
#include "output/Console.h"

#include <QByteArray>
#include <QIODevice>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <termios.h>
#include <unistd.h>

namespace PgVault::Cli {

namespace {

// What the terminal looked like before echo was switched off, for the signal handler.
struct termios s_savedTerminal
{};
volatile sig_atomic_t s_terminalFd = -1;

// Ctrl+C while echo is off: put the terminal back, then let the default action end the
// process (SA_RESETHAND made it the default; SA_NODEFER lets raise() deliver it here).
// tcsetattr and raise are async-signal-safe.
extern "C" void restoreTerminalAndDie(int signalNumber)
{
    if (s_terminalFd >= 0)
        ::tcsetattr(s_terminalFd, TCSANOW, &s_savedTerminal);
    ::raise(signalNumber);
}

Error noPassword()
{
    return Error(ErrorCode::InvalidInput, Tr::tr("No password was given."));
}

QString chomp(QByteArray line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

// Restores echo and the signal handlers when the read ends, however it ends.
class EchoOff
{
public:
    explicit EchoOff(int fd)
        : m_fd(fd)
    {
        if (::tcgetattr(fd, &s_savedTerminal) != 0)
            return;
        s_terminalFd = fd;
        struct sigaction action
        {};
        action.sa_handler = restoreTerminalAndDie;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND | SA_NODEFER;
        ::sigaction(SIGINT, &action, &m_previousInt);
        ::sigaction(SIGTERM, &action, &m_previousTerm);
        ::sigaction(SIGHUP, &action, &m_previousHup);

        struct termios silent = s_savedTerminal;
        silent.c_lflag &= ~tcflag_t(ECHO);
        silent.c_lflag |= ECHONL; // the Enter key still moves to the next line
        m_active = ::tcsetattr(fd, TCSAFLUSH, &silent) == 0;
    }
    ~EchoOff()
    {
        if (s_terminalFd < 0)
            return;
        ::tcsetattr(m_fd, TCSAFLUSH, &s_savedTerminal);
        s_terminalFd = -1;
        ::sigaction(SIGINT, &m_previousInt, nullptr);
        ::sigaction(SIGTERM, &m_previousTerm, nullptr);
        ::sigaction(SIGHUP, &m_previousHup, nullptr);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

    bool isActive() const { return m_active; }

private:
    int m_fd;
    bool m_active = false;
    struct sigaction m_previousInt
    {};
    struct sigaction m_previousTerm
    {};
    struct sigaction m_previousHup
    {};
};

} // namespace

Result<QString> PasswordReader::read(Console &console, const QString &prompt)
{
    if (console.isInputTerminal())
        return readFromTerminal(console, prompt);
    return readLine(console);
}

Result<QString> PasswordReader::readFromTerminal(Console &console, const QString &prompt)
{
    const int fd = console.inputFd();
    QByteArray line;
    {
        EchoOff echoOff(fd);
        if (!echoOff.isActive()) {
            return Error(ErrorCode::IoError,
                         Tr::tr("Cannot switch off echo on the terminal to read the password."),
                         QString::fromLocal8Bit(strerror(errno)));
        }
        // On stderr, so stdout stays clean for the command's answer; the cursor stays after it.
        console.writeError(prompt);
        // Byte by byte from the descriptor: the terminal is in line mode, so this returns at
        // Enter, and nothing is left in a stdio or QIODevice buffer.
        char c = 0;
        for (;;) {
            const ssize_t n = ::read(fd, &c, 1);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0 || c == '\n')
                break;
            line.append(c);
        }
    }
    const QString password = chomp(line);
    if (password.isEmpty())
        return noPassword();
    return password;
}

Result<QString> PasswordReader::readLine(Console &console)
{
    QIODevice *in = console.input();
    if (!in)
        return noPassword();
    // Blocks on a pipe until a line (or the end of input) arrives.
    const QString password = chomp(in->readLine());
    if (password.isEmpty())
        return noPassword();
    return password;
}

} // namespace PgVault::Cli
