#pragma once

#include "common/Result.h"
#include "settings/Profile.h"

#include <QString>

#include <optional>

namespace PgVault {

// The connection profile that points at the sandbox ("Sandbox").
//
// The jobs run on worker threads and Settings/ProfileStore belong to one thread each, so these
// functions open their own Settings on the given file, on the calling thread. QSettings shares
// one in-memory copy of a file between all its instances in a process, so the GUI's
// ProfileStore sees the change at once (it reads Settings every time); it only misses the
// profileAdded/profileChanged signal, which is why the jobs report the profile's id in their
// result.
class SandboxProfile
{
public:
    struct Saved
    {
        Profile profile;                 // as stored
        std::optional<Profile> previous; // what it replaced; nullopt when it was added
    };

    // Adds the profile `name`, or updates the existing profile of that name (same id, so
    // anything keyed by the id survives) with the sandbox's connection string and repository.
    static Result<Saved> save(const QString &settingsFile, const QString &name,
                              const QString &conninfo, const QString &repository);
    // Undoes save(): removes an added profile, puts back a replaced one.
    static Status undo(const QString &settingsFile, const Saved &saved);
    // Removes the profile `name` if its connection string still points at `socketDir` (a
    // profile the user re-pointed elsewhere is theirs now). True when one was removed.
    static Result<bool> removeIfPointsAt(const QString &settingsFile, const QString &name,
                                         const QString &socketDir);
};

} // namespace PgVault
