#include "Sandbox.h"

#include "PostmasterPid.h"
#include "connection/PgConnection.h"

#include <QFileInfo>

namespace PgVault {

Sandbox::Sandbox(SandboxPaths paths)
    : m_paths(std::move(paths))
{}

QString Sandbox::defaultProfileName()
{
    return QStringLiteral("Sandbox");
}

QString Sandbox::sampleDatabaseName()
{
    return QStringLiteral("shop");
}

ConnInfo Sandbox::connInfo(const SandboxState &state, const QString &dbname)
{
    ConnInfo info;
    info.setHost(state.socketDir);
    info.setPort(state.port);
    info.setDbname(!dbname.isEmpty()           ? dbname
                   : !state.database.isEmpty() ? state.database
                                               : QStringLiteral("postgres"));
    info.setUser(state.superuser);
    return info;
}

Result<SandboxState> Sandbox::state() const
{
    return SandboxState::read(m_paths.stateFile());
}

SandboxStatus Sandbox::status(StatusDepth depth) const
{
    SandboxStatus status;
    status.paths = m_paths;

    Result<SandboxState> state = this->state();
    if (!state) {
        if (state.error().code() != ErrorCode::NotFound)
            status.problem = state.error();
        status.leftovers
                = QFileInfo::exists(m_paths.dataDir()) || QFileInfo::exists(m_paths.logFile());
        return status;
    }
    status.config = *state;

    const std::optional<PostmasterPid> pid = PostmasterPid::read(m_paths.dataDir());
    if (!pid || !pid->processAlive()) {
        status.state = SandboxStatus::State::Stopped;
        return status;
    }
    status.state = SandboxStatus::State::Running;
    status.pid = pid->pid();
    status.serverStatus = pid->status();
    status.accepting = pid->status() == QLatin1String("ready");
    if (depth == StatusDepth::Quick)
        return status;

    // The socket is local, so a short timeout is plenty; a server that is still starting
    // answers "the database system is starting up", which is reported, not waited for.
    ConnInfo info = connInfo(*state, QStringLiteral("postgres"));
    info.setConnectTimeoutSeconds(3);
    Result<PgConnection> connection = PgConnection::connect(info);
    if (!connection) {
        status.accepting = false;
        status.connectionError = connection.error().message();
        return status;
    }
    status.accepting = true;
    status.serverVersion = connection->serverVersion();
    return status;
}

} // namespace PgVault
