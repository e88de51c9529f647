#pragma once

#include <QWidget>

namespace PgVault {

class EmptyStateWidget;

// The Backups page of a server. Until its feature arrives it explains, in one calm paragraph,
// what will be shown here; it offers no buttons that would do nothing.
class BackupsPage : public QWidget
{
    Q_OBJECT

public:
    explicit BackupsPage(QWidget *parent = nullptr);

private:
    EmptyStateWidget *m_emptyState;
};

} // namespace PgVault
