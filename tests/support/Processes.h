#pragma once

#include <QList>
#include <QString>

// Small /proc helpers the harness uses to tell whether servers it started are really gone.
// Linux only, like the rest of the test harness.
namespace PgVault::Test {

// True while the process exists and is not a zombie. (A killed server whose parent has not reaped
// it yet is a zombie: it holds no resources, but kill(pid, 0) still succeeds on it.)
bool processAlive(qint64 pid);
// Direct children of pid (e.g. a postmaster's backends and auxiliary processes).
QList<qint64> childProcesses(qint64 pid);
// The kernel's start time of pid in clock ticks since boot; 0 when it doesn't exist. With the pid
// it identifies a process even after its pid has been reused.
qint64 processStartTime(qint64 pid);
// The process's command line, arguments separated by spaces.
QString processCommandLine(qint64 pid);
// Waits until none of pids is alive; false on timeout.
bool waitForExit(const QList<qint64> &pids, int timeoutMs);

} // namespace PgVault::Test
