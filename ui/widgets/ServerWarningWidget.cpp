#include "ServerWarningWidget.h"

#include "support/Icons.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>

namespace PgVault {

namespace {

QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

// A blue "i" in a circle, painted at the screen's pixel ratio (the icon set has no info icon).
QPixmap infoPixmap(int size, qreal ratio, const QColor &colour, const QFont &font)
{
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF circle(1, 1, size - 2, size - 2);
    painter.setPen(QPen(colour, 1.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(circle);
    QFont letter = font;
    letter.setBold(true);
    letter.setPixelSize(qMax(8, size * 6 / 10));
    painter.setFont(letter);
    painter.drawText(circle, Qt::AlignCenter, QStringLiteral("i"));
    return pixmap;
}

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ServerWarningWidget::ServerWarningWidget(const ServerWarning &warning, QWidget *parent)
    : QFrame(parent)
    , m_warning(warning)
{
    setObjectName(QStringLiteral("serverWarningWidget"));
    setProperty("warningId", warning.id);

    auto *iconLabel = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) + 4;
    if (warning.severity == ServerWarning::Severity::Info) {
        iconLabel->setPixmap(infoPixmap(iconSize, devicePixelRatioF(),
                                        severityColor(ServerWarning::Severity::Info), font()));
    } else {
        const QIcon icon = warning.severity == ServerWarning::Severity::Critical ? Icons::error()
                                                                                 : Icons::warning();
        iconLabel->setPixmap(icon.pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    }
    iconLabel->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto *textLabel = wrappedLabel(warning.text, this);
    textLabel->setObjectName(QStringLiteral("warningTextLabel"));
    QFont strong = textLabel->font();
    strong.setWeight(QFont::DemiBold);
    textLabel->setFont(strong);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setHorizontalSpacing(10);
    layout->setVerticalSpacing(4);
    layout->addWidget(iconLabel, 0, 0, 3, 1, Qt::AlignTop);
    layout->addWidget(textLabel, 0, 1, 1, 2);
    layout->setColumnStretch(1, 1);

    int row = 1;
    // The hint says itself when a restart is needed.
    if (!warning.fixHint.isEmpty()) {
        auto *hintLabel = wrappedLabel(warning.fixHint, this);
        hintLabel->setObjectName(QStringLiteral("warningFixLabel"));
        layout->addWidget(hintLabel, row++, 1, 1, 2);
    }
    if (!warning.fixSql.isEmpty()) {
        auto *sqlLabel = new QLabel(warning.fixSql, this);
        sqlLabel->setObjectName(QStringLiteral("warningSqlLabel"));
        sqlLabel->setTextFormat(Qt::PlainText);
        sqlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        sqlLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        auto *copyButton = new QPushButton(tr("Copy SQL"), this);
        copyButton->setObjectName(QStringLiteral("copySqlButton"));
        copyButton->setToolTip(tr("Copy the SQL to the clipboard, to run it as a superuser"));
        const QString sql = warning.fixSql;
        connect(copyButton, &QPushButton::clicked, this,
                [sql] { QApplication::clipboard()->setText(sql); });
        layout->addWidget(sqlLabel, row, 1);
        layout->addWidget(copyButton, row, 2, Qt::AlignRight);
    }
}

QColor ServerWarningWidget::severityColor(ServerWarning::Severity severity)
{
    switch (severity) {
    case ServerWarning::Severity::Critical: return QColor(0xd3, 0x2f, 0x2f);
    case ServerWarning::Severity::Warning: return QColor(0xe6, 0x9b, 0x00);
    case ServerWarning::Severity::Info: return QColor(0x45, 0x7b, 0x9d);
    }
    return QColor();
}

void ServerWarningWidget::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor accent = severityColor(m_warning.severity);
    const QColor base = palette().color(QPalette::Base);
    painter.setPen(QPen(blend(base, accent, 0.55), 1.0));
    painter.setBrush(blend(base, accent, 0.10));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
}

} // namespace PgVault
