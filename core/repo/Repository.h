#pragma once

#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace PgVault {

// A repository folder (see ARCHITECTURE.md "Repository"):
//   pgvault-repository.json           format version, creation time
//   servers/<system-identifier>/      server.json, backups/, wal/, index/
// A value type holding the folder and its format facts; it keeps no files open, so copies are
// cheap and readers never block anyone.
class Repository
{
public:
    static constexpr int FormatVersion = 1;
    static constexpr const char *MarkerFile = "pgvault-repository.json";

    // PGVAULT_REPO, else <GenericDataLocation>/pgvault/repository
    // (~/.local/share/pgvault/repository).
    static QString defaultPath();

    // Opens an existing repository. NotFound when the folder is missing or holds no marker
    // file, Unsupported for a newer format, Corrupt for an unreadable marker.
    static Result<Repository> open(const QString &path);
    // Opens the repository at `path`, creating it (and the folder) when the folder is missing
    // or empty. A non-empty folder that is not a repository is refused (AlreadyExists).
    static Result<Repository> create(const QString &path);

    const QString &path() const { return m_path; }
    int formatVersion() const { return m_formatVersion; }
    const QDateTime &createdAt() const { return m_createdAt; }

    static QString systemIdText(quint64 systemId) { return QString::number(systemId); }

    QString serversPath() const;
    QString serverPath(quint64 systemId) const;
    QString backupsPath(quint64 systemId) const;
    QString walPath(quint64 systemId) const;
    QString indexPath(quint64 systemId) const;

    // System identifiers of the server folders present (folders whose name is a decimal u64).
    QList<quint64> serverIds() const;
    // Creates servers/<id>/ with backups/, wal/ and index/ (durably). Cheap when they exist.
    Status ensureServer(quint64 systemId) const;

private:
    Repository() = default;
    static Result<Repository> readMarker(const QString &path);

    QString m_path;
    int m_formatVersion = 0;
    QDateTime m_createdAt;
};

} // namespace PgVault
