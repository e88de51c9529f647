#pragma once

#include <QString>
#include <QTemporaryDir>

namespace PgVault::Test {

// A private home for tests that run the real sandbox code (initdb, pg_ctl, the default settings
// and repository): HOME and XDG_* of this process point into a fresh temporary folder, the
// PGVAULT_* and PG* variables that could redirect it are cleared, and as root the sandbox,
// socket and repository locations (which root takes from PGVAULT_* variables) are set inside
// it too. So a developer's real sandbox, settings and repository are never touched.
class SandboxHome
{
public:
    // Folder names inside the home; tests may choose awkward ones (spaces, quotes) on purpose.
    struct Names
    {
        QString dataHome = QStringLiteral("data");
        QString runtimeDir = QStringLiteral("runtime");
        QString rootSandbox = QStringLiteral("sandbox");
        QString rootSocket = QStringLiteral("sock");
        QString rootRepository = QStringLiteral("repository");
    };

    // `pathTemplate` as for QTemporaryDir, e.g. "/tmp/pgvault-sbx-XXXXXX" (short: socket paths
    // are limited to ~100 bytes).
    explicit SandboxHome(const QString &pathTemplate);
    SandboxHome(const QString &pathTemplate, const Names &names);

    // False (with errorString()) when the folder or its environment could not be set up.
    bool isValid() const { return m_error.isEmpty(); }
    const QString &errorString() const { return m_error; }

    QString path() const { return m_dir.path(); }
    const QString &runtimeDir() const { return m_runtimeDir; }
    // <home>/<name>, created when missing.
    QString subdir(const QString &name) const;

    // True when `path` is inside `folder` (after cleaning both).
    static bool isUnder(const QString &path, const QString &folder);
    // True when some PostgreSQL installation on this machine has initdb.
    static bool haveServerInstallation();

private:
    void setUp(const Names &names);

    QTemporaryDir m_dir;
    QString m_runtimeDir;
    QString m_error;
};

} // namespace PgVault::Test
