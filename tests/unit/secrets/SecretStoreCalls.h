#pragma once

#include "secrets/SecretStore.h"

#include <QObject>
#include <QTest>
#include <QUuid>

#include <optional>

// The asynchronous SecretStore API driven to its callback from a test, with the event loop
// running (as the GUI uses it). A missing callback is a Timeout error, never a hang.
namespace PgVault::Test {

inline constexpr int kSecretCallbackWaitMs = 30000;

template<typename Value, typename Start>
Value awaitSecretCallback(Start start)
{
    std::optional<Value> result;
    QObject context;
    start(&context, [&result](const Value &value) { result = value; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, kSecretCallbackWaitMs))
        return Error(ErrorCode::Timeout, QStringLiteral("no callback"));
    return *result;
}

inline SecretStore::ReadResult readAsync(SecretStore &store, const QUuid &id)
{
    return awaitSecretCallback<SecretStore::ReadResult>(
            [&](QObject *context, auto done) { store.readPassword(id, context, done); });
}

inline Status writeAsync(SecretStore &store, const QUuid &id, const QString &password)
{
    return awaitSecretCallback<Status>(
            [&](QObject *context, auto done) { store.writePassword(id, password, context, done); });
}

inline Status deleteAsync(SecretStore &store, const QUuid &id)
{
    return awaitSecretCallback<Status>(
            [&](QObject *context, auto done) { store.deletePassword(id, context, done); });
}

} // namespace PgVault::Test
