#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace PgVault {

// The operating-system account the sandbox server runs as.
//
// PostgreSQL refuses to run as root (initdb, pg_ctl and postgres all check), so when PgVault
// itself runs as root the server programs are started through `runuser -u postgres --`: Debian's
// postgresql package creates that account. Otherwise the server simply runs as the current user
// and nothing is wrapped.
class ServerAccount
{
public:
    // The account that must run the server for this process: the current user, or — as root —
    // `serverUserForRoot` (default "postgres"). NotFound when that account does not exist,
    // ToolMissing when runuser is missing.
    static Result<ServerAccount> forThisProcess(const QString &serverUserForRoot
                                                = defaultRootServerUser());
    // "postgres", or $PGVAULT_SANDBOX_USER when set (root only; lets tests use another account).
    static QString defaultRootServerUser();
    static bool processIsRoot();

    const QString &name() const { return m_name; }
    uid_t uid() const { return m_uid; }
    gid_t gid() const { return m_gid; }
    const QString &home() const { return m_home; }
    // True when programs are started through runuser (we are root, the server is not).
    bool isSwitched() const { return !m_runuser.isEmpty(); }

    // The program and arguments that run `program args…` as this account.
    QString wrappedProgram(const QString &program) const;
    QStringList wrappedArguments(const QString &program, const QStringList &arguments) const;

    // Makes `path` (and with `recursive` everything below it) owned by this account. Nothing to
    // do when the account is the current user.
    Status giveOwnership(const QString &path, bool recursive = false) const;

    // Whether this account can create files in the folder `path` (every parent searchable, the
    // folder writable). For a switched account the system is asked as that account
    // (`runuser … test`), because group memberships and ACLs make a computed answer unreliable.
    bool canWriteFolder(const QString &path) const;
    // Whether this account can run the program at `path` (archive_command runs pgvault-cli as
    // the server account).
    bool canExecute(const QString &path) const;

private:
    // `test <expression>` as this account.
    bool test(const QStringList &expression) const;

    QString m_name;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    QString m_home;
    QString m_runuser; // absolute path of runuser when switching, else empty
};

} // namespace PgVault
