#include "CheckCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"
#include "framework/RepositoryProbe.h"
#include "framework/ServerInspection.h"
#include "output/FactsJson.h"
#include "output/ServerReport.h"

#include "connection/ServerAdvisor.h"

namespace PgVault::Cli {

namespace {

void printSection(CommandOutput &output, const QString &title, const QStringList &lines)
{
    output.print(title);
    for (const QString &line : lines)
        output.print(QStringLiteral("  ") + line);
    output.print(QString());
}

} // namespace

CheckCommand::CheckCommand() = default;
CheckCommand::~CheckCommand() = default;

QString CheckCommand::name() const
{
    return QStringLiteral("check");
}

QString CheckCommand::summary() const
{
    return Tr::tr("Check a server and the repository: facts, permissions, archiving, tools.");
}

QString CheckCommand::description() const
{
    return Tr::tr("Connects to the server given with --profile or --conninfo and reports its "
                  "version and identity, the privileges of the role, WAL and archiving "
                  "settings and the archiver's state, which client tools of the server's major "
                  "version are installed, and whether the repository exists and is writable. "
                  "Problems are listed with how to fix them. The exit status is 1 only when "
                  "the server cannot be reached.");
}

QString CheckCommand::synopsis() const
{
    return QStringLiteral("check (--profile NAME | --conninfo STR) [--repo DIR]");
}

CommandStatus CheckCommand::run(CommandContext &context)
{
    CommandServices &services = context.services();
    Result<ConnectionTarget> target = services.connectionTarget();
    if (!target)
        return context.fail(target.error());
    const QString repositoryPath = services.repositoryPath(target->profile);

    m_inspection = std::make_unique<ServerInspection>(context);
    m_inspection->start(*target, services.toolLocator(),
                        [this, &context, repositoryPath](const Result<ServerFacts> &facts) {
                            context.finish(report(context, repositoryPath, facts));
                        });
    return StillRunning;
}

ExitCode CheckCommand::report(CommandContext &context, const QString &repositoryPath,
                              const Result<ServerFacts> &facts)
{
    if (!facts)
        return context.fail(facts.error());
    const QList<ServerWarning> warnings = ServerAdvisor::warnings(*facts);
    const RepositoryProbe repository
            = RepositoryProbe::probe(repositoryPath, facts->systemIdentifier);

    CommandOutput &output = context.output();
    printSection(output, Tr::tr("Server"), ServerReport::facts(*facts));
    if (facts->clientTools) {
        printSection(output, Tr::tr("Client tools for PostgreSQL %1").arg(facts->major),
                     ServerReport::clientTools(*facts->clientTools));
    }
    QStringList repositoryLines = ServerReport::labelled(
            {{Tr::tr("Path"), repository.path}, {Tr::tr("State"), repository.state}});
    if (!repository.problem.isEmpty())
        repositoryLines.append(Tr::tr("Problem: %1").arg(repository.problem));
    printSection(output, Tr::tr("Repository"), repositoryLines);
    output.print(Tr::tr("Warnings"));
    for (const QString &line : ServerReport::warnings(warnings))
        output.print(QStringLiteral("  ") + line);

    return context.succeed({
            {QStringLiteral("facts"), FactsJson::facts(*facts)},
            {QStringLiteral("warnings"), FactsJson::warnings(warnings)},
            {QStringLiteral("repository"), repository.toJson()},
    });
}

} // namespace PgVault::Cli
