#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace PgVault::Cli {

// What `check` says about the repository folder: does it exist, is it a PgVault repository
// (readable marker, known format), can we write there, and does it already hold this server.
// Read-only: creating the repository is the first backup's job.
struct RepositoryProbe
{
    QString path;
    bool exists = false;       // the folder exists
    bool isRepository = false; // with a readable pgvault-repository.json of a known format
    int formatVersion = 0;
    bool writable = false;    // the folder, or the nearest existing parent when it is missing
    bool holdsServer = false; // has servers/<system identifier>/
    QString state;            // translated one-line summary
    QString problem;          // translated: why backups cannot go there; empty when fine

    static RepositoryProbe probe(const QString &path, std::optional<quint64> systemIdentifier);
    QJsonObject toJson() const;
};

} // namespace PgVault::Cli
