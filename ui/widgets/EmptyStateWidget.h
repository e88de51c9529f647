#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;
class QLayout;
class QVBoxLayout;

namespace PgVault {

// A calm, centred explanation for a page that has nothing to show yet: an icon, a title, a few
// sentences and optionally buttons. Text width is limited so lines stay readable on wide
// windows.
class EmptyStateWidget : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);

    void setIcon(const QIcon &icon);
    void setTitle(const QString &title);
    void setText(const QString &text);
    // Adds a widget (usually a button) below the text, centred.
    void addWidget(QWidget *widget);

    QString title() const;
    QString text() const;

    // A row that centres `widget` horizontally with stretches. Unlike an alignment flag, this
    // keeps height-for-width working, so a wrapped label of limited width gets all its lines.
    static QLayout *centered(QWidget *widget);

private:
    QLabel *m_iconLabel;
    QLabel *m_titleLabel;
    QLabel *m_textLabel;
    QVBoxLayout *m_extraLayout;
    QIcon m_icon;
};

} // namespace PgVault
