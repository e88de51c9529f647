#include "SandboxPort.h"

#include <QFileInfo>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace PgVault {

namespace {

constexpr int SearchRange = 500;

// True when nothing is bound to 127.0.0.1:port. Without SO_REUSEADDR, bind() also fails for a
// port a listener holds on the wildcard address.
bool tcpPortFree(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return true; // cannot tell; the socket-folder check still applies
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool free = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return free;
}

} // namespace

bool SandboxPort::isFree(int port, const QString &socketDir)
{
    const QString socket = socketDir + QStringLiteral("/.s.PGSQL.%1").arg(port);
    if (QFileInfo::exists(socket) || QFileInfo::exists(socket + QStringLiteral(".lock")))
        return false;
    return tcpPortFree(port);
}

int SandboxPort::choose(int preferred, const QString &socketDir)
{
    for (int port = preferred; port <= preferred + SearchRange && port <= 65535; ++port) {
        if (isFree(port, socketDir))
            return port;
    }
    return 0;
}

} // namespace PgVault
