#pragma once

#include <QString>
#include <QTextStream>

#include <memory>

class QIODevice;

namespace PgVault {
class Error;
}

namespace PgVault::Cli {

// The CLI's standard streams, injected so tests run commands in-process with QBuffers
// (KeePassXC's TestCli does the same). Every write is flushed at once: progress lines must
// appear while a job runs, and stdout and stderr must interleave in the order they were written.
//
// Whether stdout/stdin are terminals is a property here, not an isatty() call at the use site,
// so a test can pretend to be a terminal and check the `\r` progress line byte by byte.
class Console
{
public:
    // in may be null (no input: password prompts fail). The devices must be open and outlive
    // the console.
    Console(QIODevice *out, QIODevice *err, QIODevice *in = nullptr);
    ~Console();
    Console(const Console &) = delete;
    Console &operator=(const Console &) = delete;

    // The process's stdin/stdout/stderr, with isatty() answers and the real terminal width.
    static std::unique_ptr<Console> forProcess();

    // A line (a newline is appended) on stdout / stderr.
    void print(const QString &line);
    void printError(const QString &line);
    // Text as given, no newline: the `\r` progress line on stdout, a prompt on stderr.
    void write(const QString &text);
    void writeError(const QString &text);

    // An error as the CLI shows it: the message on stderr; with `verbose` also the technical
    // detail, indented below it (STYLE.md §5).
    void printError(const Error &error, bool verbose);
    // "Warning: …" on stderr.
    void printWarning(const QString &text);

    QIODevice *input() const { return m_in; }
    // The file descriptor behind input() when it is a real terminal (for termios), else -1.
    int inputFd() const { return m_inputFd; }
    bool isInputTerminal() const { return m_inputFd >= 0; }

    bool isOutputTerminal() const { return m_outputIsTerminal; }
    void setOutputTerminal(bool isTerminal) { m_outputIsTerminal = isTerminal; }
    // Columns of the terminal on stdout (asked each time: the window may be resized); the fixed
    // value when one was set, 80 when unknown.
    int terminalWidth() const;
    void setTerminalWidth(int columns) { m_fixedWidth = columns; }

private:
    // Declared first so they are destroyed last, after the streams that write to them.
    std::unique_ptr<QIODevice> m_ownedOut, m_ownedErr, m_ownedIn; // forProcess() only
    QTextStream m_out;
    QTextStream m_err;
    QIODevice *m_in;
    int m_inputFd = -1;
    bool m_outputIsTerminal = false;
    int m_fixedWidth = 0;
    bool m_queryTerminal = false;
};

} // namespace PgVault::Cli
