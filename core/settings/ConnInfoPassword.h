#pragma once

#include "common/Result.h"

#include <QString>

#include <optional>

namespace PgVault {

// Takes a password out of a libpq connection string, so that the string can be saved in the
// settings and the password handed to the keychain (ProfileStore does both).
//
// Whether a password is present is decided by libpq itself (PQconninfoParse), so every spelling
// libpq accepts is found: "password=…" and "password='…'" in key=value strings, "user:pass@" and
// "?password=…" (also percent-encoded) in URIs. The password is then cut out of the text, and
// the result is parsed again and must give the same options minus the password; otherwise
// split() fails rather than return a string that might still hold it.
class ConnInfoPassword
{
public:
    struct Split
    {
        QString conninfo;                // the input without any password
        std::optional<QString> password; // as libpq would use it (URI escapes decoded)
    };

    // InvalidInput when libpq cannot parse the string, or when it holds a secret PgVault cannot
    // move to the keychain (an SSL key passphrase, or a password inside a connection string
    // given as dbname=).
    static Result<Split> split(const QString &conninfo);

    // True when libpq would find a password (or SSL key passphrase) in the string; false also
    // for strings libpq cannot parse.
    static bool containsSecret(const QString &conninfo);
};

} // namespace PgVault
