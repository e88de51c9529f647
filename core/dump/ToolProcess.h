#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace PgVault {

class JobContext;

// Runs one PostgreSQL client program (pg_dump, pg_dumpall, pg_restore) on the calling worker
// thread and streams its standard streams: stdout to a handler (zstd), stdin from a source
// (decompressed archive), stderr line by line to a parser (progress) while the error lines
// are kept for the Error's detail.
//
// The password reaches the child only through PGPASSWORD in its own environment: never on its
// command line (visible in ps) and never on disk. Cancelling the job terminates the child's
// process group (SIGTERM, then SIGKILL after half a second).
class ToolProcess
{
public:
    using OutputHandler = std::function<Status(QByteArrayView)>;
    // Fills buffer with up to maxSize bytes; 0 = end of input.
    using InputSource = std::function<Result<qint64>(char *buffer, qint64 maxSize)>;
    using LineHandler = std::function<void(const QString &line)>;

    struct Outcome
    {
        int exitCode = 0;
        bool crashed = false;
        QString commandLine;
        QStringList errorLines;       // ToolMessages::isError lines and their continuations
        QStringList lastLines;        // the last stderr lines, whatever they say
        QByteArray output;            // stdout, when collectOutput() was asked for
        bool inputIncomplete = false; // the child exited before reading all of stdin

        bool succeeded() const { return !crashed && exitCode == 0; }
        // The command line, exit code and the error lines (or the last lines), for Error::detail.
        QString detail() const;
        // The error lines as one text for messages ("pg_dump: error: …"), or the last lines.
        QString summary(int maxLines = 5) const;
    };

    ToolProcess(QString program, QStringList arguments);

    void setPassword(const std::optional<QString> &password) { m_password = password; }
    void setCancelContext(JobContext *context) { m_context = context; }
    void setOutputHandler(OutputHandler handler) { m_output = std::move(handler); }
    void setCollectOutput(bool collect) { m_collect = collect; }
    void setInput(InputSource source) { m_input = std::move(source); }
    void setStderrHandler(LineHandler handler) { m_stderr = std::move(handler); }
    void setWorkingDirectory(const QString &dir) { m_workingDirectory = dir; }

    // ToolMissing when the program cannot start; Cancelled; the output handler's or input
    // source's error (the child is then terminated). A non-zero exit is not an error here:
    // look at Outcome::succeeded().
    Result<Outcome> run();

    // "pg_dump --format=custom …" with arguments quoted for a shell, for details and logs.
    static QString commandLine(const QString &program, const QStringList &arguments);

private:
    QString m_program;
    QStringList m_arguments;
    std::optional<QString> m_password;
    JobContext *m_context = nullptr;
    OutputHandler m_output;
    InputSource m_input;
    LineHandler m_stderr;
    QString m_workingDirectory;
    bool m_collect = false;
};

} // namespace PgVault
