#include "LogFilter.h"

#include <QLoggingCategory>

namespace PgVault::Cli {

void LogFilter::apply(bool verbose)
{
    if (verbose) {
        QLoggingCategory::setFilterRules(QStringLiteral("pgvault.*.debug=false"));
        return;
    }
    QLoggingCategory::setFilterRules(QStringLiteral("pgvault.*.debug=false\n"
                                                    "pgvault.*.info=false\n"
                                                    "pgvault.*.warning=false"));
}

} // namespace PgVault::Cli
