#include "ConnectionDialog.h"

#include "connection/ServerAdvisor.h"
#include "connection/ServerInspector.h"
#include "dialogs/ErrorDetailsDialog.h"
#include "secrets/SecretStore.h"
#include "settings/ProfileStore.h"
#include "support/Icons.h"
#include "tools/ToolLocator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace PgVault {

namespace {

constexpr int TestIconSize = 20;

void setOrRemove(ConnInfo &info, const QString &keyword, const QString &value)
{
    if (value.isEmpty())
        info.remove(keyword);
    else
        (void)info.setValue(keyword, value); // known keywords only: cannot fail
}

QString bulletList(const QStringList &items)
{
    QString html = QStringLiteral("<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">");
    for (const QString &item : items)
        html += QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
    html += QStringLiteral("</ul>");
    return html;
}

} // namespace

ConnectionDialog::ConnectionDialog(ProfileStore *profiles, SecretStore *secrets,
                                   std::shared_ptr<const ToolLocator> tools, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_tools(std::move(tools))
    , m_nameEdit(new QLineEdit(this))
    , m_hostEdit(new QLineEdit(this))
    , m_portEdit(new QLineEdit(this))
    , m_databaseEdit(new QLineEdit(this))
    , m_userEdit(new QLineEdit(this))
    , m_sslModeCombo(new QComboBox(this))
    , m_connInfoEdit(new QLineEdit(this))
    , m_connInfoErrorLabel(new QLabel(this))
    , m_passwordEdit(new QLineEdit(this))
    , m_savePasswordCheck(new QCheckBox(tr("Save password in keychain"), this))
    , m_keychainNoteLabel(new QLabel(this))
    , m_testButton(new QPushButton(tr("Test Connection"), this))
    , m_testIconLabel(new QLabel(this))
    , m_testResultLabel(new QLabel(this))
    , m_testDetailsButton(new QPushButton(tr("Details…"), this))
    , m_saveErrorLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(tr("Add Server"));

    m_nameEdit->setObjectName(QStringLiteral("nameLineEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. Production"));
    m_nameEdit->setMaxLength(100);
    m_hostEdit->setObjectName(QStringLiteral("hostLineEdit"));
    m_hostEdit->setPlaceholderText(tr("localhost"));
    m_hostEdit->setToolTip(tr("Host name or address; a directory (starting with /) means a local "
                              "Unix socket. Several hosts can be separated by commas."));
    m_portEdit->setObjectName(QStringLiteral("portLineEdit"));
    m_portEdit->setPlaceholderText(QStringLiteral("5432"));
    m_portEdit->setValidator(new QIntValidator(1, 65535, m_portEdit));
    m_portEdit->setMaximumWidth(
            m_portEdit->fontMetrics().horizontalAdvance(QStringLiteral("000000")) + 24);
    m_databaseEdit->setObjectName(QStringLiteral("databaseLineEdit"));
    m_databaseEdit->setPlaceholderText(tr("same as the user name"));
    m_userEdit->setObjectName(QStringLiteral("userLineEdit"));
    m_userEdit->setPlaceholderText(tr("your login name"));

    m_sslModeCombo->setObjectName(QStringLiteral("sslModeComboBox"));
    m_sslModeCombo->addItem(tr("Default (prefer)"), QString());
    m_sslModeCombo->addItem(tr("disable — never use SSL"), QStringLiteral("disable"));
    m_sslModeCombo->addItem(tr("allow — only if the server insists"), QStringLiteral("allow"));
    m_sslModeCombo->addItem(tr("prefer — use SSL when available"), QStringLiteral("prefer"));
    m_sslModeCombo->addItem(tr("require — always encrypt"), QStringLiteral("require"));
    m_sslModeCombo->addItem(tr("verify-ca — encrypt and check the certificate"),
                            QStringLiteral("verify-ca"));
    m_sslModeCombo->addItem(tr("verify-full — also check the host name"),
                            QStringLiteral("verify-full"));

    m_connInfoEdit->setObjectName(QStringLiteral("connInfoLineEdit"));
    m_connInfoEdit->setPlaceholderText(QStringLiteral("postgresql://user@host:5432/dbname"));
    m_connInfoEdit->setToolTip(tr("The same connection as one libpq connection string "
                                  "(host=… port=… dbname=…) or postgresql:// URI. Edit either this "
                                  "or the fields above; the other follows. Every libpq option "
                                  "works here."));
    m_connInfoErrorLabel->setObjectName(QStringLiteral("connInfoErrorLabel"));
    m_connInfoErrorLabel->setWordWrap(true);
    m_connInfoErrorLabel->setTextFormat(Qt::PlainText);
    QPalette errorPalette = m_connInfoErrorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_connInfoErrorLabel->setPalette(errorPalette);

    m_passwordEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setPlaceholderText(tr("leave empty to use ~/.pgpass"));
    m_savePasswordCheck->setObjectName(QStringLiteral("savePasswordCheckBox"));
    m_savePasswordCheck->setChecked(true);
    m_savePasswordCheck->setToolTip(tr("Keep the password in the system keychain. It is never "
                                       "written to PgVault's settings."));
    m_keychainNoteLabel->setObjectName(QStringLiteral("keychainNoteLabel"));
    m_keychainNoteLabel->setWordWrap(true);
    m_keychainNoteLabel->setForegroundRole(QPalette::PlaceholderText);
    m_keychainNoteLabel->setText(tr("No keychain is available, so the password is kept in "
                                    "memory only until PgVault closes; you will be asked for it "
                                    "again next time."));

    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testButton->setAutoDefault(false);
    m_testIconLabel->setObjectName(QStringLiteral("testResultIconLabel"));
    m_testIconLabel->setFixedSize(TestIconSize, TestIconSize);
    m_testResultLabel->setObjectName(QStringLiteral("testResultLabel"));
    m_testResultLabel->setWordWrap(true);
    m_testResultLabel->setTextFormat(Qt::RichText);
    m_testResultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResultLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_testDetailsButton->setObjectName(QStringLiteral("testDetailsButton"));
    m_testDetailsButton->setAutoDefault(false);
    m_testDetailsButton->setVisible(false);

    m_saveErrorLabel->setObjectName(QStringLiteral("saveErrorLabel"));
    m_saveErrorLabel->setWordWrap(true);
    m_saveErrorLabel->setTextFormat(Qt::PlainText);
    m_saveErrorLabel->setPalette(errorPalette);
    m_saveErrorLabel->setVisible(false);

    m_buttons->setObjectName(QStringLiteral("connectionButtonBox"));
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    // Layout: name; the connection (fields, then the string); password; test; buttons.
    auto *form = new QFormLayout;
    m_form = form;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(8);

    form->addRow(tr("&Name:"), m_nameEdit);

    auto *hostRow = new QHBoxLayout;
    hostRow->setSpacing(8);
    hostRow->addWidget(m_hostEdit, 1);
    auto *portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_portEdit);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_portEdit);
    auto *hostLabel = new QLabel(tr("&Host:"), this);
    hostLabel->setBuddy(m_hostEdit);
    form->addRow(hostLabel, hostRow);
    form->addRow(tr("&Database:"), m_databaseEdit);
    form->addRow(tr("&User:"), m_userEdit);
    form->addRow(tr("&SSL mode:"), m_sslModeCombo);

    form->addRow(tr("Connection &string:"), m_connInfoEdit);
    form->addRow(QString(), m_connInfoErrorLabel);

    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::HLine);
    separator->setFrameShadow(QFrame::Sunken);
    form->addRow(separator);

    form->addRow(tr("Pass&word:"), m_passwordEdit);
    form->addRow(QString(), m_savePasswordCheck);
    form->addRow(QString(), m_keychainNoteLabel);

    auto *testRow = new QHBoxLayout;
    testRow->setSpacing(10);
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testIconLabel, 0, Qt::AlignTop);
    testRow->addWidget(m_testResultLabel, 1);
    testRow->addWidget(m_testDetailsButton, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 18, 18, 14);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addSpacing(4);
    layout->addLayout(testRow);
    layout->addStretch(1);
    layout->addWidget(m_saveErrorLabel);
    layout->addWidget(m_buttons);

    connect(m_hostEdit, &QLineEdit::textEdited, this, &ConnectionDialog::onFieldEdited);
    connect(m_portEdit, &QLineEdit::textEdited, this, &ConnectionDialog::onFieldEdited);
    connect(m_databaseEdit, &QLineEdit::textEdited, this, &ConnectionDialog::onFieldEdited);
    connect(m_userEdit, &QLineEdit::textEdited, this, &ConnectionDialog::onFieldEdited);
    connect(m_sslModeCombo, &QComboBox::activated, this, &ConnectionDialog::onFieldEdited);
    connect(m_connInfoEdit, &QLineEdit::textEdited, this, &ConnectionDialog::onConnInfoEdited);
    connect(m_connInfoEdit, &QLineEdit::editingFinished, this,
            &ConnectionDialog::onConnInfoEditingFinished);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &ConnectionDialog::updateOkButton);
    connect(m_passwordEdit, &QLineEdit::textEdited, this, [this] { m_passwordTouched = true; });
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionDialog::onTestClicked);
    connect(m_testDetailsButton, &QPushButton::clicked, this, [this] {
        ErrorDetailsDialog::showDetails(tr("Connection Test"), m_testResultLabel->text(),
                                        m_testDetail, this);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    connect(this, &QDialog::finished, this, &ConnectionDialog::cancelTest);
    if (m_secrets) {
        connect(m_secrets, &SecretStore::keychainUnavailable, this,
                &ConnectionDialog::onKeychainUnavailable);
    }

    m_form->setRowVisible(m_connInfoErrorLabel, false);
    m_testIconLabel->setVisible(false);
    m_testResultLabel->setText(tr("Check that PgVault can reach the server with these settings."));
    m_testResultLabel->setForegroundRole(QPalette::PlaceholderText);
    updateKeychainUi();
    updateOkButton();
    m_nameEdit->setFocus();
    resize(680, 0);
    growToFit();
}

ConnectionDialog::~ConnectionDialog()
{
    cancelTest();
}

void ConnectionDialog::setProfile(const Profile &profile)
{
    m_original = profile;
    setWindowTitle(tr("Edit Server “%1”").arg(profile.name()));
    m_nameEdit->setText(profile.name());
    m_connInfoEdit->setText(profile.conninfo());
    onConnInfoEdited(profile.conninfo());

    // Show the saved password (masked) so that testing and saving keep it.
    if (m_secrets) {
        m_secrets->readPassword(profile.id(), this, [this](const SecretStore::ReadResult &result) {
            if (!result.ok() || !result.value() || m_passwordTouched)
                return;
            m_hadStoredPassword = true;
            m_passwordEdit->setText(*result.value());
            m_savePasswordCheck->setChecked(true);
        });
        m_savePasswordCheck->setChecked(false);
    }
}

void ConnectionDialog::onFieldEdited()
{
    if (m_syncing)
        return;
    ConnInfo info = m_connInfoValid ? m_connInfo : ConnInfo();
    setOrRemove(info, QStringLiteral("host"), m_hostEdit->text().trimmed());
    setOrRemove(info, QStringLiteral("port"), m_portEdit->text().trimmed());
    setOrRemove(info, QStringLiteral("dbname"), m_databaseEdit->text().trimmed());
    setOrRemove(info, QStringLiteral("user"), m_userEdit->text().trimmed());
    setOrRemove(info, QStringLiteral("sslmode"), m_sslModeCombo->currentData().toString());
    m_connInfo = info;
    m_connInfoValid = true;
    m_connInfoHadPassword = false;
    m_connInfoEdit->setText(info.toString());
    m_form->setRowVisible(m_connInfoErrorLabel, false);
    updateOkButton();
}

void ConnectionDialog::onConnInfoEdited(const QString &text)
{
    const Result<ConnInfo> parsed = ConnInfo::parse(text.trimmed());
    if (!parsed.ok()) {
        m_connInfoValid = false;
        m_connInfoErrorLabel->setText(parsed.error().message());
        m_form->setRowVisible(m_connInfoErrorLabel, true);
        updateOkButton();
        return;
    }
    m_connInfoValid = true;
    m_form->setRowVisible(m_connInfoErrorLabel, false);
    ConnInfo info = parsed.value();
    m_connInfoHadPassword = info.hasPassword();
    if (info.hasPassword()) {
        // A pasted URI with user:password@ — the password moves to its own field.
        m_passwordEdit->setText(info.value(QStringLiteral("password")));
        m_passwordTouched = true;
        info = info.withoutPassword();
    }
    m_connInfo = info;
    showFields(info);
    updateOkButton();
}

void ConnectionDialog::onConnInfoEditingFinished()
{
    // Don't leave a password in the visible connection string.
    if (m_connInfoValid && m_connInfoHadPassword) {
        m_connInfoHadPassword = false;
        m_connInfoEdit->setText(m_connInfo.toString());
    }
}

void ConnectionDialog::showFields(const ConnInfo &info)
{
    m_syncing = true;
    m_hostEdit->setText(info.host());
    m_portEdit->setText(info.port());
    m_databaseEdit->setText(info.dbname());
    m_userEdit->setText(info.user());
    setSslMode(info.sslmode());
    m_syncing = false;
}

void ConnectionDialog::setSslMode(const QString &mode)
{
    int index = m_sslModeCombo->findData(mode);
    if (index < 0) {
        m_sslModeCombo->addItem(mode, mode);
        index = m_sslModeCombo->count() - 1;
    }
    m_sslModeCombo->setCurrentIndex(index);
}

void ConnectionDialog::updateOkButton()
{
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    save->setEnabled(m_connInfoValid && !m_nameEdit->text().trimmed().isEmpty());
    m_testButton->setEnabled(m_connInfoValid || m_inspector);
}

void ConnectionDialog::updateKeychainUi()
{
    const bool keychain = m_secrets && !SecretStore::isKeychainUnavailable();
    m_form->setRowVisible(m_savePasswordCheck, keychain);
    m_form->setRowVisible(m_keychainNoteLabel, !keychain);
}

void ConnectionDialog::onKeychainUnavailable()
{
    updateKeychainUi();
}

void ConnectionDialog::onTestClicked()
{
    if (m_inspector) {
        cancelTest();
        showTestMessage(tr("Test stopped."));
        return;
    }
    m_inspector = new ServerInspector(this);
    if (m_tools)
        m_inspector->setToolLocator(m_tools);
    connect(m_inspector, &ServerInspector::progress, this,
            [this](const QString &step) { showTestMessage(step.toHtmlEscaped(), true); });
    connect(m_inspector, &ServerInspector::finished, this, &ConnectionDialog::onTestFinished);
    m_testButton->setText(tr("Stop Test"));
    showTestMessage(tr("Connecting to %1…").arg(m_connInfo.displayAddress().toHtmlEscaped()), true);
    const QString password = m_passwordEdit->text();
    m_inspector->start(m_connInfo,
                       password.isEmpty() ? std::nullopt : std::optional<QString>(password));
}

void ConnectionDialog::onTestFinished()
{
    ServerInspector *inspector = m_inspector;
    m_inspector = nullptr;
    inspector->deleteLater();
    m_testButton->setText(tr("Test Connection"));
    updateOkButton();

    const Result<ServerFacts> result = inspector->result();
    if (!result.ok()) {
        showTestError(result.error());
        return;
    }
    const ServerFacts &facts = result.value();
    QString privileges;
    if (facts.isSuperuser)
        privileges = tr("superuser");
    else if (facts.hasReplication)
        privileges = tr("with REPLICATION");
    else
        privileges = tr("without superuser or REPLICATION");
    QString html = tr("<b>Connected.</b> PostgreSQL %1 as “%2” (%3).")
                           .arg(facts.serverVersion.toHtmlEscaped(),
                                facts.currentUser.toHtmlEscaped(), privileges);
    QStringList problems;
    for (const ServerWarning &warning : ServerAdvisor::warnings(facts)) {
        if (warning.severity != ServerWarning::Severity::Info)
            problems.append(warning.text);
    }
    if (!problems.isEmpty())
        html += QStringLiteral("<br>") + tr("To look at:") + bulletList(problems);

    m_testDetail.clear();
    m_testDetailsButton->setVisible(false);
    const QIcon icon = problems.isEmpty() ? Icons::ok() : Icons::warning();
    m_testIconLabel->setPixmap(icon.pixmap(QSize(TestIconSize, TestIconSize), devicePixelRatioF()));
    m_testIconLabel->setVisible(true);
    m_testResultLabel->setForegroundRole(QPalette::WindowText);
    m_testResultLabel->setText(html);
    growToFit();
}

void ConnectionDialog::growToFit()
{
    // Word-wrapped results need more height at this width than the dialog was opened with;
    // grow (never shrink) so nothing is clipped.
    // Sub-layouts cache their height-for-width; a label that changed only invalidated the top.
    const QList<QLayout *> layouts = findChildren<QLayout *>();
    for (QLayout *child : layouts)
        child->invalidate();
    QLayout *mainLayout = layout();
    mainLayout->invalidate();
    const int needed = mainLayout->hasHeightForWidth() ? mainLayout->totalHeightForWidth(width())
                                                       : mainLayout->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void ConnectionDialog::showTestError(const Error &error)
{
    m_testDetail = error.detail();
    m_testDetailsButton->setVisible(!m_testDetail.isEmpty());
    m_testIconLabel->setPixmap(
            Icons::error().pixmap(QSize(TestIconSize, TestIconSize), devicePixelRatioF()));
    m_testIconLabel->setVisible(true);
    m_testResultLabel->setForegroundRole(QPalette::WindowText);
    m_testResultLabel->setText(error.message().toHtmlEscaped());
    growToFit();
}

void ConnectionDialog::showTestMessage(const QString &html, bool busy)
{
    m_testDetail.clear();
    m_testDetailsButton->setVisible(false);
    m_testIconLabel->setVisible(false);
    m_testResultLabel->setForegroundRole(busy ? QPalette::WindowText : QPalette::PlaceholderText);
    m_testResultLabel->setText(html);
}

void ConnectionDialog::cancelTest()
{
    if (!m_inspector)
        return;
    ServerInspector *inspector = m_inspector;
    m_inspector = nullptr;
    inspector->disconnect(this);
    inspector->cancel();
    inspector->deleteLater();
    m_testButton->setText(tr("Test Connection"));
    updateOkButton();
}

void ConnectionDialog::accept()
{
    m_saveErrorLabel->setVisible(false);
    const QString name = m_nameEdit->text().trimmed();
    const QString conninfo = m_connInfo.withoutPassword().toString();
    // A new profile gets its id now, so that its password can be in place before the profile
    // appears: selecting it inspects the server at once.
    Profile profile = m_original ? *m_original : Profile::create(name, conninfo);
    profile.setName(name);
    profile.setConninfo(conninfo);
    const QString password = m_passwordEdit->text();
    if (m_secrets && !password.isEmpty())
        m_secrets->rememberForSession(profile.id(), password);

    const Result<Profile> saved
            = m_original ? m_profiles->update(profile) : m_profiles->add(profile);
    if (!saved.ok()) {
        if (m_secrets && !m_original)
            m_secrets->forgetForSession(profile.id());
        m_saveErrorLabel->setText(saved.error().message());
        m_saveErrorLabel->setVisible(true);
        return;
    }
    storePassword(saved.value());
    Q_EMIT profileSaved(saved.value());
    QDialog::accept();
}

void ConnectionDialog::storePassword(const Profile &profile)
{
    if (!m_secrets)
        return;
    const QString password = m_passwordEdit->text();
    const bool keychain = !SecretStore::isKeychainUnavailable();
    const bool save = keychain && m_savePasswordCheck->isChecked();
    SecretStore *secrets = m_secrets;
    const QUuid id = profile.id();

    if (password.isEmpty()) {
        if (m_hadStoredPassword)
            secrets->deletePassword(id, secrets);
        return;
    }
    if (save) {
        secrets->writePassword(id, password, secrets); // remembered for the session already
        return;
    }
    // Not kept in the keychain: remember it for this session only (after removing a copy the
    // keychain may hold from before, which also forgets the session copy).
    if (m_hadStoredPassword) {
        secrets->deletePassword(id, secrets, [secrets, id, password](const Status &) {
            secrets->rememberForSession(id, password);
        });
    }
    secrets->rememberForSession(id, password);
}

} // namespace PgVault
