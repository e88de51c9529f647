#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace PgVault::Test {

// The operating-system account PostgreSQL runs as. initdb and postgres refuse to run as root, so
// a test process running as root runs them as the system user "pgvault-test" (created on first
// use) through `runuser -u pgvault-test --`, and hands it the directories they need. Otherwise
// the server runs as the test's own user.
struct ServerAccount
{
    QString name;
    uid_t uid = 0;
    gid_t gid = 0;
    bool viaRunuser = false; // true when this process is root

    static constexpr const char *kTestUser = "pgvault-test";

    // Resolved once per process; as root, creates the user when missing (useradd --system).
    static Result<ServerAccount> get();

    // When root: chown path (recursively) to the account. Otherwise a no-op.
    Status giveOwnership(const QString &path, bool recursive = false) const;

    // Runs program with args as the account, in workDir, with a C locale; merged stdout+stderr is
    // the value. A start failure, a crash, a non-zero exit or a timeout is an Error whose detail
    // holds the command and its output.
    Result<QString> run(const QString &program, const QStringList &args, const QString &workDir,
                        int timeoutMs) const;
};

} // namespace PgVault::Test
