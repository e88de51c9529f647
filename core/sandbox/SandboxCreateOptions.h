#pragma once

#include "Sandbox.h"
#include "SandboxPaths.h"
#include "settings/Settings.h"

#include <QString>
#include <QStringList>

namespace PgVault {

// What SandboxCreateJob needs to know; the defaults are right for the GUI and the CLI.
struct SandboxCreateOptions
{
    SandboxPaths paths = SandboxPaths::defaults();
    // Where the sandbox archives its WAL. Empty = the default: as root (and PGVAULT_REPO unset)
    // /var/lib/pgvault/repository, else the settings' default repository (PGVAULT_REPO, the
    // stored choice, ~/.local/share/pgvault/repository). Created when missing.
    QString repositoryPath;
    // The settings file that receives the "Sandbox" profile.
    QString settingsFile = Settings::defaultFilePath();
    QString profileName = Sandbox::defaultProfileName();
    // The pgvault-cli that archive_command runs; empty = ArchiveCommand::findCli().
    QString cliPath;
    // Extra PostgreSQL bin directories to search (--pg-bin, Settings::pgBinDirs()).
    QStringList extraBinDirs;
    // false: initdb --no-sync and fsync=off. Only for throwaway sandboxes (tests); a crash of
    // the machine can then corrupt the cluster.
    bool syncToDisk = true;
};

} // namespace PgVault
