#include "Console.h"

#include "framework/CliTr.h"

#include "common/Error.h"

#include <QFile>

#include <sys/ioctl.h>
#include <unistd.h>

namespace PgVault::Cli {

namespace {
constexpr int DefaultWidth = 80;
}

Console::Console(QIODevice *out, QIODevice *err, QIODevice *in)
    : m_out(out)
    , m_err(err)
    , m_in(in)
{}

Console::~Console()
{
    m_out.flush();
    m_err.flush();
}

std::unique_ptr<Console> Console::forProcess()
{
    // Unbuffered QFiles: QTextStream buffers already, and flushes after each write.
    auto out = std::make_unique<QFile>();
    out->open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered);
    auto err = std::make_unique<QFile>();
    err->open(STDERR_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered);
    auto in = std::make_unique<QFile>();
    in->open(STDIN_FILENO, QIODevice::ReadOnly);

    auto console = std::make_unique<Console>(out.get(), err.get(), in.get());
    console->m_ownedOut = std::move(out);
    console->m_ownedErr = std::move(err);
    console->m_ownedIn = std::move(in);
    console->m_outputIsTerminal = ::isatty(STDOUT_FILENO) == 1;
    console->m_queryTerminal = console->m_outputIsTerminal;
    if (::isatty(STDIN_FILENO) == 1)
        console->m_inputFd = STDIN_FILENO;
    return console;
}

void Console::print(const QString &line)
{
    m_out << line << '\n';
    m_out.flush();
}

void Console::printError(const QString &line)
{
    m_err << line << '\n';
    m_err.flush();
}

void Console::write(const QString &text)
{
    m_out << text;
    m_out.flush();
}

void Console::writeError(const QString &text)
{
    m_err << text;
    m_err.flush();
}

void Console::printError(const Error &error, bool verbose)
{
    printError(error.message());
    if (!verbose || error.detail().isEmpty())
        return;
    const QStringList lines = error.detail().split(QLatin1Char('\n'));
    for (const QString &line : lines)
        printError(QStringLiteral("  ") + line);
}

void Console::printWarning(const QString &text)
{
    printError(Tr::tr("Warning: %1").arg(text));
}

int Console::terminalWidth() const
{
    if (m_fixedWidth > 0)
        return m_fixedWidth;
    if (m_queryTerminal) {
        winsize size{};
        if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
            return size.ws_col;
    }
    return DefaultWidth;
}

} // namespace PgVault::Cli
