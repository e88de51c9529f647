#include "Settings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <array>

namespace PgVault {

namespace {

struct KeyInfo
{
    Settings::Key key;
    QLatin1String name; // "group/key" in the INI file
    QVariant defaultValue;
};

// The one table of keys (KeePassXC's Config pattern): add a key here and to Settings::Key.
const std::array<KeyInfo, 3> &keyTable()
{
    static const std::array<KeyInfo, 3> table{{
            {Settings::Key::PgBinDirs, QLatin1String("general/pgBinDirs"), QVariant(QStringList())},
            {Settings::Key::DefaultRepositoryPath, QLatin1String("general/defaultRepository"),
             QVariant(QString())},
            {Settings::Key::KeychainWarningShown, QLatin1String("general/keychainWarningShown"),
             QVariant(false)},
    }};
    return table;
}

const KeyInfo &keyInfo(Settings::Key key)
{
    for (const KeyInfo &info : keyTable()) {
        if (info.key == key)
            return info;
    }
    Q_ASSERT_X(false, "Settings", "key missing from keyTable()");
    return keyTable().front();
}

// Values come back from the INI file as strings (and a one-element list as a plain string);
// convert them to the type of the default so callers always get what the table promises.
QVariant toDefaultType(const QVariant &stored, const QVariant &fallback)
{
    if (!stored.isValid())
        return fallback;
    if (stored.metaType() == fallback.metaType())
        return stored;
    QVariant converted = stored;
    if (converted.convert(fallback.metaType()))
        return converted;
    return fallback;
}

QStringList cleanDirList(const QStringList &dirs)
{
    QStringList result;
    for (const QString &dir : dirs) {
        const QString trimmed = dir.trimmed();
        if (trimmed.isEmpty())
            continue;
        const QString clean = QDir::cleanPath(trimmed);
        if (!result.contains(clean))
            result.append(clean);
    }
    return result;
}

} // namespace

QString Settings::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/pgvault/pgvault.conf");
}

QString Settings::builtInRepositoryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/pgvault/repository");
}

QString Settings::repositoryEnvironmentVariable()
{
    return QStringLiteral("PGVAULT_REPO");
}

Settings::Settings(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
{}

Settings::~Settings() = default;

QString Settings::filePath() const
{
    return m_settings->fileName();
}

Status Settings::status() const
{
    switch (m_settings->status()) {
    case QSettings::NoError: return {};
    case QSettings::AccessError:
        return Error(ErrorCode::IoError,
                     tr("Could not read or write the settings file “%1”. Check that its folder "
                        "exists and that you may write to it.")
                             .arg(QDir::toNativeSeparators(filePath())),
                     QStringLiteral("QSettings::AccessError"));
    case QSettings::FormatError:
        return Error(ErrorCode::Corrupt,
                     tr("The settings file “%1” is damaged. Move it away to start with default "
                        "settings.")
                             .arg(QDir::toNativeSeparators(filePath())),
                     QStringLiteral("QSettings::FormatError"));
    }
    return Error(ErrorCode::Internal, tr("Unknown settings error."));
}

Status Settings::sync()
{
    m_settings->sync();
    return status();
}

QVariant Settings::value(Key key) const
{
    const KeyInfo &info = keyInfo(key);
    return toDefaultType(m_settings->value(info.name), info.defaultValue);
}

void Settings::setValue(Key key, const QVariant &value)
{
    const KeyInfo &info = keyInfo(key);
    const QVariant before = this->value(key);
    const QVariant typed = toDefaultType(value, info.defaultValue);
    // Defaults are not written, so changing a default in the table reaches existing users.
    if (typed == info.defaultValue)
        m_settings->remove(info.name);
    else
        m_settings->setValue(info.name, typed);
    if (typed != before)
        Q_EMIT changed(key);
}

void Settings::reset(Key key)
{
    setValue(key, defaultValue(key));
}

QString Settings::keyName(Key key)
{
    return keyInfo(key).name;
}

QVariant Settings::defaultValue(Key key)
{
    return keyInfo(key).defaultValue;
}

QStringList Settings::pgBinDirs() const
{
    return cleanDirList(value(Key::PgBinDirs).toStringList());
}

void Settings::setPgBinDirs(const QStringList &dirs)
{
    setValue(Key::PgBinDirs, cleanDirList(dirs));
}

QString Settings::defaultRepositoryPath() const
{
    if (isRepositoryPathFromEnvironment())
        return QDir::cleanPath(qEnvironmentVariable("PGVAULT_REPO"));
    const QString stored = storedRepositoryPath();
    return stored.isEmpty() ? builtInRepositoryPath() : stored;
}

bool Settings::isRepositoryPathFromEnvironment() const
{
    return !qEnvironmentVariable("PGVAULT_REPO").trimmed().isEmpty();
}

QString Settings::storedRepositoryPath() const
{
    const QString stored = value(Key::DefaultRepositoryPath).toString().trimmed();
    return stored.isEmpty() ? QString() : QDir::cleanPath(stored);
}

void Settings::setStoredRepositoryPath(const QString &path)
{
    const QString trimmed = path.trimmed();
    setValue(Key::DefaultRepositoryPath, trimmed.isEmpty() ? QString() : QDir::cleanPath(trimmed));
}

bool Settings::keychainWarningShown() const
{
    return value(Key::KeychainWarningShown).toBool();
}

void Settings::setKeychainWarningShown(bool shown)
{
    setValue(Key::KeychainWarningShown, shown);
}

QSettings &Settings::storage()
{
    return *m_settings;
}

const QSettings &Settings::storage() const
{
    return *m_settings;
}

} // namespace PgVault
