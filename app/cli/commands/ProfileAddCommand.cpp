#include "ProfileAddCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"
#include "framework/PasswordReader.h"

#include "connection/ConnInfo.h"
#include "secrets/SecretStore.h"
#include "settings/ConnInfoPassword.h"
#include "settings/ProfileStore.h"

#include <QCommandLineParser>
#include <QObject>

namespace PgVault::Cli {

namespace {
const QString kAskPassword = QStringLiteral("ask-password");
}

QString ProfileAddCommand::name() const
{
    return QStringLiteral("profile add");
}

QString ProfileAddCommand::summary() const
{
    return Tr::tr("Save a connection profile.");
}

QString ProfileAddCommand::description() const
{
    return Tr::tr("Saves a connection profile under NAME. STR is a libpq connection string "
                  "(“host=db port=5432 user=backup dbname=postgres”) or URI "
                  "(“postgresql://backup@db/postgres”). Passwords are kept in the system "
                  "keychain, never in the settings file: use --ask-password, or put the password "
                  "in STR and it is moved to the keychain. Without one, libpq looks in "
                  "PGPASSWORD and ~/.pgpass when connecting.");
}

QString ProfileAddCommand::synopsis() const
{
    return QStringLiteral("profile add NAME --conninfo STR [--ask-password]");
}

QList<Command::Argument> ProfileAddCommand::arguments() const
{
    return {{Tr::tr("NAME"), Tr::tr("The profile's name, e.g. “prod”.")}};
}

QList<QCommandLineOption> ProfileAddCommand::options() const
{
    return {{kAskPassword,
             Tr::tr("Ask for the password (without echo on a terminal, else one line from "
                    "stdin) and keep it in the keychain.")}};
}

Status ProfileAddCommand::parse(const Parsed &parsed)
{
    m_name = parsed.arguments.at(0);
    m_askPassword = parsed.parser.isSet(kAskPassword);
    if (!parsed.global.conninfo) {
        return Error(ErrorCode::InvalidInput, Tr::tr("Give the connection with --conninfo STR."));
    }
    m_conninfo = *parsed.global.conninfo;
    return {};
}

CommandStatus ProfileAddCommand::run(CommandContext &context)
{
    CommandOutput &output = context.output();
    CommandServices &services = context.services();

    // Check everything that can be wrong with the command line before asking for a password.
    if (Status valid = ProfileStore::validateName(m_name); !valid)
        return context.fail(valid.error());
    const Result<ConnInfo> parsed = ConnInfo::parse(m_conninfo);
    if (!parsed)
        return context.fail(parsed.error());
    if (Result<Profile> existing = services.profileNamed(m_name)) {
        return context.fail(Error(ErrorCode::InvalidInput,
                                  Tr::tr("A profile named “%1” already exists. Remove it first "
                                         "or choose another name.")
                                          .arg(m_name)));
    }

    std::optional<QString> password;
    if (m_askPassword) {
        Result<QString> typed = PasswordReader::read(
                context.console(), Tr::tr("Password for profile “%1”: ").arg(m_name));
        if (!typed)
            return context.fail(typed.error());
        password = *typed;
    }

    const bool needsKeychain = password || ConnInfoPassword::containsSecret(m_conninfo);
    Result<ProfileStore *> store = services.profileStore(needsKeychain);
    if (!store)
        return context.fail(store.error());

    // A password in the connection string is handed to the keychain asynchronously.
    std::optional<Status> movedPassword;
    QObject receiver; // ends the connection when this function returns
    QObject::connect(
            *store, &ProfileStore::passwordStored, &receiver,
            [&movedPassword](const QUuid &, const Status &status) { movedPassword = status; });

    Result<Profile> added = (*store)->add(Profile::create(m_name, m_conninfo));
    if (!added)
        return context.fail(added.error());
    services.waitForKeychain();

    std::optional<Status> keychain = movedPassword;
    if (password)
        keychain = services.secrets().writePasswordBlocking(added->id(), *password);

    bool passwordStored = keychain && keychain->ok();
    if (keychain && !keychain->ok()) {
        const QString why = keychain->error().code() == ErrorCode::KeychainUnavailable
                                    ? Tr::tr("no system keychain is available.")
                                    : keychain->error().message();
        output.warning(Tr::tr("The password cannot be saved: %1 Nothing of it was written to "
                              "disk. When connecting, libpq looks in PGPASSWORD and ~/.pgpass.")
                               .arg(why));
    }

    output.info(Tr::tr("Saved profile “%1” (%2).").arg(added->name(), parsed->displayAddress()));
    if (passwordStored)
        output.info(Tr::tr("The password is in the keychain."));

    return context.succeed({
            {QStringLiteral("profile"),
             QJsonObject{{QStringLiteral("id"), added->idString()},
                         {QStringLiteral("name"), added->name()},
                         {QStringLiteral("conninfo"), added->conninfo()},
                         {QStringLiteral("repository"), added->repositoryPath()}}},
            {QStringLiteral("passwordStored"), passwordStored},
    });
}

} // namespace PgVault::Cli
