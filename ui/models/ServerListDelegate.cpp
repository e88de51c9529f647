#include "ServerListDelegate.h"

#include "models/ProfileListModel.h"
#include "models/ServerStatusText.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace PgVault {

namespace {

constexpr int HorizontalMargin = 10;
constexpr int VerticalMargin = 7;
constexpr int LineSpacing = 2;

int dotDiameter(const QFontMetrics &metrics)
{
    return qMax(8, metrics.height() * 6 / 10);
}

} // namespace

QFont ServerListDelegate::addressFont(const QFont &base)
{
    QFont font = base;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.88);
    else
        font.setPixelSize(qMax(8, font.pixelSize() * 88 / 100));
    return font;
}

void ServerListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    opt.icon = QIcon();

    // Background, selection and focus from the style.
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);

    const QRect area = opt.rect.adjusted(HorizontalMargin, VerticalMargin, -HorizontalMargin,
                                         -VerticalMargin);
    const QFontMetrics nameMetrics(opt.font);
    const QFont smallFont = addressFont(opt.font);
    const QFontMetrics smallMetrics(smallFont);
    const QString address = index.data(ProfileListModel::AddressRole).toString();

    // Status dot, centred on the name line.
    const auto status = ServerStatus(index.data(ProfileListModel::StatusRole).toInt());
    const qreal diameter = dotDiameter(nameMetrics);
    const qreal nameCentreY = area.top() + nameMetrics.height() / 2.0;
    const QRectF dot(area.left(), nameCentreY - diameter / 2.0, diameter, diameter);
    const QColor colour = ServerStatusText::color(status);
    if (status == ServerStatus::Connecting) {
        painter->setPen(QPen(colour, qMax(1.5, diameter / 5.0)));
        painter->setBrush(Qt::NoBrush);
        const qreal inset = diameter / 10.0;
        painter->drawEllipse(dot.adjusted(inset, inset, -inset, -inset));
    } else {
        painter->setPen(QPen(colour.darker(115), 1.0));
        painter->setBrush(colour);
        painter->drawEllipse(dot.adjusted(0.5, 0.5, -0.5, -0.5));
    }

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
            = (opt.state & QStyle::State_Enabled)
                      ? ((opt.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive)
                      : QPalette::Disabled;
    const QColor textColour
            = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor subtleColour = textColour;
    subtleColour.setAlphaF(0.7);

    const int textLeft = area.left() + int(diameter) + HorizontalMargin;
    const int textWidth = qMax(0, area.right() - textLeft + 1);

    painter->setPen(textColour);
    painter->setFont(opt.font);
    const QRect nameRect(textLeft, area.top(), textWidth, nameMetrics.height());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      nameMetrics.elidedText(name, Qt::ElideRight, textWidth));

    if (!address.isEmpty()) {
        painter->setPen(subtleColour);
        painter->setFont(smallFont);
        const QRect addressRect(textLeft, nameRect.bottom() + 1 + LineSpacing, textWidth,
                                smallMetrics.height());
        painter->drawText(addressRect, Qt::AlignLeft | Qt::AlignVCenter,
                          smallMetrics.elidedText(address, Qt::ElideMiddle, textWidth));
    }
    painter->restore();
}

QSize ServerListDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QFontMetrics nameMetrics(opt.font);
    const QFontMetrics smallMetrics(addressFont(opt.font));
    const int height
            = VerticalMargin * 2 + nameMetrics.height() + LineSpacing + smallMetrics.height();
    // The list is as wide as its panel and elides; ask only for room to show a short name.
    const int width
            = HorizontalMargin * 3 + dotDiameter(nameMetrics)
              + qMin(nameMetrics.horizontalAdvance(opt.text), nameMetrics.averageCharWidth() * 12);
    return QSize(width, height);
}

} // namespace PgVault
