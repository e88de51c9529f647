#pragma once

#include <QLoggingCategory>

namespace PgVault {

// "pgvault.connection": connects, queries and server inspection. Never logs passwords
// (log ConnInfo::redacted(), never ConnInfo::toString()).
Q_DECLARE_LOGGING_CATEGORY(lcConnection)

} // namespace PgVault
