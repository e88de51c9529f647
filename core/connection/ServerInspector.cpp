#include "ServerInspector.h"

#include "AsyncConnector.h"
#include "AsyncQuery.h"
#include "ConnectionLog.h"
#include "ServerFactsQueries.h"
#include "tools/ToolLocator.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace PgVault {

namespace {

constexpr int DefaultQueryTimeoutMs = 30000;

void fillConnection(ServerFacts &facts, const PgConnection &conn)
{
    ServerFactsQueries::applyConnection(facts, conn.host(), conn.port(), conn.address(),
                                        conn.database());
}

} // namespace

struct ServerInspector::Private
{
    std::shared_ptr<const ToolLocator> locator;
    int queryTimeoutMs = DefaultQueryTimeoutMs;

    AsyncConnector *connector = nullptr;
    PgConnection conn;
    AsyncQuery *query = nullptr; // deleted with deleteLater() (it emits the signal we handle)
    QPointer<QFutureWatcher<ClientToolsStatus>> toolsWatcher;

    QList<ServerFactsQueries::Step> steps;
    qsizetype stepIndex = 0;
    ServerFacts facts;
    bool running = false;
    std::optional<Result<ServerFacts>> result;
};

ServerInspector::ServerInspector(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->connector = new AsyncConnector(this);
    connect(d->connector, &AsyncConnector::finished, this, &ServerInspector::onConnected);
}

ServerInspector::~ServerInspector()
{
    // A running query is cancelled on the server; it must let go of the connection first.
    dropQuery();
}

void ServerInspector::dropQuery()
{
    if (!d->query)
        return;
    d->query->disconnect(this);
    d->query->abandon();
    d->query->deleteLater();
    d->query = nullptr;
}

void ServerInspector::setToolLocator(std::shared_ptr<const ToolLocator> locator)
{
    d->locator = std::move(locator);
}

void ServerInspector::setQueryTimeout(int milliseconds)
{
    d->queryTimeoutMs = milliseconds;
}

void ServerInspector::start(const ConnInfo &info, const std::optional<QString> &password)
{
    if (d->running) {
        const QSignalBlocker blocker(this);
        cancel();
    }
    d->running = true;
    d->result.reset();
    d->facts = ServerFacts();
    d->steps = ServerFactsQueries::steps();
    d->stepIndex = 0;
    Q_EMIT progress(tr("Connecting to %1…").arg(info.displayAddress()));
    if (!d->running) // cancelled from a slot connected to progress()
        return;
    d->connector->start(info, password);
}

void ServerInspector::cancel()
{
    if (!d->running)
        return;
    qCDebug(lcConnection) << "server inspection cancelled";
    {
        const QSignalBlocker blocker(d->connector);
        d->connector->cancel();
    }
    dropQuery();
    d->conn.close();
    if (d->toolsWatcher) {
        d->toolsWatcher->disconnect(this);
        d->toolsWatcher->deleteLater();
    }
    fail(Error(ErrorCode::Cancelled, tr("Inspecting the server was cancelled.")));
}

bool ServerInspector::isRunning() const
{
    return d->running;
}

Result<ServerFacts> ServerInspector::result() const
{
    if (!d->result) {
        return Error(ErrorCode::Internal, tr("The server inspection has not finished."),
                     QStringLiteral("ServerInspector::result() before finished()"));
    }
    return *d->result;
}

void ServerInspector::onConnected()
{
    if (!d->running)
        return;
    if (d->connector->error()) {
        fail(*d->connector->error());
        return;
    }
    d->conn = d->connector->takeConnection();
    fillConnection(d->facts, d->conn);
    d->query = new AsyncQuery(d->conn);
    connect(d->query, &AsyncQuery::finished, this, &ServerInspector::onStepFinished);
    runNextStep();
}

void ServerInspector::runNextStep()
{
    if (d->stepIndex >= d->steps.size()) {
        dropQuery();
        d->conn.close();
        ServerFactsQueries::assessLocality(d->facts);
        checkTools();
        return;
    }
    const ServerFactsQueries::Step &step = d->steps.at(d->stepIndex);
    Q_EMIT progress(tr("Reading %1…").arg(step.title));
    if (!d->running)
        return;
    d->query->start(step.sql, step.params, d->queryTimeoutMs);
}

void ServerInspector::onStepFinished()
{
    if (!d->running)
        return;
    const ServerFactsQueries::Step &step = d->steps.at(d->stepIndex);
    const Result<QueryResult> r = d->query->result();
    if (!r) {
        qCDebug(lcConnection).noquote()
                << "inspection step" << step.name << "failed:" << r.error().toString();
        if (step.required) {
            fail(r.error());
            return;
        }
        ServerFactsQueries::noteFailure(d->facts, step, r.error());
    } else {
        step.apply(*r, d->facts);
    }
    ++d->stepIndex;
    runNextStep();
}

void ServerInspector::checkTools()
{
    if (!d->locator || d->facts.major <= 0) {
        complete();
        return;
    }
    Q_EMIT progress(tr("Looking for the PostgreSQL %1 programs…").arg(d->facts.major));
    if (!d->running)
        return;
    auto *watcher = new QFutureWatcher<ClientToolsStatus>(this);
    d->toolsWatcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (!d->running || d->toolsWatcher != watcher)
            return;
        d->facts.clientTools = watcher->result();
        complete();
    });
    // The lambda keeps the locator alive even if the inspector goes away first.
    watcher->setFuture(QtConcurrent::run([locator = d->locator, major = d->facts.major] {
        return ClientToolsStatus::check(*locator, major);
    }));
}

void ServerInspector::complete()
{
    d->running = false;
    d->result = d->facts;
    qCInfo(lcConnection).noquote()
            << "inspected" << d->facts.address << "PostgreSQL" << d->facts.serverVersion;
    Q_EMIT finished();
}

void ServerInspector::fail(const Error &error)
{
    dropQuery();
    d->conn.close();
    d->running = false;
    d->result = error;
    Q_EMIT finished();
}

Result<ServerFacts> ServerInspector::inspect(PgConnection &connection, const ToolLocator *locator)
{
    ServerFacts facts;
    fillConnection(facts, connection);
    for (const ServerFactsQueries::Step &step : ServerFactsQueries::steps()) {
        const Result<QueryResult> r = connection.exec(step.sql, step.params);
        if (!r) {
            if (step.required)
                return r.error();
            ServerFactsQueries::noteFailure(facts, step, r.error());
            continue;
        }
        step.apply(*r, facts);
    }
    ServerFactsQueries::assessLocality(facts);
    if (locator && facts.major > 0)
        facts.clientTools = ClientToolsStatus::check(*locator, facts.major);
    return facts;
}

} // namespace PgVault
