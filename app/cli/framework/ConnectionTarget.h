#pragma once

#include "connection/ConnInfo.h"
#include "settings/Profile.h"

#include <QString>

#include <optional>

namespace PgVault::Cli {

// The server a command talks to, from --profile or --conninfo (CommandServices resolves it).
struct ConnectionTarget
{
    ConnInfo connInfo;
    // The profile's password from the keychain. std::nullopt: pass none, so libpq uses the
    // connection string's own, PGPASSWORD or ~/.pgpass.
    std::optional<QString> password;
    std::optional<Profile> profile; // when chosen with --profile

    // For messages: "profile “prod” (db.example.com:5432)" or "db.example.com:5432".
    QString describe() const;
};

} // namespace PgVault::Cli
