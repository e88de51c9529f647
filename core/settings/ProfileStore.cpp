#include "ProfileStore.h"

#include "secrets/SecretStore.h"
#include "settings/ConnInfoPassword.h"
#include "settings/Settings.h"

#include <QDir>
#include <QLoggingCategory>
#include <QSettings>

#include <algorithm>

namespace PgVault {

namespace {

Q_LOGGING_CATEGORY(lcProfiles, "pgvault.settings.profiles")

const QLatin1String kGroup("profiles");
const QLatin1String kName("name");
const QLatin1String kConninfo("conninfo");
const QLatin1String kRepository("repository");
constexpr qsizetype kMaxNameLength = 100;

QString groupKey(const QString &idString)
{
    return kGroup + QLatin1Char('/') + idString;
}

QString fieldKey(const QString &idString, QLatin1String field)
{
    return groupKey(idString) + QLatin1Char('/') + field;
}

bool profileLessThan(const Profile &a, const Profile &b)
{
    const int folded = a.name().compare(b.name(), Qt::CaseInsensitive);
    return folded != 0 ? folded < 0 : a.name() < b.name();
}

// "No keychain" was already reported once, by SecretStore::keychainUnavailable().
void logSecretFailure(const Error &error, const char *what, const QUuid &id)
{
    if (error.code() == ErrorCode::KeychainUnavailable)
        qCDebug(lcProfiles) << what << id << error.toString();
    else
        qCWarning(lcProfiles) << what << id << error.toString();
}

} // namespace

struct ProfileStore::Prepared
{
    Profile profile;
    std::optional<QString> password; // taken out of the connection string
};

ProfileStore::ProfileStore(Settings *settings, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
{
    Q_ASSERT(m_settings);
}

ProfileStore::~ProfileStore() = default;

QList<Profile> ProfileStore::profiles() const
{
    QSettings &storage = m_settings->storage();
    storage.beginGroup(kGroup);
    const QStringList groups = storage.childGroups();
    storage.endGroup();

    QList<Profile> result;
    for (const QString &group : groups) {
        if (QUuid::fromString(group).isNull()) {
            qCWarning(lcProfiles) << "ignoring settings group with a bad profile id:" << group;
            continue;
        }
        if (std::optional<Profile> profile = find(QUuid::fromString(group)))
            result.append(*profile);
    }
    std::sort(result.begin(), result.end(), profileLessThan);
    return result;
}

std::optional<Profile> ProfileStore::find(const QUuid &id) const
{
    if (id.isNull())
        return std::nullopt;
    const QString idString = id.toString(QUuid::WithoutBraces);
    const QSettings &storage = m_settings->storage();
    const QString name = storage.value(fieldKey(idString, kName)).toString();
    if (name.isEmpty())
        return std::nullopt; // missing, or damaged by hand-editing: not a usable profile
    return Profile(id, name, storage.value(fieldKey(idString, kConninfo)).toString(),
                   storage.value(fieldKey(idString, kRepository)).toString());
}

std::optional<Profile> ProfileStore::findByName(const QString &name) const
{
    const QList<Profile> all = profiles();
    const auto it = std::find_if(all.cbegin(), all.cend(),
                                 [&name](const Profile &p) { return p.name() == name; });
    if (it == all.cend())
        return std::nullopt;
    return *it;
}

Result<Profile> ProfileStore::add(const Profile &profile)
{
    Profile candidate = profile;
    if (candidate.isNull()) {
        candidate = Profile(QUuid::createUuid(), profile.name(), profile.conninfo(),
                            profile.repositoryPath());
    } else if (find(candidate.id())) {
        return Error(ErrorCode::AlreadyExists,
                     tr("A profile with the id %1 already exists.").arg(candidate.idString()));
    }

    Result<Prepared> prepared = prepare(candidate, candidate.id());
    if (!prepared)
        return prepared.error();
    if (Status saved = save(prepared->profile, std::nullopt); !saved)
        return saved.error();
    if (prepared->password)
        handOverPassword(prepared->profile.id(), *prepared->password);
    Q_EMIT profileAdded(prepared->profile);
    return prepared->profile;
}

Result<Profile> ProfileStore::update(const Profile &profile)
{
    const std::optional<Profile> existing = find(profile.id());
    if (!existing) {
        return Error(ErrorCode::NotFound,
                     tr("The profile “%1” no longer exists.").arg(profile.name()));
    }
    Result<Prepared> prepared = prepare(profile, profile.id());
    if (!prepared)
        return prepared.error();
    if (Status saved = save(prepared->profile, existing); !saved)
        return saved.error();
    if (prepared->password)
        handOverPassword(prepared->profile.id(), *prepared->password);
    if (prepared->profile != *existing)
        Q_EMIT profileChanged(prepared->profile);
    return prepared->profile;
}

Status ProfileStore::remove(const QUuid &id)
{
    const std::optional<Profile> existing = find(id);
    if (!existing)
        return Error(ErrorCode::NotFound, tr("There is no such profile."), id.toString());

    m_settings->storage().remove(groupKey(existing->idString()));
    if (Status synced = m_settings->sync(); !synced) {
        write(*existing); // keep memory and file in agreement
        return synced;
    }

    if (m_secrets) {
        ++m_pendingSecretOperations;
        m_secrets->deletePassword(id, this, [this, id](const Status &status) {
            if (!status)
                logSecretFailure(status.error(), "password of removed profile not deleted:", id);
            Q_EMIT passwordRemoved(id, status);
            secretOperationDone();
        });
    }
    Q_EMIT profileRemoved(id);
    return {};
}

Status ProfileStore::validateName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, tr("Enter a name for the profile."));
    for (const QChar c : name) {
        // A control character would break the CLI's listing and the settings file's readability.
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator) {
            return Error(ErrorCode::InvalidInput,
                         tr("The profile name contains a control character (such as a tab or a "
                            "line break). Remove it."));
        }
    }
    if (name != name.trimmed()) {
        return Error(ErrorCode::InvalidInput,
                     tr("The profile name “%1” starts or ends with a space. Remove the space.")
                             .arg(name));
    }
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))) {
        return Error(ErrorCode::InvalidInput,
                     tr("The profile name “%1” contains a slash. Choose a name without “/” and "
                        "“\\”.")
                             .arg(name));
    }
    if (name.size() > kMaxNameLength) {
        return Error(ErrorCode::InvalidInput,
                     tr("The profile name is %1 characters long. Use at most %2.")
                             .arg(name.size())
                             .arg(kMaxNameLength));
    }
    return {};
}

bool ProfileStore::hasPendingSecretOperations() const
{
    return m_pendingSecretOperations > 0;
}

Result<ProfileStore::Prepared> ProfileStore::prepare(const Profile &profile,
                                                     const QUuid &replacing) const
{
    if (Status valid = validateName(profile.name()); !valid)
        return valid.error();
    if (const std::optional<Profile> sameName = findByName(profile.name());
        sameName && sameName->id() != replacing) {
        return Error(ErrorCode::AlreadyExists,
                     tr("A profile named “%1” already exists. Choose another name.")
                             .arg(profile.name()));
    }

    // Pasted strings often end with a newline; libpq only accepts a URI at the very start.
    const Result<ConnInfoPassword::Split> split
            = ConnInfoPassword::split(profile.conninfo().trimmed());
    if (!split)
        return split.error();
    if (split->password && !m_secrets) {
        return Error(ErrorCode::InvalidInput,
                     tr("The connection string contains a password, and PgVault never stores "
                        "passwords in its settings. Remove the password from the connection "
                        "string and enter it separately."));
    }

    QString repository = profile.repositoryPath().trimmed();
    if (!repository.isEmpty()) {
        if (QDir::isRelativePath(repository)) {
            return Error(ErrorCode::InvalidInput,
                         tr("The repository path “%1” is relative. Give the full path.")
                                 .arg(repository));
        }
        repository = QDir::cleanPath(repository);
    }

    return Prepared{Profile(profile.id(), profile.name(), split->conninfo, repository),
                    split->password};
}

void ProfileStore::write(const Profile &profile)
{
    QSettings &storage = m_settings->storage();
    const QString idString = profile.idString();
    storage.setValue(fieldKey(idString, kName), profile.name());
    storage.setValue(fieldKey(idString, kConninfo), profile.conninfo());
    if (profile.repositoryPath().isEmpty())
        storage.remove(fieldKey(idString, kRepository));
    else
        storage.setValue(fieldKey(idString, kRepository), profile.repositoryPath());
}

Status ProfileStore::save(const Profile &profile, const std::optional<Profile> &previous)
{
    write(profile);
    Status synced = m_settings->sync();
    if (!synced) {
        // Undo in memory, so what the store reports matches what is on disk.
        if (previous)
            write(*previous);
        else
            m_settings->storage().remove(groupKey(profile.idString()));
    }
    return synced;
}

void ProfileStore::handOverPassword(const QUuid &id, const QString &password)
{
    ++m_pendingSecretOperations;
    m_secrets->writePassword(id, password, this, [this, id](const Status &status) {
        if (!status)
            logSecretFailure(status.error(), "password of profile not stored:", id);
        Q_EMIT passwordStored(id, status);
        secretOperationDone();
    });
}

void ProfileStore::secretOperationDone()
{
    if (--m_pendingSecretOperations == 0)
        Q_EMIT secretOperationsFinished();
}

} // namespace PgVault
