#include "SandboxStatus.h"

#include "ServerAccount.h"
#include "common/Tr.h"
#include "connection/ConnInfo.h"

#include <QJsonArray>

namespace PgVault {

QString SandboxStatus::conninfo() const
{
    if (!config)
        return {};
    ConnInfo info;
    info.setHost(config->socketDir);
    info.setPort(config->port);
    info.setDbname(config->database.isEmpty() ? QStringLiteral("postgres") : config->database);
    info.setUser(config->superuser);
    return info.toString();
}

QString SandboxStatus::version() const
{
    if (!serverVersion.isEmpty())
        return serverVersion;
    if (!config)
        return {};
    // "postgres (PostgreSQL) 15.20 (Debian …)" → "15.20 (Debian …)", like server_version.
    const QString marker = QStringLiteral("(PostgreSQL) ");
    const qsizetype at = config->versionText.indexOf(marker);
    return at < 0 ? config->versionText : config->versionText.mid(at + marker.size());
}

QStringList SandboxStatus::notes() const
{
    QStringList notes;
    if (leftovers) {
        notes << Tr::tr("%1 holds the remains of an interrupted sandbox creation; creating the "
                        "sandbox removes them first.")
                         .arg(paths.rootDir());
    }
    if (!config)
        return notes;
    // Keep this explanation next to the status: trust authentication is safe here only because
    // of where the server listens, and the user should know that.
    notes << Tr::tr("No password is needed: the sandbox listens only on the unix socket in %1, "
                    "a folder only its owner (and root) can open, and never on the network. It "
                    "is a demo server: don't keep data in it that you need to protect.")
                     .arg(config->socketDir);
    if (ServerAccount::processIsRoot()) {
        notes << Tr::tr("PgVault runs as root and PostgreSQL refuses to, so the sandbox server "
                        "runs as the user “%1”. Its files are in %2 and its WAL goes to %3, both "
                        "owned by that user, where it can reach them (root's home folder is "
                        "private).")
                         .arg(config->serverUser, paths.rootDir(), config->repository);
    } else if (!config->repository.isEmpty()) {
        notes << Tr::tr("WAL is archived to the repository %1 (archive_command runs "
                        "“pgvault-cli wal-push”).")
                         .arg(config->repository);
    }
    if (state == State::Running && !accepting && !connectionError.isEmpty()) {
        notes << Tr::tr("The server process exists but did not accept a connection: %1")
                         .arg(connectionError);
    }
    return notes;
}

QJsonObject SandboxStatus::toJson() const
{
    QJsonObject json{
            {QStringLiteral("state"), stateName(state)},
            {QStringLiteral("created"), isCreated()},
            {QStringLiteral("running"), isRunning()},
            {QStringLiteral("rootDir"), paths.rootDir()},
            {QStringLiteral("dataDir"), paths.dataDir()},
            {QStringLiteral("socketDir"), config ? config->socketDir : paths.socketDir()},
            {QStringLiteral("logFile"), paths.logFile()},
            {QStringLiteral("leftovers"), leftovers},
    };
    if (config) {
        json.insert(QStringLiteral("port"), config->port);
        json.insert(QStringLiteral("major"), config->major);
        json.insert(QStringLiteral("binDir"), config->binDir);
        json.insert(QStringLiteral("version"), version());
        json.insert(QStringLiteral("serverUser"), config->serverUser);
        json.insert(QStringLiteral("superuser"), config->superuser);
        json.insert(QStringLiteral("database"), config->database);
        json.insert(QStringLiteral("repository"), config->repository);
        json.insert(QStringLiteral("profileName"), config->profileName);
        json.insert(QStringLiteral("createdAt"), config->createdAt.toUTC().toString(Qt::ISODate));
        json.insert(QStringLiteral("conninfo"), conninfo());
        json.insert(QStringLiteral("authentication"), QStringLiteral("trust-on-private-socket"));
    }
    if (isRunning()) {
        json.insert(QStringLiteral("pid"), pid);
        json.insert(QStringLiteral("serverStatus"), serverStatus);
        json.insert(QStringLiteral("accepting"), accepting);
        if (!connectionError.isEmpty())
            json.insert(QStringLiteral("connectionError"), connectionError);
    }
    if (problem) {
        json.insert(QStringLiteral("problem"),
                    QJsonObject{{QStringLiteral("code"), Error::codeName(problem->code())},
                                {QStringLiteral("message"), problem->message()},
                                {QStringLiteral("detail"), problem->detail()}});
    }
    json.insert(QStringLiteral("notes"), QJsonArray::fromStringList(notes()));
    return json;
}

QString SandboxStatus::stateName(State state)
{
    switch (state) {
    case State::NotCreated: return QStringLiteral("not-created");
    case State::Stopped: return QStringLiteral("stopped");
    case State::Running: return QStringLiteral("running");
    }
    return QStringLiteral("not-created");
}

QString SandboxStatus::stateLabel(State state)
{
    switch (state) {
    case State::NotCreated: return Tr::tr("not created");
    case State::Stopped: return Tr::tr("stopped");
    case State::Running: return Tr::tr("running");
    }
    return {};
}

} // namespace PgVault
