#include "ProfileListCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"
#include "output/TextTable.h"

#include "settings/ProfileStore.h"

#include <QJsonArray>

namespace PgVault::Cli {

QString ProfileListCommand::name() const
{
    return QStringLiteral("profile list");
}

QString ProfileListCommand::summary() const
{
    return Tr::tr("List the saved connection profiles.");
}

CommandStatus ProfileListCommand::run(CommandContext &context)
{
    Result<ProfileStore *> store = context.services().profileStore();
    if (!store)
        return context.fail(store.error());
    const QList<Profile> profiles = (*store)->profiles();

    QJsonArray list;
    TextTable table({Tr::tr("NAME"), Tr::tr("CONNECTION"), Tr::tr("REPOSITORY")});
    for (const Profile &profile : profiles) {
        list.append(QJsonObject{
                {QStringLiteral("id"), profile.idString()},
                {QStringLiteral("name"), profile.name()},
                {QStringLiteral("conninfo"), profile.conninfo()},
                {QStringLiteral("repository"), profile.repositoryPath()},
        });
        table.addRow({profile.name(), profile.conninfo(),
                      profile.repositoryPath().isEmpty() ? Tr::tr("(default)")
                                                         : profile.repositoryPath()});
    }

    if (profiles.isEmpty()) {
        context.output().info(Tr::tr("No profiles are saved. Add one with “%1 profile add NAME "
                                     "--conninfo STR”.")
                                      .arg(CommandOutput::programName()));
    } else {
        const QStringList lines = table.lines();
        for (const QString &line : lines)
            context.output().print(line);
    }
    return context.succeed({{QStringLiteral("profiles"), list}});
}

} // namespace PgVault::Cli
