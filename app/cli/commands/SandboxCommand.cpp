#include "SandboxCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"

#include "jobs/Job.h"
#include "sandbox/Sandbox.h"
#include "sandbox/SandboxControlJob.h"
#include "sandbox/SandboxCreateJob.h"
#include "sandbox/SandboxRemoveJob.h"
#include "settings/Settings.h"

namespace PgVault::Cli {

namespace {

const QStringList &actions()
{
    static const QStringList list{QStringLiteral("create"), QStringLiteral("start"),
                                  QStringLiteral("stop"), QStringLiteral("status"),
                                  QStringLiteral("remove")};
    return list;
}

} // namespace

QString SandboxCommand::name() const
{
    return QStringLiteral("sandbox");
}

QString SandboxCommand::summary() const
{
    return Tr::tr("A local demo PostgreSQL for trying PgVault without a server.");
}

QString SandboxCommand::description() const
{
    return Tr::tr(
            "A local demo PostgreSQL for trying PgVault without a server.\n"
            "\n"
            "  create   set up the sandbox: the newest installed PostgreSQL, a sample database "
            "“shop”, WAL archived into the repository (--repo, else the default one), and a "
            "connection profile “Sandbox”\n"
            "  start    start its server\n"
            "  stop     stop its server\n"
            "  status   whether it exists and runs, and how to connect (--json: machine-readable)\n"
            "  remove   stop it and delete it; the repository and its backups are kept\n"
            "\n"
            "The server listens only on a private unix socket folder, never on the network, so it "
            "needs no password. Its files live in ~/.local/share/pgvault/sandbox; as root, where "
            "PostgreSQL runs as the user “postgres”, in /var/lib/pgvault. PGVAULT_SANDBOX_DIR and "
            "PGVAULT_SANDBOX_SOCKET_DIR choose other folders.");
}

QList<Command::Argument> SandboxCommand::arguments() const
{
    return {{Tr::tr("ACTION"), Tr::tr("create, start, stop, status or remove.")}};
}

Status SandboxCommand::parse(const Parsed &parsed)
{
    m_action = parsed.arguments.at(0);
    if (!actions().contains(m_action)) {
        return Error(ErrorCode::InvalidInput,
                     Tr::tr("Unknown sandbox action “%1”; use %2.")
                             .arg(m_action, actions().join(QStringLiteral(", "))));
    }
    return {};
}

QStringList SandboxCommand::extraBinDirs(CommandContext &context) const
{
    QStringList dirs = context.options().pgBinDirs;
    if (Result<Settings *> settings = context.services().settings())
        dirs += (*settings)->pgBinDirs();
    return dirs;
}

CommandStatus SandboxCommand::run(CommandContext &context)
{
    if (m_action == QLatin1String("status"))
        return status(context);
    if (m_action == QLatin1String("create"))
        return create(context);

    const SandboxPaths paths = SandboxPaths::defaults();
    if (m_action == QLatin1String("start")) {
        return context.runJob(
                std::make_unique<SandboxControlJob>(SandboxControlJob::Action::Start, paths,
                                                    extraBinDirs(context)),
                [&context](const Job &job) {
                    context.output().print(
                            Tr::tr("The sandbox is running. Connect with: psql \"%1\"")
                                    .arg(job.resultData().value(u"conninfo").toString()));
                });
    }
    if (m_action == QLatin1String("stop"))
        return context.runJob(std::make_unique<SandboxControlJob>(SandboxControlJob::Action::Stop,
                                                                  paths, extraBinDirs(context)));

    return context.runJob(std::make_unique<SandboxRemoveJob>(paths,
                                                             context.services().settingsFilePath(),
                                                             extraBinDirs(context)),
                          [&context](const Job &) {
                              // The job's own message already says the repository was kept.
                              context.output().print(Tr::tr("The sandbox is removed."));
                          });
}

CommandStatus SandboxCommand::create(CommandContext &context)
{
    SandboxCreateOptions options;
    if (context.options().repo)
        options.repositoryPath = *context.options().repo;
    options.settingsFile = context.services().settingsFilePath();
    options.extraBinDirs = extraBinDirs(context);
    return context.runJob(std::make_unique<SandboxCreateJob>(options), [&context](const Job &job) {
        const QJsonObject data = job.resultData();
        CommandOutput &output = context.output();
        output.print(Tr::tr("The sandbox is running: PostgreSQL %1 on port %2, with the sample "
                            "database “shop”.")
                             .arg(data.value(u"major").toInt())
                             .arg(data.value(u"port").toInt()));
        output.print(Tr::tr("Connect with:   psql \"%1\"").arg(data.value(u"conninfo").toString()));
        output.print(
                Tr::tr("Or use the profile “%1”, e.g. %2 --profile %1 check")
                        .arg(data.value(u"profileName").toString(), CommandOutput::programName()));
        output.print(Tr::tr("WAL is archived to %1.").arg(data.value(u"repository").toString()));
    });
}

CommandStatus SandboxCommand::status(CommandContext &context)
{
    const SandboxStatus status = Sandbox().status(Sandbox::StatusDepth::Full);
    if (status.problem)
        context.output().warning(status.problem->message());
    printStatus(context.output(), status);
    return context.succeed(status.toJson());
}

void SandboxCommand::printStatus(CommandOutput &output, const SandboxStatus &status)
{
    const auto row = [&output](const QString &label, const QString &value) {
        output.print(QStringLiteral("  %1 %2").arg(label + QLatin1Char(':'), -16).arg(value));
    };
    if (!status.config) {
        output.print(Tr::tr("Sandbox: not created. Create it with “%1 sandbox create”.")
                             .arg(CommandOutput::programName()));
    } else {
        QString state = SandboxStatus::stateLabel(status.state);
        if (status.isRunning() && !status.accepting)
            state = Tr::tr("running, not accepting connections (%1)").arg(status.serverStatus);
        output.print(Tr::tr("Sandbox: %1").arg(state));
        row(Tr::tr("PostgreSQL"), status.version());
        row(Tr::tr("Port"), QString::number(status.config->port));
        row(Tr::tr("Data directory"), status.paths.dataDir());
        row(Tr::tr("Socket folder"), status.config->socketDir);
        row(Tr::tr("Server log"), status.paths.logFile());
        row(Tr::tr("Runs as"), status.config->serverUser);
        row(Tr::tr("Repository"), status.config->repository);
        row(Tr::tr("Profile"), status.config->profileName);
        row(Tr::tr("Connect with"), QStringLiteral("psql \"%1\"").arg(status.conninfo()));
    }
    for (const QString &note : status.notes())
        output.print(QStringLiteral("  ") + note);
}

} // namespace PgVault::Cli
