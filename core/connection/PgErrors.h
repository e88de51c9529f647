#pragma once

#include "common/Error.h"

#include <QString>

struct pg_conn;
struct pg_result;

namespace PgVault {

class ConnInfo;

// Internal to core/connection: turns libpq failures into Errors. The server's own words
// ("password authentication failed for user …") become the user-facing message, the address
// is always named, and libpq's complete text goes into the detail.
//
// Query errors are classified by SQLSTATE. Failed connection attempts carry no SQLSTATE in
// libpq 15, so they are classified by libpq's/the server's (English) message text and
// PQconnectionNeedsPassword(); anything unrecognised is ConnectionFailed.
class PgErrors
{
public:
    static ErrorCode codeForSqlState(const QString &sqlState, bool cancelRequested);

    // After PQconnectPoll/PQconnectdb failed.
    static Error connectFailed(pg_conn *conn, const ConnInfo &info);
    // A query result with status PGRES_FATAL_ERROR (or no result at all: result == nullptr).
    static Error queryFailed(const pg_result *result, pg_conn *conn, bool cancelRequested);
    static Error connectTimedOut(const QString &address, int seconds);
    static Error connectCancelled(const QString &address);
    static Error queryCancelled(pg_conn *conn);
    static Error queryTimedOut(pg_conn *conn, int seconds);

    // "host:port" of the host libpq is (or was last) talking to; a socket directory is shown
    // as "/dir:port". Falls back to the ConnInfo when the connection has no host yet.
    static QString address(pg_conn *conn, const ConnInfo &info);
    static QString address(pg_conn *conn);
    // The essence of libpq's connection error text: the last attempt's reason without the
    // "connection to server at … failed:" and "FATAL:" prefixes, continuation lines joined.
    static QString essentialMessage(const QString &libpqMessage);
};

} // namespace PgVault
