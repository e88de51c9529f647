#include "BackupsPage.h"

#include "support/Icons.h"
#include "widgets/EmptyStateWidget.h"

#include <QVBoxLayout>

namespace PgVault {

BackupsPage::BackupsPage(QWidget *parent)
    : QWidget(parent)
    , m_emptyState(new EmptyStateWidget(this))
{
    setObjectName(QStringLiteral("backupsPage"));
    m_emptyState->setIcon(Icons::dump());
    m_emptyState->setTitle(tr("Backups"));
    m_emptyState->setText(
            tr("Dumps and base backups of this server will be listed here, newest first, with "
               "their size, how long they took and whether they were verified. From here you "
               "will start a new dump or base backup, verify a backup, restore it, or delete "
               "it."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyState);
}

} // namespace PgVault
