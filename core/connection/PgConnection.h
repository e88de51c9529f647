#pragma once

#include "ConnInfo.h"
#include "QueryResult.h"
#include "common/Result.h"

#include <QString>
#include <QVariantList>

#include <atomic>
#include <memory>
#include <optional>

struct pg_conn;

namespace PgVault {

// An open libpq connection (RAII: closed by the destructor). Move-only.
//
// Made for blocking use from worker threads (ThreadedJob); one thread uses a connection at a
// time, except cancel(), which any thread may call while another thread waits in exec().
// On the UI thread use AsyncConnector and AsyncQuery instead.
class PgConnection
{
public:
    PgConnection();
    PgConnection(PgConnection &&other) noexcept;
    PgConnection &operator=(PgConnection &&other) noexcept;
    ~PgConnection();

    // Blocking connect. connect_timeout (default 10 s, ConnInfo::connectTimeoutSeconds()) limits
    // the whole attempt, all hosts included. The password, when given, is handed to libpq
    // directly (never through a string); without one libpq uses the ConnInfo's own password,
    // PGPASSWORD or ~/.pgpass. When cancelFlag becomes true the attempt stops within ~200 ms
    // with ErrorCode::Cancelled.
    // Errors: AuthenticationFailed, NotFound (database), PermissionDenied, Timeout,
    // ConnectionFailed; messages name host:port and keep the server's words.
    static Result<PgConnection> connect(const ConnInfo &info,
                                        const std::optional<QString> &password = std::nullopt,
                                        const std::atomic<bool> *cancelFlag = nullptr);

    // Takes ownership of a connection that finished connecting (AsyncConnector uses this).
    static PgConnection adopt(pg_conn *conn, const ConnInfo &info);

    bool isOpen() const;
    // False once the server has gone away (PQstatus is CONNECTION_BAD).
    bool isHealthy() const;
    void close();

    // Runs a statement and waits for it. Parameters are sent as text ($1, $2, …): an invalid
    // QVariant or a null QString is SQL NULL, bools become true/false, else toString().
    // Without parameters several ';'-separated statements may be given; the last result is
    // returned. Errors are classified by SQLSTATE (see PgErrors).
    Result<QueryResult> exec(const QString &sql, const QVariantList &params = {});
    // Shortcut: the first column of the first row (null QString for NULL/no rows).
    Result<QString> scalar(const QString &sql, const QVariantList &params = {});

    // Asks the server to cancel the statement exec() is running (PQcancel); the exec() then
    // fails with ErrorCode::Cancelled. Safe from any thread; does nothing when idle.
    // Returns false when the request could not be sent.
    bool cancel() const;

    // Quoting through libpq (uses the connection's encoding). Fails only on invalid encoding.
    Result<QString> escapeIdentifier(const QString &identifier) const;
    Result<QString> escapeLiteral(const QString &literal) const;

    // What libpq reports for the open connection.
    QString host() const; // host name, address or socket directory actually used
    int port() const;
    QString database() const;
    QString user() const;
    QString address() const;      // "host:port" for messages
    int serverVersionNum() const; // e.g. 150020
    QString serverVersion()
            const;             // server_version parameter, e.g. "15.20 (Debian 15.20-0+deb12u1)"
    bool usedPassword() const; // PQconnectionUsedPassword
    // The ConnInfo it was opened with (without any password handed to connect()).
    const ConnInfo &connInfo() const;

    // The libpq handle for core code that needs it (async queries, COPY, replication).
    // Stays owned by this object.
    pg_conn *handle() const;

private:
    struct Private;
    explicit PgConnection(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace PgVault
