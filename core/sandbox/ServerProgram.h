#pragma once

#include "ServerAccount.h"
#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace PgVault {

class JobContext;

// Runs one PostgreSQL server program (initdb, pg_ctl, postgres --version) for the sandbox, as
// the ServerAccount (through runuser when we are root), and waits for it on the calling worker
// thread.
//
// The child gets a clean environment: libpq/server variables (PGDATA, PGPORT, PGHOST, …) are
// removed so that only our arguments decide what happens, and for a switched account the XDG_*
// variables of root's session are removed too. Its working directory is "/", because initdb
// fails when it cannot read its current directory (root's home, for "postgres").
//
// Cancel: when a JobContext is given, cancelling terminates the program's whole process group
// (runuser and what it started).
class ServerProgram
{
public:
    struct Output
    {
        int exitCode = 0;
        QString text;        // stdout and stderr, merged
        QString commandLine; // for Error::detail

        // The last lines of the output and the command line, for an Error's detail.
        QString detail() const;
    };

    ServerProgram(const ServerAccount &account, QString program, QStringList arguments);

    void setTimeoutSeconds(int seconds) { m_timeoutSeconds = seconds; }
    // Cancelling the job stops the program; run() then fails with ErrorCode::Cancelled.
    void setCancelContext(JobContext *context) { m_context = context; }

    // ToolMissing when the program cannot be started, Timeout, Cancelled, Internal for a crash;
    // a non-zero exit code is not an error here (pg_ctl status uses them): check exitCode.
    Result<Output> run();

    // The environment given to server programs (see the class comment).
    static QStringList cleanEnvironment(bool switchedAccount);

private:
    const ServerAccount &m_account;
    QString m_program;
    QStringList m_arguments;
    int m_timeoutSeconds = 120;
    JobContext *m_context = nullptr;
};

} // namespace PgVault
