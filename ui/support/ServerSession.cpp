#include "ServerSession.h"

#include "connection/ConnInfo.h"
#include "connection/ServerAdvisor.h"
#include "connection/ServerInspector.h"
#include "secrets/SecretStore.h"
#include "tools/ToolLocator.h"

namespace PgVault {

namespace {

bool mattersForStatus(const ServerWarning &warning)
{
    return warning.severity != ServerWarning::Severity::Info;
}

} // namespace

ServerSession::ServerSession(SecretStore *secrets, std::shared_ptr<const ToolLocator> tools,
                             QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_tools(std::move(tools))
{}

ServerSession::~ServerSession()
{
    blockSignals(true); // nobody should hear about a session that is going away
    cancel();
}

void ServerSession::setProfile(const std::optional<Profile> &profile)
{
    if (profile && m_profile && profile->id() == m_profile->id()) {
        m_profile = profile;
        Q_EMIT changed();
        return;
    }
    cancel();
    m_profile = profile;
    m_progressText.clear();
    if (m_profile && current().state == State::Idle) {
        start(std::nullopt);
        return;
    }
    Q_EMIT changed();
}

void ServerSession::profileChanged(const Profile &profile)
{
    const bool sameConnection = m_profile && m_profile->id() == profile.id()
                                && m_profile->conninfo() == profile.conninfo();
    if (m_profile && m_profile->id() == profile.id()) {
        m_profile = profile;
        if (sameConnection) {
            Q_EMIT changed();
            return;
        }
        refresh();
        return;
    }
    // Not selected: what we knew may be about another server now.
    if (m_snapshots.contains(profile.id()))
        setSnapshot(profile.id(), Snapshot());
}

void ServerSession::profileRemoved(const QUuid &id)
{
    if (m_profile && m_profile->id() == id)
        setProfile(std::nullopt);
    m_snapshots.remove(id);
    m_typedPasswords.remove(id);
}

void ServerSession::refresh()
{
    if (!m_profile)
        return;
    cancel();
    start(std::nullopt);
}

void ServerSession::connectWithPassword(const QString &password, bool saveInKeychain)
{
    if (!m_profile)
        return;
    cancel();
    if (m_secrets) {
        m_secrets->rememberForSession(m_profile->id(), password);
        if (saveInKeychain && isKeychainUsable())
            m_secrets->writePassword(m_profile->id(), password, this);
    } else {
        m_typedPasswords.insert(m_profile->id(), password);
    }
    start(password);
}

void ServerSession::cancel()
{
    ++m_generation; // a keychain answer still on its way is for nobody now
    if (!m_inspector)
        return;
    // Deleting the inspector cancels it and guarantees no finished() reaches us any more.
    ServerInspector *inspector = m_inspector;
    m_inspector = nullptr;
    inspector->disconnect(this);
    inspector->cancel();
    inspector->deleteLater();

    const QUuid id = m_inspectingId;
    Snapshot snapshot = m_snapshots.value(id);
    if (snapshot.state == State::Connecting) {
        snapshot.state
                = snapshot.facts ? State::Ready : (snapshot.error ? State::Failed : State::Idle);
        setSnapshot(id, snapshot);
    }
}

void ServerSession::start(const std::optional<QString> &password)
{
    const Profile profile = *m_profile;
    m_inspectingId = profile.id();
    Snapshot snapshot = m_snapshots.value(profile.id());
    snapshot.state = State::Connecting;
    snapshot.passwordWanted = false;

    const Result<ConnInfo> info = ConnInfo::parse(profile.conninfo());
    if (!info.ok()) {
        snapshot.state = State::Failed;
        snapshot.error = info.error();
        setSnapshot(profile.id(), snapshot);
        return;
    }
    m_progressText = tr("Connecting to %1…").arg(info->displayAddress());
    setSnapshot(profile.id(), snapshot);

    const quint64 generation = ++m_generation;
    auto launch = [this, generation,
                   connInfo = info.value()](const std::optional<QString> &secret) {
        if (generation != m_generation)
            return;
        m_inspector = new ServerInspector(this);
        if (m_tools)
            m_inspector->setToolLocator(m_tools);
        connect(m_inspector, &ServerInspector::progress, this, [this](const QString &step) {
            m_progressText = step;
            Q_EMIT changed();
        });
        connect(m_inspector, &ServerInspector::finished, this, &ServerSession::onInspectorFinished);
        m_inspector->start(connInfo, secret);
    };

    if (password) {
        launch(password);
        return;
    }
    if (!m_secrets) {
        const auto typed = m_typedPasswords.constFind(profile.id());
        launch(typed == m_typedPasswords.cend() ? std::nullopt
                                                : std::optional<QString>(typed.value()));
        return;
    }
    m_secrets->readPassword(profile.id(), this, [launch](const SecretStore::ReadResult &result) {
        // A keychain failure means "no saved password": libpq may
        // still find one in ~/.pgpass.
        launch(result.ok() ? result.value() : std::nullopt);
    });
}

void ServerSession::onInspectorFinished()
{
    ServerInspector *inspector = m_inspector;
    if (!inspector)
        return;
    m_inspector = nullptr;
    inspector->deleteLater();

    const Result<ServerFacts> result = inspector->result();
    Snapshot snapshot = m_snapshots.value(m_inspectingId);
    if (result.ok()) {
        snapshot.state = State::Ready;
        snapshot.facts = result.value();
        snapshot.warnings = ServerAdvisor::warnings(result.value());
        snapshot.error.reset();
        snapshot.passwordWanted = false;
    } else {
        snapshot.state = State::Failed;
        snapshot.error = result.error();
        snapshot.passwordWanted = result.error().code() == ErrorCode::AuthenticationFailed;
    }
    m_progressText.clear();
    setSnapshot(m_inspectingId, snapshot);
}

void ServerSession::setSnapshot(const QUuid &id, const Snapshot &snapshot)
{
    const ServerStatus before = status(id);
    m_snapshots.insert(id, snapshot);
    const ServerStatus after = status(id);
    if (before != after)
        Q_EMIT statusChanged(id, after);
    if (m_profile && m_profile->id() == id)
        Q_EMIT changed();
}

const ServerSession::Snapshot &ServerSession::current() const
{
    static const Snapshot none;
    if (!m_profile)
        return none;
    const auto it = m_snapshots.constFind(m_profile->id());
    return it == m_snapshots.cend() ? none : it.value();
}

ServerSession::State ServerSession::state() const
{
    return m_profile ? current().state : State::NoServer;
}

ServerStatus ServerSession::status() const
{
    return m_profile ? status(m_profile->id()) : ServerStatus::Unknown;
}

ServerStatus ServerSession::status(const QUuid &id) const
{
    const auto it = m_snapshots.constFind(id);
    if (it == m_snapshots.cend())
        return ServerStatus::Unknown;
    switch (it->state) {
    case State::NoServer:
    case State::Idle: return ServerStatus::Unknown;
    case State::Connecting: return ServerStatus::Connecting;
    case State::Failed: return ServerStatus::Unreachable;
    case State::Ready:
        return std::any_of(it->warnings.cbegin(), it->warnings.cend(), mattersForStatus)
                       ? ServerStatus::Warnings
                       : ServerStatus::Ok;
    }
    return ServerStatus::Unknown;
}

const std::optional<ServerFacts> &ServerSession::facts() const
{
    return current().facts;
}

const QList<ServerWarning> &ServerSession::warnings() const
{
    return current().warnings;
}

const std::optional<Error> &ServerSession::error() const
{
    return current().error;
}

const QString &ServerSession::progressText() const
{
    return m_progressText;
}

bool ServerSession::passwordWanted() const
{
    return current().passwordWanted;
}

void ServerSession::readPassword(const QUuid &profileId, QObject *context,
                                 PasswordCallback callback) const
{
    if (!m_secrets) {
        const auto typed = m_typedPasswords.constFind(profileId);
        const std::optional<QString> password = typed == m_typedPasswords.cend()
                                                        ? std::nullopt
                                                        : std::optional<QString>(typed.value());
        // Asynchronous in both cases, so callers see one behaviour.
        QMetaObject::invokeMethod(
                context, [callback, password] { callback(password); }, Qt::QueuedConnection);
        return;
    }
    m_secrets->readPassword(profileId, context, [callback](const SecretStore::ReadResult &result) {
        // A keychain failure means "no saved password", as for inspecting: libpq may still
        // find one.
        callback(result.ok() ? result.value() : std::nullopt);
    });
}

bool ServerSession::isKeychainUsable() const
{
    return m_secrets && !SecretStore::isKeychainUnavailable();
}

} // namespace PgVault
