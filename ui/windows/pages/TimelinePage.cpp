#include "TimelinePage.h"

#include "support/Icons.h"
#include "widgets/EmptyStateWidget.h"

#include <QVBoxLayout>

namespace PgVault {

TimelinePage::TimelinePage(QWidget *parent)
    : QWidget(parent)
    , m_emptyState(new EmptyStateWidget(this))
{
    setObjectName(QStringLiteral("timelinePage"));
    m_emptyState->setIcon(Icons::timeline());
    m_emptyState->setTitle(tr("Timeline"));
    m_emptyState->setText(
            tr("The history of this server will be drawn here on a time axis you can zoom from "
               "minutes to months: base backups and dumps as markers, archived WAL as bars with "
               "gaps in red, and restore points as flags. Clicking a moment will tell you at "
               "once whether it can be restored, and from which backup."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emptyState);
}

} // namespace PgVault
