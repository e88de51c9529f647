#pragma once

#include <QObject>

namespace PgVault {

// Carries one SecretStore answer to the caller's context object.
//
// The callback is connected to fired() with the caller's context as receiver and a queued
// connection, so Qt delivers it on the context's thread, never synchronously inside the call,
// and drops it if the context is destroyed first. That is thread-safe where a QPointer checked
// on another thread would not be. The answer itself travels in the lambda's captured state, so
// no argument types need registering with the meta-type system.
class SecretRelay : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void fired();
};

} // namespace PgVault
