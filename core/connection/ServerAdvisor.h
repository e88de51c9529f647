#pragma once

#include "ServerFacts.h"
#include "ServerWarning.h"

#include <QList>

namespace PgVault {

// Turns ServerFacts into plain-words warnings for the Overview page and `pgvault-cli check`,
// most severe first.
class ServerAdvisor
{
public:
    static QList<ServerWarning> warnings(const ServerFacts &facts);
};

} // namespace PgVault
