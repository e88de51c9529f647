#include "ConnectionTarget.h"

#include "CliTr.h"

namespace PgVault::Cli {

QString ConnectionTarget::describe() const
{
    const QString address = connInfo.displayAddress();
    if (!profile)
        return address;
    return Tr::tr("profile “%1” (%2)").arg(profile->name(), address);
}

} // namespace PgVault::Cli
