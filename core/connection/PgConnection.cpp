#include "PgConnection.h"

#include "ConnectParams.h"
#include "ConnectionLog.h"
#include "PgErrors.h"
#include "PgHandles.h"
#include "QueryParams.h"
#include "common/Tr.h"

#include <QDeadlineTimer>
#include <QMutex>
#include <QMutexLocker>

#include <cerrno>
#include <poll.h>

namespace PgVault {

namespace {

void logNotice(void *, const char *message)
{
    qCDebug(lcConnection).noquote() << "server notice:" << QString::fromUtf8(message).trimmed();
}

// How long one wait in the blocking connect loop lasts, so that the cancel flag is seen.
constexpr int PollSliceMs = 200;

} // namespace

struct PgConnection::Private
{
    PgConnPtr conn;
    ConnInfo info;
    mutable QMutex cancelMutex;
    PgCancelPtr cancel;
    mutable std::atomic<bool> cancelRequested{false};
};

PgConnection::PgConnection() = default;
PgConnection::PgConnection(std::unique_ptr<Private> priv)
    : d(std::move(priv))
{}
PgConnection::PgConnection(PgConnection &&other) noexcept = default;
PgConnection &PgConnection::operator=(PgConnection &&other) noexcept = default;
PgConnection::~PgConnection() = default;

PgConnection PgConnection::adopt(pg_conn *conn, const ConnInfo &info)
{
    auto priv = std::make_unique<Private>();
    priv->conn.reset(conn);
    priv->info = info.withoutPassword();
    if (conn) {
        PQsetNoticeProcessor(conn, &logNotice, nullptr);
        priv->cancel.reset(PQgetCancel(conn));
    }
    return PgConnection(std::move(priv));
}

Result<PgConnection> PgConnection::connect(const ConnInfo &info,
                                           const std::optional<QString> &password,
                                           const std::atomic<bool> *cancelFlag)
{
    qCDebug(lcConnection).noquote() << "connecting (blocking) to" << info.redacted();
    const ConnectParams params(info, password);
    PgConnPtr conn(PQconnectStartParams(params.keywords(), params.values(), 0));
    if (!conn || PQstatus(conn.get()) == CONNECTION_BAD)
        return PgErrors::connectFailed(conn.get(), info);

    const int timeoutSeconds = info.connectTimeoutSeconds();
    const QDeadlineTimer deadline = timeoutSeconds > 0
                                            ? QDeadlineTimer(qint64(timeoutSeconds) * 1000)
                                            : QDeadlineTimer(QDeadlineTimer::Forever);

    // libpq: before the first PQconnectPoll, behave as if it returned PGRES_POLLING_WRITING.
    PostgresPollingStatusType status = PGRES_POLLING_WRITING;
    while (status != PGRES_POLLING_OK) {
        if (status == PGRES_POLLING_FAILED)
            return PgErrors::connectFailed(conn.get(), info);
        if (cancelFlag && cancelFlag->load())
            return PgErrors::connectCancelled(PgErrors::address(conn.get(), info));
        if (deadline.hasExpired())
            return PgErrors::connectTimedOut(PgErrors::address(conn.get(), info), timeoutSeconds);

        // The socket can change between polls (next address or host), so ask every time.
        pollfd pfd{};
        pfd.fd = PQsocket(conn.get());
        if (pfd.fd < 0)
            return PgErrors::connectFailed(conn.get(), info);
        pfd.events = status == PGRES_POLLING_READING ? POLLIN : POLLOUT;
        const qint64 remaining = deadline.remainingTime();
        const int slice
                = remaining < 0 ? PollSliceMs : int(std::min<qint64>(remaining, PollSliceMs));
        const int ready = ::poll(&pfd, 1, slice);
        if (ready < 0 && errno != EINTR) {
            return Error(ErrorCode::ConnectionFailed,
                         Tr::tr("Could not connect to %1: waiting for the network failed.")
                                 .arg(PgErrors::address(conn.get(), info)),
                         QString::fromLocal8Bit(strerror(errno)));
        }
        if (ready > 0)
            status = PQconnectPoll(conn.get());
    }
    qCDebug(lcConnection).noquote() << "connected to" << PgErrors::address(conn.get(), info);
    return adopt(conn.release(), info);
}

bool PgConnection::isOpen() const
{
    return d && d->conn;
}

bool PgConnection::isHealthy() const
{
    return isOpen() && PQstatus(d->conn.get()) == CONNECTION_OK;
}

void PgConnection::close()
{
    if (!d)
        return;
    {
        QMutexLocker lock(&d->cancelMutex);
        d->cancel.reset();
    }
    d->conn.reset();
}

Result<QueryResult> PgConnection::exec(const QString &sql, const QVariantList &params)
{
    if (!isOpen()) {
        return Error(ErrorCode::Internal, Tr::tr("There is no open database connection."),
                     QStringLiteral("exec() on a closed PgConnection"));
    }
    d->cancelRequested = false;
    const QByteArray query = sql.toUtf8();
    PgResultPtr result;
    if (params.isEmpty()) {
        result.reset(PQexec(d->conn.get(), query.constData()));
    } else {
        const QueryParams values(params);
        result.reset(PQexecParams(d->conn.get(), query.constData(), values.count(), nullptr,
                                  values.values(), nullptr, nullptr, 0));
    }
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    switch (status) {
    case PGRES_TUPLES_OK:
    case PGRES_COMMAND_OK:
    case PGRES_EMPTY_QUERY: return QueryResult::fromPgResult(result.get());
    case PGRES_COPY_IN:
    case PGRES_COPY_OUT:
    case PGRES_COPY_BOTH:
        return Error(ErrorCode::Internal,
                     Tr::tr("A COPY statement cannot be run through exec() on %1.").arg(address()),
                     sql.left(200));
    default: return PgErrors::queryFailed(result.get(), d->conn.get(), d->cancelRequested.load());
    }
}

Result<QString> PgConnection::scalar(const QString &sql, const QVariantList &params)
{
    Result<QueryResult> result = exec(sql, params);
    if (!result)
        return result.error();
    if (result->rowCount() == 0 || result->columnCount() == 0)
        return QString();
    return result->value(0, 0);
}

bool PgConnection::cancel() const
{
    if (!d)
        return false;
    QMutexLocker lock(&d->cancelMutex);
    if (!d->cancel)
        return false;
    d->cancelRequested = true;
    char errbuf[256] = {};
    const bool sent = PQcancel(d->cancel.get(), errbuf, int(sizeof errbuf)) == 1;
    if (!sent) {
        qCWarning(lcConnection).noquote()
                << "could not send a cancel request:" << QString::fromUtf8(errbuf);
    }
    return sent;
}

Result<QString> PgConnection::escapeIdentifier(const QString &identifier) const
{
    if (!isOpen())
        return Error(ErrorCode::Internal, Tr::tr("There is no open database connection."));
    const QByteArray utf8 = identifier.toUtf8();
    char *escaped = PQescapeIdentifier(d->conn.get(), utf8.constData(), size_t(utf8.size()));
    if (!escaped) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("“%1” cannot be used as a name.").arg(identifier),
                     QString::fromUtf8(PQerrorMessage(d->conn.get())).trimmed());
    }
    const QString out = QString::fromUtf8(escaped);
    PQfreemem(escaped);
    return out;
}

Result<QString> PgConnection::escapeLiteral(const QString &literal) const
{
    if (!isOpen())
        return Error(ErrorCode::Internal, Tr::tr("There is no open database connection."));
    const QByteArray utf8 = literal.toUtf8();
    char *escaped = PQescapeLiteral(d->conn.get(), utf8.constData(), size_t(utf8.size()));
    if (!escaped) {
        return Error(ErrorCode::InvalidInput, Tr::tr("The text cannot be quoted for SQL."),
                     QString::fromUtf8(PQerrorMessage(d->conn.get())).trimmed());
    }
    const QString out = QString::fromUtf8(escaped);
    PQfreemem(escaped);
    return out;
}

QString PgConnection::host() const
{
    return isOpen() ? QString::fromUtf8(PQhost(d->conn.get())) : QString();
}

int PgConnection::port() const
{
    return isOpen() ? QByteArray(PQport(d->conn.get())).toInt() : 0;
}

QString PgConnection::database() const
{
    return isOpen() ? QString::fromUtf8(PQdb(d->conn.get())) : QString();
}

QString PgConnection::user() const
{
    return isOpen() ? QString::fromUtf8(PQuser(d->conn.get())) : QString();
}

QString PgConnection::address() const
{
    if (!d)
        return {};
    return PgErrors::address(d->conn.get(), d->info);
}

int PgConnection::serverVersionNum() const
{
    return isOpen() ? PQserverVersion(d->conn.get()) : 0;
}

QString PgConnection::serverVersion() const
{
    return isOpen() ? QString::fromUtf8(PQparameterStatus(d->conn.get(), "server_version"))
                    : QString();
}

bool PgConnection::usedPassword() const
{
    return isOpen() && PQconnectionUsedPassword(d->conn.get()) == 1;
}

const ConnInfo &PgConnection::connInfo() const
{
    static const ConnInfo empty;
    return d ? d->info : empty;
}

pg_conn *PgConnection::handle() const
{
    return d ? d->conn.get() : nullptr;
}

} // namespace PgVault
