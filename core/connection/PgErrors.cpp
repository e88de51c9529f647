#include "PgErrors.h"

#include "ConnInfo.h"
#include "common/Tr.h"

#include <libpq-fe.h>

namespace PgVault {

ErrorCode PgErrors::codeForSqlState(const QString &sqlState, bool cancelRequested)
{
    if (sqlState == QLatin1String("28P01") || sqlState == QLatin1String("28000"))
        return ErrorCode::AuthenticationFailed;
    if (sqlState == QLatin1String("42501"))
        return ErrorCode::PermissionDenied;
    if (sqlState == QLatin1String("3D000") || sqlState == QLatin1String("42P01")
        || sqlState == QLatin1String("42704") || sqlState == QLatin1String("42883")
        || sqlState == QLatin1String("3F000"))
        return ErrorCode::NotFound;
    if (sqlState == QLatin1String("57014"))
        return cancelRequested ? ErrorCode::Cancelled : ErrorCode::Timeout;
    if (sqlState == QLatin1String("55P03"))
        return ErrorCode::Locked;
    if (sqlState == QLatin1String("53100"))
        return ErrorCode::DiskFull;
    if (sqlState.startsWith(QLatin1String("08")) || sqlState.startsWith(QLatin1String("57P")))
        return ErrorCode::ConnectionFailed;
    if (sqlState.startsWith(QLatin1String("22")))
        return ErrorCode::InvalidInput;
    return ErrorCode::ServerError;
}

QString PgErrors::address(pg_conn *conn)
{
    if (!conn)
        return {};
    const char *host = PQhost(conn);
    const char *port = PQport(conn);
    if (!host || !*host)
        return {};
    QString h = QString::fromUtf8(host);
    if (h.contains(QLatin1Char(':')) && !h.startsWith(QLatin1Char('/')))
        h = QLatin1Char('[') + h + QLatin1Char(']');
    const QString p = port && *port ? QString::fromUtf8(port) : QStringLiteral("5432");
    return h + QLatin1Char(':') + p;
}

QString PgErrors::address(pg_conn *conn, const ConnInfo &info)
{
    const QString fromConn = address(conn);
    return fromConn.isEmpty() ? info.displayAddress() : fromConn;
}

QString PgErrors::essentialMessage(const QString &libpqMessage)
{
    const QStringList lines = libpqMessage.split(QLatin1Char('\n'));
    // Start at the last attempt ("connection to server …" opens each one).
    qsizetype start = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).startsWith(QLatin1String("connection to server")))
            start = i;
    }
    QStringList parts;
    for (qsizetype i = start; i < lines.size(); ++i) {
        QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        if (i == start && line.startsWith(QLatin1String("connection to server"))) {
            const qsizetype failed = line.indexOf(QLatin1String(" failed: "));
            if (failed >= 0)
                line = line.mid(failed + 9).trimmed();
        }
        for (const char *prefix : {"FATAL:", "ERROR:"}) {
            if (line.startsWith(QLatin1String(prefix)))
                line = line.mid(qsizetype(qstrlen(prefix))).trimmed();
        }
        if (!line.isEmpty())
            parts.append(line);
    }
    QString text = parts.join(QLatin1Char(' '));
    return text.isEmpty() ? libpqMessage.trimmed() : text;
}

Error PgErrors::connectFailed(pg_conn *conn, const ConnInfo &info)
{
    const QString where = address(conn, info);
    const QString raw = conn ? QString::fromUtf8(PQerrorMessage(conn)).trimmed()
                             : QStringLiteral("out of memory");
    const QString essence = essentialMessage(raw);
    const QString detail = raw;

    if (conn && PQconnectionNeedsPassword(conn)) {
        return Error(ErrorCode::AuthenticationFailed,
                     Tr::tr("The server %1 asks for a password and none was given. Enter the "
                            "password (it can be kept in the keychain) or add it to ~/.pgpass.")
                             .arg(where),
                     detail);
    }

    ErrorCode code = ErrorCode::ConnectionFailed;
    if (essence.contains(QLatin1String("authentication failed"))
        || essence.contains(QLatin1String("no password supplied"))
        || essence.contains(QLatin1String("no pg_hba.conf entry"))
        || essence.contains(QLatin1String("is not permitted to log in"))
        || (essence.startsWith(QLatin1String("role \""))
            && essence.contains(QLatin1String("does not exist")))) {
        code = ErrorCode::AuthenticationFailed;
    } else if (essence.startsWith(QLatin1String("database \""))
               && essence.contains(QLatin1String("does not exist"))) {
        code = ErrorCode::NotFound;
    } else if (essence.contains(QLatin1String("permission denied"))) {
        code = ErrorCode::PermissionDenied;
    } else if (essence.contains(QLatin1String("timeout expired"))) {
        code = ErrorCode::Timeout;
    }
    return Error(code, Tr::tr("Could not connect to %1: %2").arg(where, essence), detail);
}

Error PgErrors::queryFailed(const pg_result *result, pg_conn *conn, bool cancelRequested)
{
    const QString where = address(conn);
    const QString db = conn ? QString::fromUtf8(PQdb(conn)) : QString();
    if (!result) {
        const QString raw = conn ? QString::fromUtf8(PQerrorMessage(conn)).trimmed() : QString();
        return Error(ErrorCode::ConnectionFailed,
                     Tr::tr("Lost the connection to %1 (database “%2”): %3")
                             .arg(where, db, essentialMessage(raw)),
                     raw);
    }
    const QString sqlState = QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
    QString primary = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
    const QString hint = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_HINT));
    const QString full = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    if (primary.isEmpty())
        primary = essentialMessage(full);
    if (sqlState.isEmpty()) {
        // libpq made this result itself: the connection broke or the protocol failed.
        return Error(
                ErrorCode::ConnectionFailed,
                Tr::tr("Lost the connection to %1 (database “%2”): %3").arg(where, db, primary),
                full);
    }
    const ErrorCode code = codeForSqlState(sqlState, cancelRequested);
    QString message;
    if (code == ErrorCode::Cancelled)
        message = Tr::tr("The query on %1 (database “%2”) was cancelled.").arg(where, db);
    else
        message = Tr::tr("%1 (server %2, database “%3”)").arg(primary, where, db);
    if (!hint.isEmpty() && code != ErrorCode::Cancelled)
        message += QLatin1Char(' ') + hint;
    return Error(code, message, QStringLiteral("SQLSTATE %1: %2").arg(sqlState, full));
}

Error PgErrors::connectTimedOut(const QString &address, int seconds)
{
    return Error(ErrorCode::Timeout,
                 Tr::tr("Connecting to %1 timed out after %n second(s). Check the host name, "
                        "the port and that no firewall drops the connection.",
                        nullptr, seconds)
                         .arg(address),
                 QStringLiteral("connect_timeout=%1 expired while connecting to %2")
                         .arg(seconds)
                         .arg(address));
}

Error PgErrors::connectCancelled(const QString &address)
{
    return Error(ErrorCode::Cancelled, Tr::tr("Connecting to %1 was cancelled.").arg(address));
}

Error PgErrors::queryCancelled(pg_conn *conn)
{
    const QString db = conn ? QString::fromUtf8(PQdb(conn)) : QString();
    return Error(ErrorCode::Cancelled,
                 Tr::tr("The query on %1 (database “%2”) was cancelled.").arg(address(conn), db));
}

Error PgErrors::queryTimedOut(pg_conn *conn, int seconds)
{
    const QString db = conn ? QString::fromUtf8(PQdb(conn)) : QString();
    return Error(ErrorCode::Timeout,
                 Tr::tr("The server %1 (database “%2”) did not answer within %n second(s).",
                        nullptr, seconds)
                         .arg(address(conn), db));
}

} // namespace PgVault
