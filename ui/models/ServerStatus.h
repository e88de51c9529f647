#pragma once

#include <QMetaType>

namespace PgVault {

// What the GUI knows about a saved server right now; drawn as a coloured dot in the server list
// and named in the status bar (ServerStatusText has the words and colours).
enum class ServerStatus {
    Unknown,     // not inspected in this session
    Connecting,  // an inspection is running
    Ok,          // inspected, nothing to warn about
    Warnings,    // inspected, with warnings (archiving off, no REPLICATION, …)
    Unreachable, // the last attempt failed (refused, timed out, wrong password)
};

} // namespace PgVault

Q_DECLARE_METATYPE(PgVault::ServerStatus)
