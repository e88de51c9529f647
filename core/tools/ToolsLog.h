#pragma once

#include <QLoggingCategory>

namespace PgVault {

// "pgvault.tools": locating and running PostgreSQL's command-line tools.
Q_DECLARE_LOGGING_CATEGORY(lcTools)

} // namespace PgVault
