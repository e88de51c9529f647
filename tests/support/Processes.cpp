#include "Processes.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

#include <algorithm>

namespace PgVault::Test {

namespace {

// The fields of /proc/<pid>/stat after "(comm)"; comm may itself contain spaces and parentheses.
QList<QByteArray> statFields(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = file.readAll();
    const qsizetype end = stat.lastIndexOf(')');
    if (end < 0)
        return {};
    return stat.mid(end + 2).trimmed().split(' '); // [0] state, [1] ppid, ... [19] starttime
}

} // namespace

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    const QList<QByteArray> fields = statFields(pid);
    return !fields.isEmpty() && fields.first() != "Z" && fields.first() != "X";
}

QList<qint64> childProcesses(qint64 pid)
{
    QList<qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 candidate = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        const QList<QByteArray> fields = statFields(candidate);
        if (fields.size() > 1 && fields.at(1).toLongLong() == pid)
            children.append(candidate);
    }
    return children;
}

qint64 processStartTime(qint64 pid)
{
    const QList<QByteArray> fields = statFields(pid);
    return fields.size() > 19 ? fields.at(19).toLongLong() : 0;
}

QString processCommandLine(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray cmdline = file.readAll();
    cmdline.replace('\0', ' ');
    return QString::fromLocal8Bit(cmdline.trimmed());
}

bool waitForExit(const QList<qint64> &pids, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const bool anyAlive = std::any_of(pids.cbegin(), pids.cend(), processAlive);
        if (!anyAlive)
            return true;
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
}

} // namespace PgVault::Test
