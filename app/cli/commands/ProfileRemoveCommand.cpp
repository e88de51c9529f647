#include "ProfileRemoveCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"

#include "settings/ProfileStore.h"

#include <QObject>

namespace PgVault::Cli {

QString ProfileRemoveCommand::name() const
{
    return QStringLiteral("profile remove");
}

QString ProfileRemoveCommand::summary() const
{
    return Tr::tr("Remove a saved profile and its password in the keychain.");
}

QList<Command::Argument> ProfileRemoveCommand::arguments() const
{
    return {{Tr::tr("NAME"), Tr::tr("The profile to remove.")}};
}

Status ProfileRemoveCommand::parse(const Parsed &parsed)
{
    m_name = parsed.arguments.at(0);
    return {};
}

CommandStatus ProfileRemoveCommand::run(CommandContext &context)
{
    Result<Profile> profile = context.services().profileNamed(m_name);
    if (!profile)
        return context.fail(profile.error());
    Result<ProfileStore *> store = context.services().profileStore(true);
    if (!store)
        return context.fail(store.error());

    std::optional<Status> passwordRemoved;
    QObject receiver; // ends the connection when this function returns
    QObject::connect(
            *store, &ProfileStore::passwordRemoved, &receiver,
            [&passwordRemoved](const QUuid &, const Status &status) { passwordRemoved = status; });
    if (Status removed = (*store)->remove(profile->id()); !removed)
        return context.fail(removed.error());
    context.services().waitForKeychain();
    if (passwordRemoved && !passwordRemoved->ok()) {
        context.output().warning(Tr::tr("The profile is removed, but its password (if one was "
                                        "saved) could not be deleted from the keychain: %1")
                                         .arg(passwordRemoved->error().message()));
    }

    context.output().info(Tr::tr("Removed profile “%1”.").arg(profile->name()));
    return context.succeed({{QStringLiteral("removed"), profile->name()},
                            {QStringLiteral("id"), profile->idString()}});
}

} // namespace PgVault::Cli
