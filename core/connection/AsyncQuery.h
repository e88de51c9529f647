#pragma once

#include "QueryResult.h"
#include "common/Result.h"

#include <QObject>
#include <QString>
#include <QVariantList>

#include <memory>
#include <optional>

struct pg_conn;

namespace PgVault {

class PgConnection;

// Runs one query on an open PgConnection without blocking the thread it lives on:
// PQsendQuery(Params) → QSocketNotifier → PQconsumeInput / PQisBusy / PQgetResult.
// The connection must outlive the query and must not be used by anything else meanwhile.
//
// finished() is emitted exactly once per start(), from the event loop. cancel() sends a
// PQcancel request from a worker thread (it opens a new connection to the server, which must
// not block the UI); the query then ends with ErrorCode::Cancelled when the server answers,
// or after a grace period of a few seconds if it doesn't (then the connection is still busy
// and should be closed).
class AsyncQuery : public QObject
{
    Q_OBJECT

public:
    explicit AsyncQuery(PgConnection &connection, QObject *parent = nullptr);
    ~AsyncQuery() override;

    // Parameters as in PgConnection::exec(). Without parameters several statements may be
    // sent; the last result (or the first error) counts. timeoutMs > 0 cancels the query after
    // that long and reports ErrorCode::Timeout.
    void start(const QString &sql, const QVariantList &params = {}, int timeoutMs = 0);
    void cancel();
    // Stops caring about the query without waiting or emitting finished(): sends a cancel
    // request if it is still running and lets go of the connection, so that this object may
    // be deleted later, after the connection. The connection may still be busy afterwards.
    // The object cannot start() again.
    void abandon();

    bool isRunning() const { return m_running; }
    // After finished(): the rows or the error.
    Result<QueryResult> result() const;

Q_SIGNALS:
    void finished();

private:
    void onReadable();
    void onWritable();
    void flush();
    void collectResults();
    void onTimeout();
    void onCancelGraceExpired();
    void sendCancelRequest();
    void finish(Result<QueryResult> result);
    void finishLater(const Error &error);
    void stopWatching();
    pg_conn *handle() const;
    QString address() const;

    struct Private;
    std::unique_ptr<Private> d;
    PgConnection *m_connection;
    bool m_running = false;
    std::optional<Result<QueryResult>> m_result;
};

} // namespace PgVault
