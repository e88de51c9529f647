#include "ServerInspection.h"

#include "CommandContext.h"
#include "output/Console.h"
#include "output/StatusLine.h"

#include "connection/ServerInspector.h"

namespace PgVault::Cli {

ServerInspection::ServerInspection(CommandContext &context)
    : m_context(context)
{}

ServerInspection::~ServerInspection() = default;

void ServerInspection::start(const ConnectionTarget &target,
                             std::shared_ptr<const ToolLocator> tools, Done done)
{
    const GlobalOptions &options = m_context.options();
    m_status = std::make_unique<StatusLine>(m_context.console(), !options.json && !options.quiet);
    m_inspector = std::make_unique<ServerInspector>();
    if (tools)
        m_inspector->setToolLocator(std::move(tools));

    ServerInspector *inspector = m_inspector.get();
    QObject::connect(inspector, &ServerInspector::progress, inspector, [this](const QString &step) {
        m_status->show(step);
        if (m_context.options().verbose)
            m_context.console().printError(step);
    });
    QObject::connect(inspector, &ServerInspector::finished, inspector,
                     [this, done = std::move(done)] {
                         m_status->clear();
                         done(m_inspector->result());
                     });
    inspector->start(target.connInfo, target.password);
}

} // namespace PgVault::Cli
