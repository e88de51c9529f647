#include "AsyncConnector.h"

#include "ConnectParams.h"
#include "ConnectionLog.h"
#include "PgErrors.h"
#include "PgHandles.h"

#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

namespace PgVault {

struct AsyncConnector::Private
{
    PgConnPtr conn;
    ConnInfo info;
    int timeoutSeconds = 0;
    QTimer timer;
    QPointer<QSocketNotifier> readNotifier;
    QPointer<QSocketNotifier> writeNotifier;
    bool running = false;
    bool starting = false; // inside start(): report failures from the event loop
    quint64 generation = 0;
    PgConnection result;
};

AsyncConnector::AsyncConnector(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->timer.setSingleShot(true);
    connect(&d->timer, &QTimer::timeout, this, &AsyncConnector::onTimeout);
}

AsyncConnector::~AsyncConnector()
{
    stopWatching();
}

void AsyncConnector::start(const ConnInfo &info, const std::optional<QString> &password)
{
    if (d->running) {
        stopWatching();
        d->timer.stop();
        d->conn.reset();
    }
    ++d->generation;
    d->running = true;
    d->info = info.withoutPassword();
    d->result = PgConnection();
    m_error.reset();
    d->timeoutSeconds = info.connectTimeoutSeconds();

    qCDebug(lcConnection).noquote() << "connecting (async) to" << info.redacted();
    const ConnectParams params(info, password);
    d->conn.reset(PQconnectStartParams(params.keywords(), params.values(), 0));
    if (!d->conn || PQstatus(d->conn.get()) == CONNECTION_BAD) {
        m_error = PgErrors::connectFailed(d->conn.get(), d->info);
        d->conn.reset();
        d->running = false;
        reportLater();
        return;
    }
    if (d->timeoutSeconds > 0)
        d->timer.start(d->timeoutSeconds * 1000);
    // libpq: before the first PQconnectPoll, behave as if it returned PGRES_POLLING_WRITING.
    d->starting = true;
    watchSocket(false);
    d->starting = false;
}

void AsyncConnector::cancel()
{
    if (!d->running)
        return;
    const QString where = address();
    qCDebug(lcConnection).noquote() << "connect to" << where << "cancelled";
    stopWatching();
    d->timer.stop();
    d->conn.reset();
    ++d->generation;
    fail(PgErrors::connectCancelled(where));
}

bool AsyncConnector::isRunning() const
{
    return d->running;
}

PgConnection AsyncConnector::takeConnection()
{
    return std::move(d->result);
}

QString AsyncConnector::address() const
{
    return PgErrors::address(d->conn.get(), d->info);
}

void AsyncConnector::poll()
{
    if (!d->running || !d->conn)
        return;
    stopWatching();
    switch (PQconnectPoll(d->conn.get())) {
    case PGRES_POLLING_OK: succeed(); return;
    case PGRES_POLLING_FAILED: fail(PgErrors::connectFailed(d->conn.get(), d->info)); return;
    case PGRES_POLLING_READING: watchSocket(true); return;
    case PGRES_POLLING_WRITING:
    case PGRES_POLLING_ACTIVE: watchSocket(false); return;
    }
}

void AsyncConnector::watchSocket(bool forReading)
{
    // Every poll may have moved libpq to a new socket (next address or host); a notifier on a
    // closed descriptor would never fire, so the notifiers are rebuilt for the current one.
    const int fd = PQsocket(d->conn.get());
    if (fd < 0) {
        fail(PgErrors::connectFailed(d->conn.get(), d->info));
        return;
    }
    auto *notifier = new QSocketNotifier(
            qintptr(fd), forReading ? QSocketNotifier::Read : QSocketNotifier::Write, this);
    connect(notifier, &QSocketNotifier::activated, this, &AsyncConnector::poll);
    if (forReading)
        d->readNotifier = notifier;
    else
        d->writeNotifier = notifier;
}

void AsyncConnector::stopWatching()
{
    // Called from the notifiers' own activated() signal: disable now, delete later.
    for (QPointer<QSocketNotifier> *notifier : {&d->readNotifier, &d->writeNotifier}) {
        if (*notifier) {
            (*notifier)->setEnabled(false);
            (*notifier)->deleteLater();
        }
        *notifier = nullptr;
    }
}

void AsyncConnector::onTimeout()
{
    if (!d->running)
        return;
    const QString where = address();
    qCInfo(lcConnection).noquote()
            << "connect to" << where << "timed out after" << d->timeoutSeconds << "s";
    stopWatching();
    d->conn.reset();
    fail(PgErrors::connectTimedOut(where, d->timeoutSeconds));
}

void AsyncConnector::succeed()
{
    d->timer.stop();
    d->running = false;
    qCDebug(lcConnection).noquote() << "connected to" << address();
    d->result = PgConnection::adopt(d->conn.release(), d->info);
    Q_EMIT finished();
}

void AsyncConnector::fail(const Error &error)
{
    d->timer.stop();
    d->conn.reset();
    d->running = false;
    m_error = error;
    qCDebug(lcConnection).noquote() << "connect failed:" << error.toString();
    if (d->starting)
        reportLater();
    else
        Q_EMIT finished();
}

void AsyncConnector::reportLater()
{
    const quint64 generation = d->generation;
    QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation == d->generation && !d->running)
                    Q_EMIT finished();
            },
            Qt::QueuedConnection);
}

} // namespace PgVault
