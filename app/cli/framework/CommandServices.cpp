#include "CommandServices.h"

#include "CliTr.h"
#include "GlobalOptions.h"
#include "output/CommandOutput.h"

#include "repo/Repository.h"
#include "secrets/SecretStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "tools/ToolLocator.h"

#include <QDir>
#include <QEventLoop>

namespace PgVault::Cli {

CommandServices::CommandServices(const GlobalOptions &options, CommandOutput &output)
    : m_options(options)
    , m_output(output)
{}

// Destroyed in this order: the store uses settings and secrets.
CommandServices::~CommandServices()
{
    m_profiles.reset();
    m_secrets.reset();
    m_settings.reset();
}

QString CommandServices::settingsFilePath() const
{
    if (m_options.configFile)
        return QDir::current().absoluteFilePath(*m_options.configFile);
    return Settings::defaultFilePath();
}

Result<Settings *> CommandServices::settings()
{
    if (!m_settings)
        m_settings = std::make_unique<Settings>(settingsFilePath());
    if (Status status = m_settings->status(); !status)
        return status.error();
    return m_settings.get();
}

SecretStore &CommandServices::secrets()
{
    if (!m_secrets)
        m_secrets = std::make_unique<SecretStore>();
    return *m_secrets;
}

Result<ProfileStore *> CommandServices::profileStore(bool withKeychain)
{
    if (m_profiles && (m_profilesWithKeychain || !withKeychain))
        return m_profiles.get();
    Result<Settings *> s = settings();
    if (!s)
        return s.error();
    m_profiles = std::make_unique<ProfileStore>(*s, withKeychain ? &secrets() : nullptr);
    m_profilesWithKeychain = withKeychain;
    return m_profiles.get();
}

void CommandServices::waitForKeychain()
{
    if (!m_profiles || !m_profiles->hasPendingSecretOperations())
        return;
    QEventLoop loop;
    QObject::connect(m_profiles.get(), &ProfileStore::secretOperationsFinished, &loop,
                     &QEventLoop::quit);
    loop.exec();
}

std::shared_ptr<const ToolLocator> CommandServices::toolLocator()
{
    if (!m_tools) {
        QStringList dirs = m_options.pgBinDirs;
        // An unreadable settings file only costs the stored directories here; commands that
        // need the settings report the problem themselves.
        if (Result<Settings *> s = settings())
            dirs += (*s)->pgBinDirs();
        ToolLocator::Options options;
        options.extraDirs = dirs;
        m_tools = std::make_shared<const ToolLocator>(options);
    }
    return m_tools;
}

Result<Profile> CommandServices::profileNamed(const QString &name)
{
    Result<ProfileStore *> store = profileStore();
    if (!store)
        return store.error();
    if (std::optional<Profile> profile = (*store)->findByName(name))
        return *profile;

    QStringList names;
    const QList<Profile> all = (*store)->profiles();
    for (const Profile &p : all)
        names.append(p.name());
    if (names.isEmpty()) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("There is no profile named “%1”; no profiles are saved yet. Add one "
                            "with “%2 profile add NAME --conninfo STR”.")
                             .arg(name, CommandOutput::programName()));
    }
    return Error(ErrorCode::InvalidInput,
                 Tr::tr("There is no profile named “%1”. Known profiles: %2.")
                         .arg(name, names.join(QStringLiteral(", "))));
}

Result<ConnectionTarget> CommandServices::connectionTarget()
{
    if (m_options.profile && m_options.conninfo) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("Give either --profile or --conninfo, not both."));
    }
    if (!m_options.profile && !m_options.conninfo) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("Which server? Give --profile NAME or --conninfo STR."));
    }

    ConnectionTarget target;
    if (m_options.conninfo) {
        Result<ConnInfo> info = ConnInfo::parse(*m_options.conninfo);
        if (!info)
            return info.error();
        target.connInfo = *info;
        return target;
    }

    Result<Profile> profile = profileNamed(*m_options.profile);
    if (!profile)
        return profile.error();
    return profileTarget(*profile);
}

Result<ConnectionTarget> CommandServices::profileTarget(const Profile &profile)
{
    Result<ConnInfo> info = ConnInfo::parse(profile.conninfo());
    if (!info) {
        // A stored profile that no longer parses is not the command line's fault.
        return Error(ErrorCode::Corrupt,
                     Tr::tr("The connection string of profile “%1” in %2 cannot be read. Fix "
                            "or re-add the profile.")
                             .arg(profile.name(), settingsFilePath()),
                     info.error().toString());
    }
    return ConnectionTarget{*info, keychainPassword(profile), profile};
}

std::optional<QString> CommandServices::keychainPassword(const Profile &profile)
{
    const SecretStore::ReadResult read = secrets().readPasswordBlocking(profile.id());
    if (read)
        return *read;
    m_output.warning(Tr::tr("The password of profile “%1” cannot be read from the keychain: %2 "
                            "Connecting without it (libpq may find one in PGPASSWORD or "
                            "~/.pgpass).")
                             .arg(profile.name(), read.error().message()));
    return std::nullopt;
}

QString CommandServices::repositoryPath(const std::optional<Profile> &profile)
{
    if (m_options.repo)
        return QDir::cleanPath(QDir::current().absoluteFilePath(*m_options.repo));
    if (profile && !profile->repositoryPath().isEmpty())
        return profile->repositoryPath();
    if (Result<Settings *> s = settings())
        return (*s)->defaultRepositoryPath();
    return Repository::defaultPath();
}

} // namespace PgVault::Cli
