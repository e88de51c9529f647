#include "ServerFacts.h"

namespace PgVault {

bool ServerFacts::Archiver::isFailing() const
{
    if (failedCount <= 0 || !lastFailedTime.isValid())
        return false;
    return !lastArchivedTime.isValid() || lastFailedTime > lastArchivedTime;
}

QString ServerFacts::systemIdentifierText() const
{
    return systemIdentifier ? QString::number(*systemIdentifier) : QString();
}

bool ServerFacts::archivingEnabled() const
{
    return archiveMode
           && (*archiveMode == QLatin1String("on") || *archiveMode == QLatin1String("always"));
}

bool ServerFacts::archiveCommandConfigured() const
{
    const bool command = archiveCommand && !archiveCommand->isEmpty()
                         && *archiveCommand != QLatin1String("(disabled)");
    const bool library = archiveLibrary && !archiveLibrary->isEmpty();
    return command || library;
}

} // namespace PgVault
