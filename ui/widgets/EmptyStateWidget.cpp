#include "EmptyStateWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace PgVault {

namespace {
constexpr int IconSize = 64;
constexpr int TextWidth = 560;
} // namespace

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
    , m_iconLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_extraLayout(new QVBoxLayout)
{
    m_iconLabel->setAlignment(Qt::AlignCenter);
    m_iconLabel->setVisible(false);

    m_titleLabel->setObjectName(QStringLiteral("emptyStateTitleLabel"));
    m_titleLabel->setAlignment(Qt::AlignCenter);
    m_titleLabel->setWordWrap(true);
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_titleLabel->setFixedWidth(TextWidth);

    m_textLabel->setObjectName(QStringLiteral("emptyStateTextLabel"));
    m_textLabel->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_textLabel->setWordWrap(true);
    m_textLabel->setTextFormat(Qt::PlainText);
    m_textLabel->setFixedWidth(TextWidth);

    m_extraLayout->setSpacing(8);
    m_extraLayout->setAlignment(Qt::AlignHCenter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->setSpacing(14);
    layout->addStretch(2);
    layout->addWidget(m_iconLabel, 0, Qt::AlignHCenter);
    layout->addLayout(centered(m_titleLabel));
    layout->addLayout(centered(m_textLabel));
    layout->addSpacing(6);
    layout->addLayout(m_extraLayout);
    layout->addStretch(3);
}

void EmptyStateWidget::setIcon(const QIcon &icon)
{
    m_icon = icon;
    m_iconLabel->setPixmap(icon.pixmap(QSize(IconSize, IconSize), devicePixelRatioF()));
    m_iconLabel->setVisible(!icon.isNull());
}

void EmptyStateWidget::setTitle(const QString &title)
{
    m_titleLabel->setText(title);
}

void EmptyStateWidget::setText(const QString &text)
{
    m_textLabel->setText(text);
}

void EmptyStateWidget::addWidget(QWidget *widget)
{
    widget->setParent(this);
    m_extraLayout->addWidget(widget, 0, Qt::AlignHCenter);
}

QLayout *EmptyStateWidget::centered(QWidget *widget)
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addStretch(1);
    row->addWidget(widget);
    row->addStretch(1);
    return row;
}

QString EmptyStateWidget::title() const
{
    return m_titleLabel->text();
}

QString EmptyStateWidget::text() const
{
    return m_textLabel->text();
}

} // namespace PgVault
