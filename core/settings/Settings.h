#pragma once

#include "common/Result.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

class QSettings;

namespace PgVault {

// PgVault's settings: one INI file at an injected path (tests pass a temporary file, the apps
// use defaultFilePath()). Every key, its name in the file and its default live in one table in
// Settings.cpp; the typed accessors below read through that table.
//
// Secrets never go here: passwords live in the system keychain (SecretStore).
//
// Like QSettings, an instance belongs to one thread; workers receive the values they need.
class Settings : public QObject
{
    Q_OBJECT

public:
    enum class Key {
        PgBinDirs,             // QStringList: extra PostgreSQL bin directories to search
        DefaultRepositoryPath, // QString: empty = builtInRepositoryPath()
        KeychainWarningShown,  // bool: the "no keychain" warning was shown once
    };
    Q_ENUM(Key)

    // GenericConfigLocation/pgvault/pgvault.conf. Not AppConfigLocation: that depends on
    // QCoreApplication::applicationName, which differs between pgvault and pgvault-cli, and
    // both must read the same file.
    static QString defaultFilePath();
    // GenericDataLocation/pgvault/repository, i.e. ~/.local/share/pgvault/repository.
    static QString builtInRepositoryPath();
    // The environment variable that overrides the default repository ("PGVAULT_REPO").
    static QString repositoryEnvironmentVariable();

    explicit Settings(const QString &filePath = defaultFilePath(), QObject *parent = nullptr);
    ~Settings() override;

    QString filePath() const;

    // Whether the file could be read (a damaged file is Corrupt) or, after sync(), written.
    Status status() const;
    // Writes pending changes to disk (atomically, through QSettings' QSaveFile) and reports
    // whether that worked.
    Status sync();

    // Generic access through the key table. Setting a key to its default removes it from the file.
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);
    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

    QStringList pgBinDirs() const;
    void setPgBinDirs(const QStringList &dirs);

    // The repository used when neither --repo nor the profile names one:
    // $PGVAULT_REPO if set, else the stored setting, else builtInRepositoryPath().
    QString defaultRepositoryPath() const;
    bool isRepositoryPathFromEnvironment() const;
    // What the user chose in the settings; empty means builtInRepositoryPath().
    QString storedRepositoryPath() const;
    void setStoredRepositoryPath(const QString &path);

    bool keychainWarningShown() const;
    void setKeychainWarningShown(bool shown);

    // The underlying store, for the other stores of core/settings (ProfileStore keeps
    // profiles/<uuid>/... here). Not for the UI: UI state goes to ui/support/UiSettings.
    QSettings &storage();
    const QSettings &storage() const;

Q_SIGNALS:
    void changed(PgVault::Settings::Key key);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace PgVault
