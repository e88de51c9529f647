#include "RestorePage.h"

#include "support/Icons.h"
#include "widgets/EmptyStateWidget.h"

#include <QVBoxLayout>

namespace PgVault {

RestorePage::RestorePage(QWidget *parent)
    : QWidget(parent)
    , m_emptyState(new EmptyStateWidget(this))
{
    setObjectName(QStringLiteral("restorePage"));
    m_emptyState->setIcon(Icons::restore());
    m_emptyState->setTitle(tr("Restore"));
    m_emptyState->setText(
            tr("Restores of this server will be guided here step by step: choose the moment to "
               "go back to, PgVault picks the backup, you choose where the restored server "
               "runs, checks for space, port and WAL run before anything is written, and you "
               "can look at the restored data before switching over."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyState);
}

} // namespace PgVault
