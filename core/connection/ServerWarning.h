#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace PgVault {

// One problem found in ServerFacts, in plain words, with how to fix it when we know.
struct ServerWarning
{
    enum class Severity { Info, Warning, Critical };

    // Stable, untranslated key for code (the UI's one-click fixes, --json):
    // "no-replication-privilege", "wal-level-minimal", "archive-mode-off",
    // "archive-command-missing", "archiver-failing", "archiver-failed-before",
    // "no-wal-senders", "replication-slots-exhausted", "data-checksums-off",
    // "data-directory-unknown", "client-tool-missing:<tool>".
    QString id;
    Severity severity = Severity::Warning;
    QString text;    // translated: what is wrong and what it blocks
    QString fixHint; // translated: what to do; may be empty
    QString fixSql;  // SQL that fixes it (e.g. ALTER ROLE … REPLICATION); may be empty
    bool fixNeedsRestart = false;

    bool operator==(const ServerWarning &other) const = default;
};

} // namespace PgVault

Q_DECLARE_METATYPE(PgVault::ServerWarning)
