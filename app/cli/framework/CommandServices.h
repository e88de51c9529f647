#pragma once

#include "ConnectionTarget.h"

#include "common/Result.h"
#include "settings/Profile.h"

#include <QString>

#include <memory>
#include <optional>

namespace PgVault {
class ProfileStore;
class SecretStore;
class Settings;
class ToolLocator;
} // namespace PgVault

namespace PgVault::Cli {

class CommandOutput;
struct GlobalOptions;

// The core objects a command may need, built on first use only: `wal-push` runs once per WAL
// segment and must not pay for settings, the keychain or D-Bus it does not use (STYLE.md §2).
//
// Settings come from --config FILE, else Settings::defaultFilePath()
// ($XDG_CONFIG_HOME/pgvault/pgvault.conf), so tests isolate with either.
class CommandServices
{
public:
    CommandServices(const GlobalOptions &options, CommandOutput &output);
    ~CommandServices();
    CommandServices(const CommandServices &) = delete;
    CommandServices &operator=(const CommandServices &) = delete;

    QString settingsFilePath() const;
    // Corrupt/IoError when the settings file cannot be read.
    Result<Settings *> settings();
    // The keychain (QtKeychain/D-Bus); blocking reads are fine in the CLI.
    SecretStore &secrets();
    // withKeychain: needed to move a password into the keychain (add) or delete a profile's
    // password (remove). Without it the store never touches D-Bus.
    Result<ProfileStore *> profileStore(bool withKeychain = false);
    // ProfileStore hands passwords to the keychain asynchronously; a CLI about to exit must
    // wait for that (a local event loop, fine in the CLI).
    void waitForKeychain();
    // --pg-bin directories first, then the settings' ones, then the system's.
    std::shared_ptr<const ToolLocator> toolLocator();

    // InvalidInput (a usage error) naming the known profiles when there is none of that name.
    Result<Profile> profileNamed(const QString &name);
    // The server from --profile NAME (with its keychain password) or --conninfo STR.
    // InvalidInput when neither or both are given, for an unknown profile or a bad string.
    Result<ConnectionTarget> connectionTarget();
    // The server of a saved profile, with its keychain password.
    Result<ConnectionTarget> profileTarget(const Profile &profile);
    // The profile's keychain password; std::nullopt when there is none or the keychain cannot
    // be read (then a warning says libpq will look in PGPASSWORD and ~/.pgpass).
    std::optional<QString> keychainPassword(const Profile &profile);

    // --repo, else the profile's repository, else the settings' default ($PGVAULT_REPO, the
    // stored setting, ~/.local/share/pgvault/repository).
    QString repositoryPath(const std::optional<Profile> &profile = std::nullopt);

private:
    const GlobalOptions &m_options;
    CommandOutput &m_output;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    bool m_profilesWithKeychain = false;
    std::shared_ptr<const ToolLocator> m_tools;
};

} // namespace PgVault::Cli
