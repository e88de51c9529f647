#include "UiSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace PgVault {

namespace {
const QString Group = QStringLiteral("MainWindow");
} // namespace

UiSettings::UiSettings(const QString &settingsFilePath, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(
              QFileInfo(settingsFilePath).dir().filePath(QStringLiteral("pgvault-ui.conf")),
              QSettings::IniFormat))
{}

UiSettings::~UiSettings()
{
    sync();
}

QString UiSettings::filePath() const
{
    return m_settings->fileName();
}

QByteArray UiSettings::mainWindowGeometry() const
{
    return m_settings->value(Group + QStringLiteral("/geometry")).toByteArray();
}

void UiSettings::setMainWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(Group + QStringLiteral("/geometry"), geometry);
}

QByteArray UiSettings::mainWindowState() const
{
    return m_settings->value(Group + QStringLiteral("/state")).toByteArray();
}

void UiSettings::setMainWindowState(const QByteArray &state)
{
    m_settings->setValue(Group + QStringLiteral("/state"), state);
}

QByteArray UiSettings::splitterState(const QString &name) const
{
    return m_settings->value(Group + QStringLiteral("/splitter-") + name).toByteArray();
}

void UiSettings::setSplitterState(const QString &name, const QByteArray &state)
{
    m_settings->setValue(Group + QStringLiteral("/splitter-") + name, state);
}

QUuid UiSettings::lastSelectedProfile() const
{
    return QUuid::fromString(m_settings->value(Group + QStringLiteral("/selected")).toString());
}

void UiSettings::setLastSelectedProfile(const QUuid &id)
{
    m_settings->setValue(Group + QStringLiteral("/selected"), id.toString(QUuid::WithoutBraces));
}

quint64 UiSettings::knownSystemId(const QUuid &profileId) const
{
    return m_settings
            ->value(QStringLiteral("SystemIds/") + profileId.toString(QUuid::WithoutBraces))
            .toString()
            .toULongLong();
}

void UiSettings::setKnownSystemId(const QUuid &profileId, quint64 systemId)
{
    // As text: a system identifier does not survive a round trip through a double.
    m_settings->setValue(QStringLiteral("SystemIds/") + profileId.toString(QUuid::WithoutBraces),
                         QString::number(systemId));
}

void UiSettings::sync()
{
    m_settings->sync();
}

} // namespace PgVault
