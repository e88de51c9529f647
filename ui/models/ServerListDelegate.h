#pragma once

#include <QStyledItemDelegate>

namespace PgVault {

// Draws one saved server: a status dot, the name and, below it in smaller text, the address.
// Everything is painted in logical coordinates with antialiasing, so it stays crisp at any
// device pixel ratio. Connecting is a ring, the other states are filled dots.
class ServerListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static QFont addressFont(const QFont &base);
};

} // namespace PgVault
