#include "WelcomePage.h"

#include "support/Icons.h"
#include "widgets/EmptyStateWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace PgVault {

namespace {
constexpr int TextWidth = 620;
constexpr int ChoiceWidth = 280;
} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_addServerButton(new QPushButton(Icons::addServer(), tr("Add a Server…"), this))
    , m_sandboxButton(new QPushButton(Icons::sandbox(), tr("Create a Sandbox Server"), this))
    , m_sandboxCaption(nullptr)
    , m_sandboxStatusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("welcomePage"));

    auto *logo = new QLabel(this);
    logo->setPixmap(Icons::application().pixmap(QSize(96, 96), devicePixelRatioF()));
    logo->setAlignment(Qt::AlignCenter);

    auto *title = new QLabel(tr("Welcome to PgVault"), this);
    title->setObjectName(QStringLiteral("welcomeTitleLabel"));
    title->setAlignment(Qt::AlignCenter);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("welcomeIntroLabel"));
    intro->setText(tr("PgVault keeps your PostgreSQL data safe: dumps of single databases, base "
                      "backups of the whole server and continuous WAL archiving, so you can go "
                      "back to any moment. Start with the server you want to protect, or try "
                      "everything on a sandbox server first."));
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    intro->setFixedWidth(TextWidth);

    for (QPushButton *button : {m_addServerButton, m_sandboxButton}) {
        button->setIconSize(QSize(24, 24));
        button->setMinimumHeight(44);
        button->setFixedWidth(ChoiceWidth);
    }
    m_addServerButton->setObjectName(QStringLiteral("welcomeAddServerButton"));
    m_addServerButton->setDefault(true);
    m_sandboxButton->setObjectName(QStringLiteral("createSandboxButton"));
    connect(m_addServerButton, &QPushButton::clicked, this, &WelcomePage::addServerRequested);
    connect(m_sandboxButton, &QPushButton::clicked, this, &WelcomePage::createSandboxRequested);

    m_sandboxCaptionText = tr("A small PostgreSQL server on this computer with sample data, to try "
                              "backups and restores without risk.");
    auto *choices = new QHBoxLayout;
    choices->setSpacing(28);
    choices->addStretch(1);
    choices->addWidget(choice(m_addServerButton,
                              tr("Connect to a PostgreSQL server you already run, here or on "
                                 "another machine.")));
    QWidget *sandboxChoice = choice(m_sandboxButton, m_sandboxCaptionText);
    m_sandboxCaption = sandboxChoice->findChild<QLabel *>();
    choices->addWidget(sandboxChoice);
    choices->addStretch(1);

    m_sandboxStatusLabel->setObjectName(QStringLiteral("sandboxStatusLabel"));
    m_sandboxStatusLabel->setWordWrap(true);
    m_sandboxStatusLabel->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_sandboxStatusLabel->setFixedWidth(TextWidth);
    m_sandboxStatusLabel->setTextFormat(Qt::PlainText);
    m_sandboxStatusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sandboxStatusLabel->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->setSpacing(16);
    layout->addStretch(2);
    layout->addWidget(logo, 0, Qt::AlignHCenter);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addLayout(EmptyStateWidget::centered(intro));
    layout->addSpacing(12);
    layout->addLayout(choices);
    layout->addLayout(EmptyStateWidget::centered(m_sandboxStatusLabel));
    layout->addStretch(3);
}

QWidget *WelcomePage::choice(QPushButton *button, const QString &caption)
{
    auto *box = new QWidget(this);
    auto *label = new QLabel(caption, box);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setFixedWidth(ChoiceWidth);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    button->setParent(box);
    layout->addWidget(button);
    layout->addWidget(label);
    layout->addStretch(1);
    return box;
}

void WelcomePage::setSandboxBusy(bool busy)
{
    m_sandboxButton->setEnabled(!busy);
    m_sandboxButton->setText(busy ? tr("Creating the Sandbox Server…")
                                  : tr("Create a Sandbox Server"));
    if (busy) {
        m_sandboxStatusLabel->setText(tr("Setting up the sandbox server; the job panel below "
                                         "shows the progress. It will appear in the server list "
                                         "when it is ready."));
        m_sandboxStatusLabel->setForegroundRole(QPalette::WindowText);
        m_sandboxStatusLabel->setVisible(true);
    }
}

void WelcomePage::setSandboxError(const QString &message)
{
    m_sandboxStatusLabel->setText(
            message.isEmpty() ? QString()
                              : tr("The sandbox server could not be created: %1").arg(message));
    m_sandboxStatusLabel->setVisible(!message.isEmpty());
}

void WelcomePage::setSandboxAvailable(bool available, const QString &reason)
{
    m_sandboxButton->setEnabled(available);
    m_sandboxCaption->setText(available || reason.isEmpty() ? m_sandboxCaptionText : reason);
}

} // namespace PgVault
