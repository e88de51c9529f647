#include "ProfileTestCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"
#include "framework/ServerInspection.h"
#include "output/FactsJson.h"
#include "output/ServerReport.h"

#include "connection/ServerAdvisor.h"

namespace PgVault::Cli {

ProfileTestCommand::ProfileTestCommand() = default;
ProfileTestCommand::~ProfileTestCommand() = default;

QString ProfileTestCommand::name() const
{
    return QStringLiteral("profile test");
}

QString ProfileTestCommand::summary() const
{
    return Tr::tr("Connect with a profile: server version, privileges, warnings.");
}

QList<Command::Argument> ProfileTestCommand::arguments() const
{
    return {{Tr::tr("NAME"), Tr::tr("The profile to test.")}};
}

Status ProfileTestCommand::parse(const Parsed &parsed)
{
    m_name = parsed.arguments.at(0);
    return {};
}

CommandStatus ProfileTestCommand::run(CommandContext &context)
{
    CommandServices &services = context.services();
    Result<Profile> profile = services.profileNamed(m_name);
    if (!profile)
        return context.fail(profile.error());
    Result<ConnectionTarget> target = services.profileTarget(*profile);
    if (!target)
        return context.fail(target.error());

    m_inspection = std::make_unique<ServerInspection>(context);
    m_inspection->start(*target, services.toolLocator(),
                        [this, &context, name = profile->name()](const Result<ServerFacts> &facts) {
                            context.finish(report(context, name, facts));
                        });
    return StillRunning;
}

ExitCode ProfileTestCommand::report(CommandContext &context, const QString &name,
                                    const Result<ServerFacts> &facts)
{
    if (!facts)
        return context.fail(facts.error());
    const QList<ServerWarning> warnings = ServerAdvisor::warnings(*facts);
    CommandOutput &output = context.output();
    output.print(Tr::tr("Profile “%1” works.").arg(name));
    for (const QString &line : ServerReport::facts(*facts))
        output.print(line);
    output.print(QString());
    for (const QString &line : ServerReport::warnings(warnings))
        output.print(line);
    return context.succeed({
            {QStringLiteral("profile"), name},
            {QStringLiteral("facts"), FactsJson::facts(*facts)},
            {QStringLiteral("warnings"), FactsJson::warnings(warnings)},
    });
}

} // namespace PgVault::Cli
