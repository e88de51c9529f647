#pragma once

namespace PgVault {

// What this process has learned about the system keychain.
//
// QtKeychain 0.13 has no isAvailable(): the first job's error tells. The answer is process-wide
// because QtKeychain's choice of backend is too (a static in its keychain_unix.cpp), and it is
// one-way: once the keychain failed, PgVault keeps passwords in memory for the rest of the
// session instead of trying again, and the user is warned once.
class KeychainAvailability
{
public:
    enum class State {
        Unknown,     // no keychain job has answered yet
        Available,   // a job succeeded (or found no entry)
        Unavailable, // no Secret Service / backend; passwords stay in memory
    };

    static State state();
    // Unknown -> Available; no effect once Unavailable.
    static void markAvailable();
    // -> Unavailable. True only for the one call in the process that made the change, so that
    // exactly one keychainUnavailable() signal is emitted.
    static bool markUnavailable();
};

} // namespace PgVault
