#include "AsyncQuery.h"

#include "ConnectionLog.h"
#include "PgConnection.h"
#include "PgErrors.h"
#include "PgHandles.h"
#include "QueryParams.h"
#include "common/Tr.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace PgVault {

namespace {

// How long a cancelled query may take to end before we stop waiting for the server.
constexpr int CancelGraceMs = 5000;

} // namespace

struct AsyncQuery::Private
{
    QPointer<QSocketNotifier> readNotifier;
    QPointer<QSocketNotifier> writeNotifier;
    QTimer timeoutTimer;
    QTimer graceTimer;
    PgResultPtr lastResult;
    std::optional<Error> firstError;
    bool cancelRequested = false;
    bool timedOut = false;
    int timeoutMs = 0;
    quint64 generation = 0;
};

AsyncQuery::AsyncQuery(PgConnection &connection, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
    , m_connection(&connection)
{
    d->timeoutTimer.setSingleShot(true);
    d->graceTimer.setSingleShot(true);
    connect(&d->timeoutTimer, &QTimer::timeout, this, &AsyncQuery::onTimeout);
    connect(&d->graceTimer, &QTimer::timeout, this, &AsyncQuery::onCancelGraceExpired);
}

AsyncQuery::~AsyncQuery()
{
    abandon();
}

void AsyncQuery::abandon()
{
    if (m_running && m_connection) {
        // Nobody waits for the answer any more; don't leave the server working on it.
        if (!d->cancelRequested)
            sendCancelRequest();
        if (PGconn *conn = m_connection->handle())
            PQsetnonblocking(conn, 0);
    }
    stopWatching();
    d->timeoutTimer.stop();
    d->graceTimer.stop();
    d->lastResult.reset();
    ++d->generation;
    m_running = false;
    m_connection = nullptr;
}

void AsyncQuery::start(const QString &sql, const QVariantList &params, int timeoutMs)
{
    Q_ASSERT(!m_running);
    ++d->generation;
    m_result.reset();
    d->lastResult.reset();
    d->firstError.reset();
    d->cancelRequested = false;
    d->timedOut = false;
    d->timeoutMs = timeoutMs;
    m_running = true;

    PGconn *conn = handle();
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        finishLater(Error(ErrorCode::ConnectionFailed,
                          Tr::tr("There is no open connection to %1.").arg(address()),
                          conn ? QString::fromUtf8(PQerrorMessage(conn)).trimmed() : QString()));
        return;
    }
    PQsetnonblocking(conn, 1);
    const QByteArray query = sql.toUtf8();
    int sent = 0;
    if (params.isEmpty()) {
        sent = PQsendQuery(conn, query.constData());
    } else {
        const QueryParams values(params);
        sent = PQsendQueryParams(conn, query.constData(), values.count(), nullptr, values.values(),
                                 nullptr, nullptr, 0);
    }
    if (!sent) {
        PQsetnonblocking(conn, 0);
        finishLater(PgErrors::queryFailed(nullptr, conn, false));
        return;
    }

    const int fd = PQsocket(conn);
    d->readNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    d->writeNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, this);
    d->writeNotifier->setEnabled(false);
    connect(d->readNotifier, &QSocketNotifier::activated, this, &AsyncQuery::onReadable);
    connect(d->writeNotifier, &QSocketNotifier::activated, this, &AsyncQuery::onWritable);
    if (timeoutMs > 0)
        d->timeoutTimer.start(timeoutMs);
    flush();
}

void AsyncQuery::cancel()
{
    if (!m_running || d->cancelRequested)
        return;
    d->cancelRequested = true;
    sendCancelRequest();
    d->graceTimer.start(CancelGraceMs);
}

Result<QueryResult> AsyncQuery::result() const
{
    if (!m_result) {
        return Error(ErrorCode::Internal, Tr::tr("The query has not finished."),
                     QStringLiteral("AsyncQuery::result() before finished()"));
    }
    return *m_result;
}

PGconn *AsyncQuery::handle() const
{
    return m_connection ? m_connection->handle() : nullptr;
}

QString AsyncQuery::address() const
{
    return m_connection ? m_connection->address() : QString();
}

void AsyncQuery::flush()
{
    PGconn *conn = handle();
    const int pending = PQflush(conn);
    if (pending < 0) {
        finish(PgErrors::queryFailed(nullptr, conn, d->cancelRequested));
        return;
    }
    if (d->writeNotifier)
        d->writeNotifier->setEnabled(pending == 1);
}

void AsyncQuery::onWritable()
{
    if (m_running)
        flush();
}

void AsyncQuery::onReadable()
{
    if (!m_running)
        return;
    PGconn *conn = handle();
    if (!PQconsumeInput(conn)) {
        finish(PgErrors::queryFailed(nullptr, conn, d->cancelRequested));
        return;
    }
    // libpq: when the socket is readable during a pending send, flush again after consuming.
    if (d->writeNotifier && d->writeNotifier->isEnabled()) {
        flush();
        if (!m_running)
            return;
    }
    collectResults();
}

void AsyncQuery::collectResults()
{
    PGconn *conn = handle();
    while (m_running && !PQisBusy(conn)) {
        PgResultPtr result(PQgetResult(conn));
        if (!result) {
            if (d->firstError)
                finish(*d->firstError);
            else
                finish(QueryResult::fromPgResult(d->lastResult.get()));
            return;
        }
        switch (PQresultStatus(result.get())) {
        case PGRES_TUPLES_OK:
        case PGRES_COMMAND_OK:
        case PGRES_EMPTY_QUERY: d->lastResult = std::move(result); break;
        case PGRES_COPY_IN:
        case PGRES_COPY_OUT:
        case PGRES_COPY_BOTH:
            finish(Error(ErrorCode::Internal,
                         Tr::tr("A COPY statement cannot be run as an asynchronous query on %1.")
                                 .arg(address())));
            return;
        default:
            if (!d->firstError) {
                Error error = PgErrors::queryFailed(result.get(), conn, d->cancelRequested);
                if (d->timedOut && error.code() == ErrorCode::Cancelled)
                    error = PgErrors::queryTimedOut(conn, d->timeoutMs / 1000)
                                    .withDetail(error.detail());
                d->firstError = error;
            }
            break;
        }
    }
}

void AsyncQuery::onTimeout()
{
    if (!m_running)
        return;
    d->timedOut = true;
    cancel();
}

void AsyncQuery::onCancelGraceExpired()
{
    if (!m_running)
        return;
    qCWarning(lcConnection).noquote()
            << "server" << address() << "did not end the cancelled query; giving up waiting";
    PGconn *conn = handle();
    finish(d->timedOut ? PgErrors::queryTimedOut(conn, d->timeoutMs / 1000)
                       : PgErrors::queryCancelled(conn));
}

void AsyncQuery::sendCancelRequest()
{
    PGconn *conn = handle();
    if (!conn)
        return;
    // PGcancel is independent of the PGconn, so the request may outlive both.
    std::shared_ptr<PGcancel> request(PQgetCancel(conn), PgCancelDeleter());
    if (!request)
        return;
    auto future = QtConcurrent::run([request] {
        char errbuf[256] = {};
        if (PQcancel(request.get(), errbuf, int(sizeof errbuf)) != 1) {
            qCWarning(lcConnection).noquote()
                    << "could not send a cancel request:" << QString::fromUtf8(errbuf);
        }
    });
    Q_UNUSED(future)
}

void AsyncQuery::finish(Result<QueryResult> result)
{
    stopWatching();
    d->timeoutTimer.stop();
    d->graceTimer.stop();
    d->lastResult.reset();
    if (PGconn *conn = handle())
        PQsetnonblocking(conn, 0);
    m_running = false;
    m_result = std::move(result);
    Q_EMIT finished();
}

void AsyncQuery::finishLater(const Error &error)
{
    const quint64 generation = d->generation;
    QMetaObject::invokeMethod(
            this,
            [this, generation, error] {
                if (generation == d->generation && m_running)
                    finish(error);
            },
            Qt::QueuedConnection);
}

void AsyncQuery::stopWatching()
{
    for (QPointer<QSocketNotifier> *notifier : {&d->readNotifier, &d->writeNotifier}) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            (*notifier)->deleteLater();
        }
        *notifier = nullptr;
    }
}

} // namespace PgVault
