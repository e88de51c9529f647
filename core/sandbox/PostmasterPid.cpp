#include "PostmasterPid.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <cerrno>
#include <csignal>

namespace PgVault {

namespace {
// Line numbers (0-based) from PostgreSQL's pidfile.h.
constexpr int LinePid = 0;
constexpr int LinePort = 3;
constexpr int LineSocketDir = 4;
constexpr int LineStatus = 7;
} // namespace

std::optional<PostmasterPid> PostmasterPid::read(const QString &dataDir)
{
    QFile file(dataDir + QStringLiteral("/postmaster.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QList<QByteArray> lines = file.read(4096).split('\n');
    if (lines.isEmpty())
        return std::nullopt;

    PostmasterPid result;
    bool ok = false;
    result.m_pid = lines.at(LinePid).trimmed().toLongLong(&ok);
    if (!ok || result.m_pid <= 0)
        return std::nullopt;
    if (lines.size() > LinePort)
        result.m_port = lines.at(LinePort).trimmed().toInt();
    if (lines.size() > LineSocketDir)
        result.m_socketDir = QFile::decodeName(lines.at(LineSocketDir).trimmed());
    if (lines.size() > LineStatus)
        result.m_status = QString::fromLatin1(lines.at(LineStatus).trimmed());
    return result;
}

bool PostmasterPid::processAlive() const
{
    if (m_pid <= 0)
        return false;
    if (::kill(pid_t(m_pid), 0) != 0 && errno != EPERM)
        return false;
    // A zombie still answers kill(), but the server is gone; containers whose init does not
    // reap orphans keep them around.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(m_pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray text = stat.read(512);
        const qsizetype afterName = text.lastIndexOf(')');
        if (afterName >= 0 && afterName + 2 < text.size() && text.at(afterName + 2) == 'Z')
            return false;
    }
    return true;
}

std::optional<bool> PostmasterPid::isServerOf(const QString &dataDir) const
{
    if (!processAlive())
        return false;
    const QFileInfo cwd(QStringLiteral("/proc/%1/cwd").arg(m_pid));
    const QString target = cwd.symLinkTarget();
    if (target.isEmpty())
        return std::nullopt; // not ours to inspect (or no /proc)
    return QDir::cleanPath(target) == QDir(dataDir).canonicalPath();
}

bool PostmasterPid::stopImmediately(const QString &dataDir, int timeoutMs) const
{
    if (isServerOf(dataDir) != true)
        return !processAlive();
    ::kill(pid_t(m_pid), SIGQUIT);
    const QDeadlineTimer deadline(timeoutMs);
    while (processAlive()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(50);
    }
    return true;
}

} // namespace PgVault
