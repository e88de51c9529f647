#pragma once

#include <QString>

namespace PgVault {

// Chooses the sandbox's port. The server listens only on its private socket folder, so strictly
// any port would do there; but a port that another server already uses on this machine (TCP on
// localhost, or a socket of that number in the same folder) is confusing in connection strings
// and breaks the day someone turns TCP on. So: the preferred port when it is free, else the next
// free one above it.
class SandboxPort
{
public:
    // 0 when nothing in [preferred, preferred + 500] is free.
    static int choose(int preferred, const QString &socketDir);
    static bool isFree(int port, const QString &socketDir);
};

} // namespace PgVault
