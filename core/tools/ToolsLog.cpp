#include "ToolsLog.h"

namespace PgVault {

Q_LOGGING_CATEGORY(lcTools, "pgvault.tools", QtInfoMsg)

} // namespace PgVault
