#pragma once

#include "connection/ConnInfo.h"
#include "settings/Profile.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace PgVault {

class Error;
class ProfileStore;
class SecretStore;
class ServerInspector;
class ToolLocator;

// Adds or edits a saved server. The fields (host, port, database, user, SSL mode) and the
// connection string (libpq key=value or postgresql:// URI) stay in sync both ways; libpq parses
// the string (ConnInfo), so every libpq option is accepted there. "Test Connection" inspects the
// server asynchronously and shows the result inline. Saving writes the profile without any
// password; the password goes to the keychain when asked to (and when there is one), and is
// otherwise kept in memory for this session only.
//
// Open it with open() or show(); profileSaved() tells what was stored.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectionDialog(ProfileStore *profiles, SecretStore *secrets,
                     std::shared_ptr<const ToolLocator> tools, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // Edit an existing profile instead of adding one.
    void setProfile(const Profile &profile);
    bool isEditing() const { return m_original.has_value(); }

    // The connection as the fields describe it (never with a password).
    const ConnInfo &connInfo() const { return m_connInfo; }

    void accept() override;

Q_SIGNALS:
    void profileSaved(const PgVault::Profile &profile);

private:
    void onFieldEdited();
    void onConnInfoEdited(const QString &text);
    void onConnInfoEditingFinished();
    void onTestClicked();
    void onTestFinished();
    void onKeychainUnavailable();
    void showFields(const ConnInfo &info);
    void setSslMode(const QString &mode);
    void updateOkButton();
    void updateKeychainUi();
    void showTestMessage(const QString &html, bool busy = false);
    void showTestError(const Error &error);
    void growToFit();
    void cancelTest();
    void storePassword(const Profile &profile);

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    std::shared_ptr<const ToolLocator> m_tools;
    std::optional<Profile> m_original;
    ConnInfo m_connInfo;
    bool m_connInfoValid = true;
    bool m_connInfoHadPassword = false;
    bool m_hadStoredPassword = false;
    bool m_passwordTouched = false;
    bool m_syncing = false;

    QFormLayout *m_form = nullptr;
    QLineEdit *m_nameEdit;
    QLineEdit *m_hostEdit;
    QLineEdit *m_portEdit;
    QLineEdit *m_databaseEdit;
    QLineEdit *m_userEdit;
    QComboBox *m_sslModeCombo;
    QLineEdit *m_connInfoEdit;
    QLabel *m_connInfoErrorLabel;
    QLineEdit *m_passwordEdit;
    QCheckBox *m_savePasswordCheck;
    QLabel *m_keychainNoteLabel;
    QPushButton *m_testButton;
    QLabel *m_testIconLabel;
    QLabel *m_testResultLabel;
    QPushButton *m_testDetailsButton;
    QLabel *m_saveErrorLabel;
    QDialogButtonBox *m_buttons;
    ServerInspector *m_inspector = nullptr;
    QString m_testDetail;
};

} // namespace PgVault
