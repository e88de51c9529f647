#include "OverviewPage.h"

#include "common/Format.h"
#include "connection/ServerFacts.h"
#include "dialogs/ErrorDetailsDialog.h"
#include "support/Icons.h"
#include "support/ServerSession.h"
#include "widgets/ServerWarningWidget.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace PgVault {

namespace {

QString formatTime(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString orUnknown(const std::optional<QString> &value, const QString &unknown)
{
    return value ? *value : unknown;
}

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    // Only long prose wraps (a wrapping label's height-for-width estimate leaves gaps in short
    // rows); values with their own line breaks keep them.
    label->setWordWrap(text.size() > 60 && !text.contains(QLatin1Char('\n')));
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    return label;
}

int nextRow(const QGridLayout *grid)
{
    return grid->count() == 0 ? 0 : grid->rowCount();
}

void addPair(QGridLayout *grid, QWidget *caption, QWidget *value)
{
    const int row = nextRow(grid);
    grid->addWidget(caption, row, 0, Qt::AlignLeft | Qt::AlignTop);
    grid->addWidget(value, row, 1);
}

// Extra height (a section beside a taller one) goes below the rows, not between them.
QGroupBox *finished(QGroupBox *box)
{
    auto *grid = qobject_cast<QGridLayout *>(box->layout());
    grid->setRowStretch(grid->rowCount(), 1);
    return box;
}

void addSpanning(QGridLayout *grid, QWidget *widget)
{
    grid->addWidget(widget, nextRow(grid), 0, 1, 2);
}

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    QLabel *label = valueLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

OverviewPage::OverviewPage(ServerSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_topBar(nullptr)
    , m_checkedLabel(new QLabel(this))
    , m_refreshButton(new QPushButton(Icons::refresh(), tr("Refresh"), this))
    , m_stack(new QStackedWidget(this))
    , m_busyPage(new QWidget(m_stack))
    , m_busyLabel(new QLabel(m_busyPage))
    , m_busyBar(new QProgressBar(m_busyPage))
    , m_cancelButton(new QPushButton(tr("Cancel"), m_busyPage))
    , m_errorPage(new QWidget(m_stack))
    , m_errorTitleLabel(new QLabel(m_errorPage))
    , m_errorLabel(new QLabel(m_errorPage))
    , m_detailsButton(new QPushButton(tr("Details…"), m_errorPage))
    , m_retryButton(new QPushButton(Icons::refresh(), tr("Try Again"), m_errorPage))
    , m_passwordBox(new QGroupBox(tr("Password"), m_errorPage))
    , m_passwordHintLabel(new QLabel(m_passwordBox))
    , m_passwordEdit(new QLineEdit(m_passwordBox))
    , m_savePasswordCheck(new QCheckBox(tr("Save password in keychain"), m_passwordBox))
    , m_connectButton(new QPushButton(tr("Connect"), m_passwordBox))
    , m_factsArea(new QScrollArea(m_stack))
{
    setObjectName(QStringLiteral("overviewPage"));

    // Top bar: when the facts were read, and Refresh.
    m_checkedLabel->setObjectName(QStringLiteral("inspectedAtLabel"));
    m_checkedLabel->setForegroundRole(QPalette::PlaceholderText);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_refreshButton->setToolTip(tr("Connect again and read the server's state (F5)"));
    connect(m_refreshButton, &QPushButton::clicked, m_session, &ServerSession::refresh);
    m_topBar = new QWidget(this);
    auto *topBar = new QHBoxLayout(m_topBar);
    topBar->setContentsMargins(16, 10, 16, 6);
    topBar->addWidget(m_checkedLabel, 1);
    topBar->addWidget(m_refreshButton);

    // Busy: connecting and reading.
    m_busyLabel->setObjectName(QStringLiteral("inspectionProgressLabel"));
    m_busyLabel->setAlignment(Qt::AlignCenter);
    m_busyLabel->setWordWrap(true);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setFixedWidth(280);
    m_cancelButton->setObjectName(QStringLiteral("cancelInspectionButton"));
    connect(m_cancelButton, &QPushButton::clicked, m_session, &ServerSession::cancel);
    auto *busyLayout = new QVBoxLayout(m_busyPage);
    busyLayout->addStretch(2);
    busyLayout->addWidget(m_busyLabel);
    busyLayout->addSpacing(8);
    busyLayout->addWidget(m_busyBar, 0, Qt::AlignHCenter);
    busyLayout->addSpacing(8);
    busyLayout->addWidget(m_cancelButton, 0, Qt::AlignHCenter);
    busyLayout->addStretch(3);

    // Failed: the message in the server's words, details, try again; a password when wanted.
    auto *errorIcon = new QLabel(m_errorPage);
    errorIcon->setPixmap(Icons::error().pixmap(QSize(32, 32), devicePixelRatioF()));
    errorIcon->setAlignment(Qt::AlignTop);
    m_errorTitleLabel->setObjectName(QStringLiteral("connectionErrorTitleLabel"));
    QFont titleFont = m_errorTitleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_errorTitleLabel->setFont(titleFont);
    m_errorTitleLabel->setWordWrap(true);
    m_errorLabel->setObjectName(QStringLiteral("connectionErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailsButton->setObjectName(QStringLiteral("connectionErrorDetailsButton"));
    connect(m_detailsButton, &QPushButton::clicked, this, &OverviewPage::onDetailsClicked);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    connect(m_retryButton, &QPushButton::clicked, m_session, &ServerSession::refresh);

    m_passwordBox->setObjectName(QStringLiteral("passwordGroupBox"));
    m_passwordHintLabel->setWordWrap(true);
    m_passwordEdit->setObjectName(QStringLiteral("overviewPasswordLineEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setMinimumWidth(260);
    m_savePasswordCheck->setObjectName(QStringLiteral("overviewSavePasswordCheckBox"));
    m_savePasswordCheck->setChecked(true);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setDefault(true);
    connect(m_connectButton, &QPushButton::clicked, this, &OverviewPage::onConnectClicked);
    connect(m_passwordEdit, &QLineEdit::returnPressed, this, &OverviewPage::onConnectClicked);
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_passwordEdit);
    passwordRow->addWidget(m_connectButton);
    passwordRow->addStretch(1);
    auto *passwordLayout = new QVBoxLayout(m_passwordBox);
    passwordLayout->setSpacing(8);
    passwordLayout->addWidget(m_passwordHintLabel);
    passwordLayout->addLayout(passwordRow);
    passwordLayout->addWidget(m_savePasswordCheck);

    auto *errorButtons = new QHBoxLayout;
    errorButtons->addWidget(m_retryButton);
    errorButtons->addWidget(m_detailsButton);
    errorButtons->addStretch(1);
    auto *errorText = new QVBoxLayout;
    errorText->setSpacing(8);
    errorText->addWidget(m_errorTitleLabel);
    errorText->addWidget(m_errorLabel);
    errorText->addLayout(errorButtons);
    errorText->addSpacing(8);
    errorText->addWidget(m_passwordBox);
    auto *errorLayout = new QHBoxLayout;
    errorLayout->setSpacing(14);
    errorLayout->addWidget(errorIcon, 0, Qt::AlignTop);
    errorLayout->addLayout(errorText, 1);
    auto *errorOuter = new QVBoxLayout(m_errorPage);
    errorOuter->setContentsMargins(24, 24, 24, 24);
    errorOuter->addLayout(errorLayout);
    errorOuter->addStretch(1);
    m_errorPage->setMaximumWidth(900);

    // Facts.
    m_factsArea->setObjectName(QStringLiteral("factsScrollArea"));
    m_factsArea->setWidgetResizable(true);
    m_factsArea->setFrameShape(QFrame::NoFrame);
    // The page reflows to the width; it never scrolls sideways.
    m_factsArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_stack->setObjectName(QStringLiteral("overviewStackedWidget"));
    m_stack->addWidget(m_busyPage);
    m_stack->addWidget(m_errorPage);
    m_stack->addWidget(m_factsArea);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_topBar);
    layout->addWidget(m_stack, 1);

    connect(m_session, &ServerSession::changed, this, &OverviewPage::refresh);
    refresh();
}

void OverviewPage::refresh()
{
    const ServerSession::State state = m_session->state();
    const std::optional<ServerFacts> &facts = m_session->facts();

    // Busy and error states have their own Cancel and Try Again.
    m_topBar->setVisible(state == ServerSession::State::Ready);
    if (facts && facts->inspectedAt.isValid())
        m_checkedLabel->setText(tr("Checked at %1").arg(formatTime(facts->inspectedAt)));
    else
        m_checkedLabel->clear();

    switch (state) {
    case ServerSession::State::NoServer:
    case ServerSession::State::Idle:
    case ServerSession::State::Connecting: {
        const QString progress = m_session->progressText();
        m_busyLabel->setText(progress.isEmpty() ? tr("Connecting…") : progress);
        m_cancelButton->setVisible(state == ServerSession::State::Connecting);
        m_stack->setCurrentWidget(m_busyPage);
        break;
    }
    case ServerSession::State::Failed: {
        const std::optional<Error> &error = m_session->error();
        const QString name = m_session->profile() ? m_session->profile()->name() : QString();
        m_errorTitleLabel->setText(tr("Could not connect to “%1”").arg(name));
        m_errorLabel->setText(error ? error->message() : QString());
        m_detailsButton->setVisible(error && !error->detail().isEmpty());
        const bool wantPassword = m_session->passwordWanted();
        m_passwordBox->setVisible(wantPassword);
        m_retryButton->setVisible(!wantPassword);
        if (wantPassword) {
            const bool keychain = m_session->isKeychainUsable();
            m_savePasswordCheck->setVisible(keychain);
            m_passwordHintLabel->setText(
                    keychain ? tr("Enter the password to connect.")
                             : tr("Enter the password to connect. Without a keychain, PgVault "
                                  "keeps it in memory only until you close it."));
            m_passwordEdit->clear();
        }
        m_stack->setCurrentWidget(m_errorPage);
        if (wantPassword)
            m_passwordEdit->setFocus();
        break;
    }
    case ServerSession::State::Ready:
        if (facts)
            buildFacts(*facts);
        m_stack->setCurrentWidget(m_factsArea);
        break;
    }
}

void OverviewPage::buildFacts(const ServerFacts &facts)
{
    const int scroll = m_factsArea->verticalScrollBar()->value();
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("factsWidget"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 4, 16, 16);
    layout->setSpacing(14);

    const QList<ServerWarning> &warnings = m_session->warnings();
    if (!warnings.isEmpty()) {
        auto *heading = new QLabel(tr("Needs attention"), content);
        heading->setObjectName(QStringLiteral("warningsHeadingLabel"));
        QFont headingFont = heading->font();
        headingFont.setBold(true);
        headingFont.setPointSizeF(headingFont.pointSizeF() * 1.1);
        heading->setFont(headingFont);
        layout->addWidget(heading);
        auto *warningsBox = new QVBoxLayout;
        warningsBox->setSpacing(8);
        for (const ServerWarning &warning : warnings)
            warningsBox->addWidget(new ServerWarningWidget(warning, content));
        layout->addLayout(warningsBox);
    } else {
        auto *okIcon = new QLabel(content);
        okIcon->setPixmap(Icons::ok().pixmap(QSize(18, 18), devicePixelRatioF()));
        auto *allGood = new QLabel(content);
        allGood->setObjectName(QStringLiteral("noWarningsLabel"));
        allGood->setText(tr("No problems found: this server is ready for dumps, base backups and "
                            "WAL archiving."));
        allGood->setWordWrap(true);
        auto *row = new QHBoxLayout;
        row->setSpacing(8);
        row->addWidget(okIcon, 0, Qt::AlignTop);
        row->addWidget(allGood, 1);
        layout->addLayout(row);
    }

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(14);
    grid->setVerticalSpacing(14);
    grid->addWidget(finished(serverSection(facts)), 0, 0);
    grid->addWidget(finished(roleSection(facts)), 1, 0);
    grid->addWidget(finished(archivingSection(facts)), 0, 1, 2, 1);
    grid->addWidget(finished(databasesSection(facts)), 2, 0);
    grid->addWidget(finished(toolsSection(facts)), 2, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);

    if (!facts.notes.isEmpty()) {
        auto *notes = noteLabel(
                tr("Not everything could be read: %1").arg(facts.notes.join(QLatin1Char(' '))),
                content);
        notes->setObjectName(QStringLiteral("factsNotesLabel"));
        layout->addWidget(notes);
    }
    layout->addStretch(1);

    // Reparent the new content first, then drop the old one.
    QWidget *old = m_factsArea->takeWidget();
    m_factsArea->setWidget(content);
    m_factsContent = content;
    if (old)
        old->deleteLater();
    m_factsArea->verticalScrollBar()->setValue(scroll);
}

QGroupBox *OverviewPage::section(const QString &title, const QString &objectName,
                                 QGridLayout **grid)
{
    auto *box = new QGroupBox(title);
    box->setObjectName(objectName);
    // A grid rather than a QFormLayout: wrapped values get their true height in a grid.
    auto *layout = new QGridLayout(box);
    layout->setHorizontalSpacing(16);
    layout->setVerticalSpacing(8);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setColumnStretch(1, 1);
    *grid = layout;
    return box;
}

QLabel *OverviewPage::addRow(QGridLayout *grid, const QString &label, const QString &value,
                             const QString &objectName)
{
    QWidget *parent = grid->parentWidget();
    QLabel *valueWidget = valueLabel(value, parent);
    if (!objectName.isEmpty())
        valueWidget->setObjectName(objectName);
    auto *caption = new QLabel(label, parent);
    caption->setForegroundRole(QPalette::PlaceholderText);
    addPair(grid, caption, valueWidget);
    return valueWidget;
}

QGroupBox *OverviewPage::serverSection(const ServerFacts &facts)
{
    QGridLayout *form = nullptr;
    QGroupBox *box = section(tr("Server"), QStringLiteral("serverGroupBox"), &form);
    addRow(form, tr("Version"), tr("PostgreSQL %1").arg(facts.serverVersion),
           QStringLiteral("versionValueLabel"));
    addRow(form, tr("Role"),
           facts.inRecovery ? tr("Standby (read-only, replaying WAL)")
                            : tr("Primary (accepts writes)"),
           QStringLiteral("recoveryValueLabel"));
    addRow(form, tr("Address"), facts.address, QStringLiteral("addressValueLabel"));
    addRow(form, tr("System identifier"),
           facts.systemIdentifier ? facts.systemIdentifierText() : tr("Not visible to this user"),
           QStringLiteral("systemIdentifierValueLabel"));

    QString dataDirectory;
    if (!facts.dataDirectory)
        dataDirectory = tr("Not visible to this user");
    else if (facts.dataDirectoryIsLocal)
        dataDirectory = tr("%1\non this computer").arg(*facts.dataDirectory);
    else
        dataDirectory = tr("%1\non another computer").arg(*facts.dataDirectory);
    QLabel *dataDirLabel = addRow(form, tr("Data directory"), dataDirectory,
                                  QStringLiteral("dataDirectoryValueLabel"));
    dataDirLabel->setToolTip(facts.localityReason);

    QString checksums = tr("Unknown");
    if (facts.dataChecksums)
        checksums = *facts.dataChecksums ? tr("On") : tr("Off");
    addRow(form, tr("Data checksums"), checksums, QStringLiteral("dataChecksumsValueLabel"));
    return box;
}

QGroupBox *OverviewPage::roleSection(const ServerFacts &facts)
{
    QGridLayout *form = nullptr;
    QGroupBox *box = section(tr("Connected As"), QStringLiteral("roleGroupBox"), &form);
    addRow(form, tr("User"), facts.currentUser, QStringLiteral("userValueLabel"));
    QString privileges;
    if (facts.isSuperuser)
        privileges = tr("Superuser\nEverything PgVault does is allowed.");
    else if (facts.hasReplication)
        privileges = tr("REPLICATION\nDumps, base backups and WAL streaming are allowed.");
    else
        privileges = tr("Neither superuser nor REPLICATION\nDumps only: base backups and WAL "
                        "streaming are blocked.");
    addRow(form, tr("Privileges"), privileges, QStringLiteral("privilegesValueLabel"));
    addRow(form, tr("Database"), facts.database, QStringLiteral("databaseValueLabel"));
    return box;
}

QGroupBox *OverviewPage::archivingSection(const ServerFacts &facts)
{
    QGridLayout *form = nullptr;
    QGroupBox *box = section(tr("WAL and Archiving"), QStringLiteral("archivingGroupBox"), &form);
    const QString hidden = tr("Not visible to this user");
    addRow(form, tr("wal_level"), orUnknown(facts.walLevel, hidden),
           QStringLiteral("walLevelValueLabel"));
    addRow(form, tr("archive_mode"), orUnknown(facts.archiveMode, hidden),
           QStringLiteral("archiveModeValueLabel"));

    QString command = hidden;
    if (facts.archiveCommand)
        command = facts.archiveCommand->isEmpty() ? tr("Not set") : *facts.archiveCommand;
    QLabel *commandLabel = addRow(form, tr("archive_command"), command,
                                  QStringLiteral("archiveCommandValueLabel"));
    if (facts.archiveCommand && !facts.archiveCommand->isEmpty())
        commandLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    if (facts.archiveLibrary) {
        addRow(form, tr("archive_library"),
               facts.archiveLibrary->isEmpty() ? tr("Not set") : *facts.archiveLibrary,
               QStringLiteral("archiveLibraryValueLabel"));
    }

    QString lastArchived = tr("Unknown");
    QString lastFailure = tr("Unknown");
    if (facts.archiver) {
        const ServerFacts::Archiver &archiver = *facts.archiver;
        lastArchived = archiver.lastArchivedTime.isValid()
                               ? tr("%1\nat %2")
                                         .arg(archiver.lastArchivedWal,
                                              formatTime(archiver.lastArchivedTime))
                               : tr("Nothing archived yet");
        lastFailure = archiver.lastFailedTime.isValid()
                              ? tr("%1\nat %2")
                                        .arg(archiver.lastFailedWal,
                                             formatTime(archiver.lastFailedTime))
                              : tr("None");
    }
    addRow(form, tr("Last archived"), lastArchived, QStringLiteral("lastArchivedValueLabel"));
    QLabel *failureLabel = addRow(form, tr("Last failure"), lastFailure,
                                  QStringLiteral("lastFailureValueLabel"));
    if (facts.archiver && facts.archiver->isFailing()) {
        QPalette palette = failureLabel->palette();
        palette.setColor(QPalette::WindowText,
                         ServerWarningWidget::severityColor(ServerWarning::Severity::Critical));
        failureLabel->setPalette(palette);
    }

    if (facts.maxWalSenders)
        addRow(form, tr("max_wal_senders"), QString::number(*facts.maxWalSenders),
               QStringLiteral("maxWalSendersValueLabel"));
    if (facts.maxReplicationSlots) {
        addRow(form, tr("Replication slots"),
               facts.replicationSlotsUsed ? tr("%1 of %2 in use")
                                                    .arg(*facts.replicationSlotsUsed)
                                                    .arg(*facts.maxReplicationSlots)
                                          : tr("%1 available").arg(*facts.maxReplicationSlots),
               QStringLiteral("replicationSlotsValueLabel"));
    }
    if (facts.walSegmentSize)
        addRow(form, tr("WAL segment size"), formatBytes(*facts.walSegmentSize),
               QStringLiteral("walSegmentSizeValueLabel"));
    return box;
}

QGroupBox *OverviewPage::databasesSection(const ServerFacts &facts)
{
    QGridLayout *form = nullptr;
    QGroupBox *box = section(tr("Databases"), QStringLiteral("databasesGroupBox"), &form);
    qint64 total = 0;
    bool allKnown = true;
    bool any = false;
    for (const ServerFacts::Database &database : facts.databases) {
        // The ones one can work with; template0 and the like are nobody's data.
        if (!database.allowsConnections)
            continue;
        any = true;
        QString size = tr("size not visible");
        if (database.sizeBytes) {
            size = formatBytes(*database.sizeBytes);
            total += *database.sizeBytes;
        } else {
            allKnown = false;
        }
        QLabel *sizeLabel = valueLabel(size, box);
        sizeLabel->setObjectName(QStringLiteral("databaseSizeLabel"));
        sizeLabel->setProperty("database", database.name);
        auto *nameLabel = new QLabel(database.name, box);
        nameLabel->setTextFormat(Qt::PlainText);
        addPair(form, nameLabel, sizeLabel);
    }
    if (!any) {
        addSpanning(form, noteLabel(tr("No databases accept connections."), box));
    } else {
        auto *totalCaption = new QLabel(tr("Total"), box);
        QFont bold = totalCaption->font();
        bold.setBold(true);
        totalCaption->setFont(bold);
        QLabel *totalLabel = valueLabel(
                allKnown ? formatBytes(total) : tr("at least %1").arg(formatBytes(total)), box);
        totalLabel->setObjectName(QStringLiteral("databasesTotalLabel"));
        totalLabel->setFont(bold);
        addPair(form, totalCaption, totalLabel);
    }
    return box;
}

QGroupBox *OverviewPage::toolsSection(const ServerFacts &facts)
{
    QGridLayout *form = nullptr;
    QGroupBox *box
            = section(tr("Client Tools on This Computer"), QStringLiteral("toolsGroupBox"), &form);
    if (!facts.clientTools) {
        addSpanning(form, noteLabel(tr("Not checked."), box));
        return box;
    }
    for (const ClientToolsStatus::Tool &tool : facts.clientTools->tools) {
        QString text;
        if (tool.found()) {
            QString version = tool.version ? tool.version->text : QString();
            // "pg_dump (PostgreSQL) 15.20 (Debian …)" -> "15.20 (Debian …)"
            const QString marker = QStringLiteral("(PostgreSQL) ");
            if (const qsizetype at = version.indexOf(marker); at >= 0)
                version = version.mid(at + marker.size());
            text = version.isEmpty() ? tool.path : tr("%1\n%2").arg(version, tool.path);
        } else {
            text = tool.error ? tool.error->message() : tr("Not found");
        }
        QLabel *value
                = addRow(form, tool.name, text, QStringLiteral("toolValueLabel_%1").arg(tool.name));
        if (!tool.found()) {
            QPalette palette = value->palette();
            palette.setColor(QPalette::WindowText,
                             ServerWarningWidget::severityColor(ServerWarning::Severity::Critical));
            value->setPalette(palette);
        }
    }
    return box;
}

void OverviewPage::onConnectClicked()
{
    const QString password = m_passwordEdit->text();
    if (password.isEmpty()) {
        m_passwordEdit->setFocus();
        return;
    }
    m_session->connectWithPassword(password, m_session->isKeychainUsable()
                                                     && m_savePasswordCheck->isChecked());
}

void OverviewPage::onDetailsClicked()
{
    const std::optional<Error> &error = m_session->error();
    if (!error)
        return;
    ErrorDetailsDialog::showDetails(m_errorTitleLabel->text(), error->message(), error->detail(),
                                    this);
}

} // namespace PgVault
