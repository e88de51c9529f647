#pragma once

#include "ConnInfo.h"
#include "PgConnection.h"
#include "ServerFacts.h"
#include "common/Result.h"

#include <QObject>

#include <memory>
#include <optional>

namespace PgVault {

class ToolLocator;

// Collects ServerFacts without blocking its thread: AsyncConnector, then one AsyncQuery per
// ServerFactsQueries step, then (when a ToolLocator is set) ClientToolsStatus on a worker
// thread. cancel() stops at once in any phase. Works with PostgreSQL 14–18.
//
// finished() is emitted exactly once per start(), from the event loop (cancel() emits it
// directly). Then result() holds the facts or the error: connection errors as AsyncConnector
// reports them (AuthenticationFailed, Timeout, …), Cancelled after cancel().
class ServerInspector : public QObject
{
    Q_OBJECT

public:
    explicit ServerInspector(QObject *parent = nullptr);
    ~ServerInspector() override;

    // Optional: also check which client tools of the server's major are installed. The
    // locator must outlive the inspector (share it, it is thread-safe).
    void setToolLocator(std::shared_ptr<const ToolLocator> locator);
    // Per-query timeout (default 30 s).
    void setQueryTimeout(int milliseconds);

    void start(const ConnInfo &info, const std::optional<QString> &password = std::nullopt);
    void cancel();
    bool isRunning() const;

    Result<ServerFacts> result() const;

    // Blocking variant for worker threads and the CLI: runs the same queries on an open
    // connection (and checks the client tools when a locator is given).
    static Result<ServerFacts> inspect(PgConnection &connection,
                                       const ToolLocator *locator = nullptr);

Q_SIGNALS:
    // A step began; `step` is translated ("Connecting to db:5432…", "Reading the settings…").
    void progress(const QString &step);
    void finished();

private:
    void onConnected();
    void runNextStep();
    void onStepFinished();
    void checkTools();
    void complete();
    void fail(const Error &error);
    void dropQuery();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace PgVault
