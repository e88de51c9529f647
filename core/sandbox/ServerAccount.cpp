#include "ServerAccount.h"

#include "common/Tr.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <ftw.h>
#include <pwd.h>
#include <unistd.h>

namespace PgVault {

namespace {

// nftw() takes a plain function; the owner travels through these (one chown walk at a time is
// enough for a sandbox, and the walk runs on one worker thread).
thread_local uid_t t_chownUid = 0;
thread_local gid_t t_chownGid = 0;
thread_local int t_chownErrno = 0;
thread_local QByteArray t_chownFailedPath;

int chownEntry(const char *path, const struct stat *, int, struct FTW *)
{
    if (::lchown(path, t_chownUid, t_chownGid) != 0) {
        t_chownErrno = errno;
        t_chownFailedPath = path;
        return 1; // stops the walk
    }
    return 0;
}

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

} // namespace

QString ServerAccount::defaultRootServerUser()
{
    const QString env = qEnvironmentVariable("PGVAULT_SANDBOX_USER").trimmed();
    return env.isEmpty() ? QStringLiteral("postgres") : env;
}

bool ServerAccount::processIsRoot()
{
    return ::geteuid() == 0;
}

Result<ServerAccount> ServerAccount::forThisProcess(const QString &serverUserForRoot)
{
    ServerAccount account;
    const bool root = processIsRoot();
    const QByteArray wanted = root ? QFile::encodeName(serverUserForRoot) : QByteArray();

    // getpwnam_r/getpwuid_r: the job runs on a worker thread, and the GUI may look up users too.
    struct passwd entry = {};
    struct passwd *found = nullptr;
    QByteArray buffer(16384, '\0');
    const int rc = root ? ::getpwnam_r(wanted.constData(), &entry, buffer.data(),
                                       size_t(buffer.size()), &found)
                        : ::getpwuid_r(::geteuid(), &entry, buffer.data(), size_t(buffer.size()),
                                       &found);
    if (rc != 0 || !found) {
        if (root) {
            return Error(ErrorCode::NotFound,
                         Tr::tr("PgVault runs as root, and PostgreSQL refuses to run as root, so "
                                "the sandbox server must run as the user “%1”, which does not "
                                "exist. Install the “postgresql” package (it creates that user) "
                                "or run PgVault as a normal user.")
                                 .arg(serverUserForRoot),
                         rc != 0 ? errnoText(rc) : QStringLiteral("getpwnam: no such user"));
        }
        return Error(ErrorCode::Internal,
                     Tr::tr("Could not look up the current user (uid %1).").arg(::geteuid()),
                     rc != 0 ? errnoText(rc) : QStringLiteral("getpwuid: no entry"));
    }
    if (root && found->pw_uid == 0) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("The sandbox server cannot run as “%1”: that user is root, and "
                            "PostgreSQL refuses to run as root.")
                             .arg(serverUserForRoot));
    }

    account.m_name = QString::fromLocal8Bit(found->pw_name);
    account.m_uid = found->pw_uid;
    account.m_gid = found->pw_gid;
    account.m_home = QFile::decodeName(found->pw_dir);

    if (root) {
        // Looked up explicitly: root's PATH normally has /usr/sbin, but a GUI started from a
        // desktop session may not.
        QString runuser = QStandardPaths::findExecutable(QStringLiteral("runuser"));
        if (runuser.isEmpty()) {
            runuser = QStandardPaths::findExecutable(
                    QStringLiteral("runuser"),
                    {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
        }
        if (runuser.isEmpty()) {
            return Error(ErrorCode::ToolMissing,
                         Tr::tr("PgVault runs as root and needs “runuser” to start the sandbox "
                                "server as the user “%1”. Install the “util-linux” package.")
                                 .arg(account.m_name));
        }
        account.m_runuser = runuser;
    }
    return account;
}

QString ServerAccount::wrappedProgram(const QString &program) const
{
    return isSwitched() ? m_runuser : program;
}

QStringList ServerAccount::wrappedArguments(const QString &program,
                                            const QStringList &arguments) const
{
    if (!isSwitched())
        return arguments;
    return QStringList{QStringLiteral("-u"), m_name, QStringLiteral("--"), program} + arguments;
}

Status ServerAccount::giveOwnership(const QString &path, bool recursive) const
{
    if (!isSwitched())
        return {};
    const QByteArray encoded = QFile::encodeName(path);
    if (!recursive) {
        if (::lchown(encoded.constData(), m_uid, m_gid) != 0) {
            const int err = errno;
            return Error(ErrorCode::PermissionDenied,
                         Tr::tr("Could not hand “%1” over to the user “%2”.").arg(path, m_name),
                         QStringLiteral("chown: ") + errnoText(err));
        }
        return {};
    }
    t_chownUid = m_uid;
    t_chownGid = m_gid;
    t_chownErrno = 0;
    t_chownFailedPath.clear();
    const int rc = ::nftw(encoded.constData(), chownEntry, 32, FTW_PHYS);
    if (rc != 0) {
        const int err = t_chownErrno ? t_chownErrno : errno;
        const QString failed
                = t_chownFailedPath.isEmpty() ? path : QFile::decodeName(t_chownFailedPath);
        return Error(ErrorCode::PermissionDenied,
                     Tr::tr("Could not hand “%1” over to the user “%2”.").arg(failed, m_name),
                     QStringLiteral("chown: ") + errnoText(err));
    }
    return {};
}

bool ServerAccount::canWriteFolder(const QString &path) const
{
    if (!isSwitched())
        return QFileInfo(path).isDir()
               && ::access(QFile::encodeName(path).constData(), W_OK | X_OK) == 0;
    return test({QStringLiteral("-d"), path, QStringLiteral("-a"), QStringLiteral("-w"), path,
                 QStringLiteral("-a"), QStringLiteral("-x"), path});
}

bool ServerAccount::canExecute(const QString &path) const
{
    if (!isSwitched())
        return ::access(QFile::encodeName(path).constData(), X_OK) == 0;
    return test({QStringLiteral("-f"), path, QStringLiteral("-a"), QStringLiteral("-x"), path});
}

bool ServerAccount::test(const QStringList &expression) const
{
    QProcess test;
    test.setProgram(m_runuser);
    test.setArguments(
            QStringList{QStringLiteral("-u"), m_name, QStringLiteral("--"), QStringLiteral("test")}
            + expression);
    test.setWorkingDirectory(QStringLiteral("/"));
    test.setStandardInputFile(QProcess::nullDevice());
    test.start();
    if (!test.waitForFinished(10000)) {
        test.kill();
        test.waitForFinished(1000);
        return false;
    }
    return test.exitStatus() == QProcess::NormalExit && test.exitCode() == 0;
}

} // namespace PgVault
