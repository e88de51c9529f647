#pragma once

#include "SandboxPaths.h"
#include "SandboxState.h"
#include "common/Error.h"

#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

#include <optional>

namespace PgVault {

// A snapshot of the sandbox: does it exist, is it running, how to connect. Sandbox::status()
// makes one; `pgvault-cli sandbox status [--json]` prints it.
struct SandboxStatus
{
    enum class State {
        NotCreated, // no sandbox.json (perhaps remains of an interrupted create: see leftovers)
        Stopped,
        Running, // a postmaster process exists for the data directory
    };

    State state = State::NotCreated;
    SandboxPaths paths;
    std::optional<SandboxState> config; // what create chose; set unless NotCreated
    // Why the sandbox cannot be used, e.g. a damaged sandbox.json (then state is NotCreated).
    std::optional<Error> problem;
    // Files of an interrupted create are present; create removes them before starting over.
    bool leftovers = false;

    qint64 pid = 0;          // the postmaster's, when running
    QString serverStatus;    // postmaster.pid's word: "ready", "starting", "stopping"
    bool accepting = false;  // a connection succeeded (Full) or the server said "ready" (Quick)
    QString serverVersion;   // from the server when a connection was made, e.g. "15.20 (Debian…)"
    QString connectionError; // why the connection check failed, when it did

    bool isCreated() const { return state != State::NotCreated; }
    bool isRunning() const { return state == State::Running; }

    // "15.20 (Debian 15.20-0+deb12u1)": the running server's version, else the one of the
    // installed postgres program; empty when not created.
    QString version() const;

    // libpq connection string for the sample database over the private socket; empty when the
    // sandbox does not exist.
    QString conninfo() const;

    // Translated explanations to show next to the status: why no password is needed, why
    // another user runs the server (root), where WAL goes.
    QStringList notes() const;

    // Machine-readable form (for `status --json` and the GUI):
    // {"state":"running","created":true,"running":true,"port":5499,"dataDir":…,"socketDir":…,
    //  "conninfo":…,"version":…,"major":15,"serverUser":…,"repository":…,"profileName":…,
    //  "pid":…,"accepting":true,"notes":[…], "problem":{…} when there is one}
    QJsonObject toJson() const;

    static QString stateName(State state);  // "not-created", "stopped", "running"
    static QString stateLabel(State state); // translated
};

} // namespace PgVault

Q_DECLARE_METATYPE(PgVault::SandboxStatus)
