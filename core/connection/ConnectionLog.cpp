#include "ConnectionLog.h"

namespace PgVault {

Q_LOGGING_CATEGORY(lcConnection, "pgvault.connection", QtInfoMsg)

} // namespace PgVault
