#pragma once

#include <QWidget>

namespace PgVault {

class EmptyStateWidget;

// The Restore page of a server. Until its feature arrives it explains, in one calm paragraph,
// what will be shown here; it offers no buttons that would do nothing.
class RestorePage : public QWidget
{
    Q_OBJECT

public:
    explicit RestorePage(QWidget *parent = nullptr);

private:
    EmptyStateWidget *m_emptyState;
};

} // namespace PgVault
