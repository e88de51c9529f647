#pragma once

#include <QByteArray>
#include <QObject>
#include <QUuid>

#include <memory>

class QSettings;

namespace PgVault {

// Window state that only the GUI cares about (geometry, splitters, the last selected server).
// Kept apart from core's Settings, in "pgvault-ui.conf" next to its file, so that a test that
// injects a temporary settings path gets a temporary UI state too.
class UiSettings : public QObject
{
    Q_OBJECT

public:
    // settingsFilePath: core's Settings::filePath(); the UI file goes next to it.
    explicit UiSettings(const QString &settingsFilePath, QObject *parent = nullptr);
    ~UiSettings() override;

    QString filePath() const;

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);
    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &state);
    QByteArray splitterState(const QString &name) const;
    void setSplitterState(const QString &name, const QByteArray &state);
    QUuid lastSelectedProfile() const;
    void setLastSelectedProfile(const QUuid &id);
    // The system identifier a server was last seen with, so that its backups can be listed
    // while it is unreachable (0 = never seen).
    quint64 knownSystemId(const QUuid &profileId) const;
    void setKnownSystemId(const QUuid &profileId, quint64 systemId);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace PgVault
