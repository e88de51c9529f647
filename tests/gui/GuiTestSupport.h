#pragma once

#include "support/AppServices.h"

#include <QApplication>
#include <QLabel>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

namespace PgVault {
class Translator;
class JobManager;
class ProfileStore;
class SecretStore;
class Settings;
} // namespace PgVault

namespace PgVault::Test {

// What a GUI test needs: core services on a temporary settings file (never the user's), the
// icons and translations registered, and helpers to find widgets and save screenshots.
class GuiFixture
{
public:
    // withSecrets: a real SecretStore (the keychain of the test's session, if any); otherwise
    // none, so that passwords are asked for and nothing waits on a keychain.
    explicit GuiFixture(bool withSecrets = false);
    ~GuiFixture();

    Settings *settings() const { return m_settings.get(); }
    ProfileStore *profiles() const { return m_profiles.get(); }
    SecretStore *secrets() const { return m_secrets.get(); }
    JobManager *jobs() const { return m_jobs.get(); }
    AppServices services() const;
    QString settingsPath() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<JobManager> m_jobs;
};

// Registers :/icons and :/i18n and installs the translation for QLocale::system(), as the
// application does (call once, e.g. in initTestCase()).
void initGuiResources();
// The translator initGuiResources() installed; tests switch languages with it.
Translator *testTranslator();

// Saves widget->grab() as $PGVAULT_TEST_ARTIFACTS/<name>.png; returns the path (empty on failure).
QString saveScreenshot(QWidget *widget, const QString &name);

// The texts of every visible label, button, line edit, group box title and tab of root (and its
// visible descendants), for assertions on what the user sees.
QStringList visibleTexts(const QWidget *root);
// True when one of visibleTexts(root) contains `text` (case-sensitive).
bool showsText(const QWidget *root, const QString &text);

// The one visible descendant of root with this objectName, or nullptr.
template<typename T>
T *findVisible(const QWidget *root, const QString &objectName)
{
    const QList<T *> all = root->findChildren<T *>(objectName);
    for (T *widget : all) {
        if (widget->isVisible())
            return widget;
    }
    return nullptr;
}

// A visible top-level widget of type T (a dialog opened with open()/show()), or nullptr.
template<typename T>
T *findTopLevel()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (auto *typed = qobject_cast<T *>(widget); typed && typed->isVisible())
            return typed;
    }
    return nullptr;
}

} // namespace PgVault::Test
