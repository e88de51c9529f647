#pragma once

#include "ConnInfo.h"
#include "PgConnection.h"
#include "common/Error.h"

#include <QObject>

#include <memory>
#include <optional>

class QSocketNotifier;
class QTimer;

namespace PgVault {

// Opens a connection without blocking the thread it lives on (the UI thread): libpq's
// PQconnectStartParams/PQconnectPoll state machine driven by QSocketNotifiers. The socket is
// re-read after every poll (libpq moves on to the next address or host with a new socket), and
// connect_timeout (default 10 s) is enforced with a QTimer, because PQconnectPoll ignores it;
// the Timeout error names the host being tried.
//
// finished() is emitted exactly once per start(), always from the event loop (never from
// inside start()); cancel() emits it right away with ErrorCode::Cancelled.
class AsyncConnector : public QObject
{
    Q_OBJECT

public:
    explicit AsyncConnector(QObject *parent = nullptr);
    ~AsyncConnector() override;

    // Starts connecting; a running attempt is cancelled first (without a second finished()).
    void start(const ConnInfo &info, const std::optional<QString> &password = std::nullopt);
    // Closes the half-open connection (PQfinish) and finishes with ErrorCode::Cancelled.
    void cancel();

    bool isRunning() const;
    // After finished(): the error, if the attempt failed.
    const std::optional<Error> &error() const { return m_error; }
    // After a successful finished(): the connection (once; later calls get a closed one).
    PgConnection takeConnection();
    // The host:port currently being tried, or the ConnInfo's address before the first poll.
    QString address() const;

Q_SIGNALS:
    void finished();

private:
    void poll();
    void watchSocket(bool forReading);
    void stopWatching();
    void onTimeout();
    void succeed();
    void fail(const Error &error);
    void reportLater();

    struct Private;
    std::unique_ptr<Private> d;
    std::optional<Error> m_error;
};

} // namespace PgVault
