#include "TestUtil.h"

#include "PgBinaries.h"

namespace PgVault::Test {

bool requireAll()
{
    const QString ci = qEnvironmentVariable("CI").toLower();
    return ci == QLatin1String("true") || ci == QLatin1String("1")
           || qEnvironmentVariable("PGVAULT_REQUIRE_ALL") == QLatin1String("1");
}

bool requireOrFail(bool available, const QString &reason, const char *file, int line)
{
    if (available)
        return true;
    if (requireAll()) {
        const QString message
                = reason + QStringLiteral(" — required here (CI=true or PGVAULT_REQUIRE_ALL=1)");
        QTest::qFail(qPrintable(message), file, line);
    } else {
        const QString message
                = reason
                  + QStringLiteral(" — skipped; with CI=true or PGVAULT_REQUIRE_ALL=1 "
                                   "this fails");
        QTest::qSkip(qPrintable(message), file, line);
    }
    return false;
}

QString missingMajorReason(int major)
{
    return QStringLiteral("PostgreSQL %1 is not installed (%2)")
            .arg(major)
            .arg(PgBinaries::searchedDescription());
}

QString describeFailure(const char *expression, const Error &error)
{
    return QStringLiteral("%1 failed [%2]: %3")
            .arg(QString::fromUtf8(expression), Error::codeName(error.code()), error.toString());
}

} // namespace PgVault::Test
