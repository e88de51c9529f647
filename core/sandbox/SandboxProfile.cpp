#include "SandboxProfile.h"

#include "connection/ConnInfo.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"

#include <QDir>

namespace PgVault {

Result<SandboxProfile::Saved> SandboxProfile::save(const QString &settingsFile, const QString &name,
                                                   const QString &conninfo,
                                                   const QString &repository)
{
    Settings settings(settingsFile);
    if (Status readable = settings.status(); !readable)
        return readable.error();
    // No SecretStore: the sandbox needs no password, and a worker thread must not talk to the
    // keychain.
    ProfileStore store(&settings, nullptr);

    Saved saved;
    if (std::optional<Profile> existing = store.findByName(name)) {
        saved.previous = existing;
        Profile updated = *existing;
        updated.setConninfo(conninfo);
        updated.setRepositoryPath(repository);
        Result<Profile> stored = store.update(updated);
        if (!stored)
            return stored.error();
        saved.profile = *stored;
    } else {
        Result<Profile> stored = store.add(Profile::create(name, conninfo, repository));
        if (!stored)
            return stored.error();
        saved.profile = *stored;
    }
    return saved;
}

Status SandboxProfile::undo(const QString &settingsFile, const Saved &saved)
{
    Settings settings(settingsFile);
    ProfileStore store(&settings, nullptr);
    if (saved.previous) {
        Result<Profile> restored = store.update(*saved.previous);
        return restored ? Status() : Status(restored.error());
    }
    if (!store.find(saved.profile.id()))
        return {};
    return store.remove(saved.profile.id());
}

Result<bool> SandboxProfile::removeIfPointsAt(const QString &settingsFile, const QString &name,
                                              const QString &socketDir)
{
    Settings settings(settingsFile);
    ProfileStore store(&settings, nullptr);
    const std::optional<Profile> existing = store.findByName(name);
    if (!existing)
        return false;
    Result<ConnInfo> info = ConnInfo::parse(existing->conninfo());
    if (!info || QDir::cleanPath(info->host()) != QDir::cleanPath(socketDir))
        return false;
    if (Status removed = store.remove(existing->id()); !removed)
        return removed.error();
    return true;
}

} // namespace PgVault
