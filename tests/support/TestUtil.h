#pragma once

#include "PgCluster.h"
#include "common/Result.h"

#include <QString>
#include <QTest>

namespace PgVault::Test {

// True when a missing resource (a PostgreSQL major, the keychain) must fail the test instead of
// skipping it: CI=true, or PGVAULT_REQUIRE_ALL=1 for a local "did everything really run?".
bool requireAll();

// Records the outcome for a missing resource: QSKIP locally, QFAIL when requireAll(); returns
// available. Call through REQUIRE_OR_FAIL, which also returns from the test function.
bool requireOrFail(bool available, const QString &reason, const char *file, int line);

// "PostgreSQL 17 is not installed (searched …)" for REQUIRE_PG_MAJOR.
QString missingMajorReason(int major);

// The QFAIL text for a failed Result: the expression, the message and the technical detail.
QString describeFailure(const char *expression, const Error &error);

} // namespace PgVault::Test

// QVERIFY for Result<T>/Status: on failure prints the error's message and detail.
#define QVERIFY_OK(expression) \
    do { \
        const auto &verifyOkResult_ = (expression); \
        if (!verifyOkResult_.ok()) { \
            QTest::qFail(qPrintable(::PgVault::Test::describeFailure(#expression, \
                                                                     verifyOkResult_.error())), \
                         __FILE__, __LINE__); \
            return; \
        } \
    } while (false)

// Skips (locally) or fails (CI=true / PGVAULT_REQUIRE_ALL=1) the test when condition is false.
#define REQUIRE_OR_FAIL(condition, reason) \
    do { \
        if (!::PgVault::Test::requireOrFail(static_cast<bool>(condition), (reason), __FILE__, \
                                            __LINE__)) \
            return; \
    } while (false)

// The server binaries of a PostgreSQL major must be installed (tools/install-postgres-majors.sh).
#define REQUIRE_PG_MAJOR(major) \
    REQUIRE_OR_FAIL(!::PgVault::Test::PgCluster::binDir(major).isEmpty(), \
                    ::PgVault::Test::missingMajorReason(major))
