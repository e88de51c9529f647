#include "JobRenderer.h"

#include "Console.h"
#include "JsonLinesOutput.h"
#include "PlainOutput.h"
#include "TerminalProgress.h"
#include "framework/GlobalOptions.h"

namespace PgVault::Cli {

JobRenderer::~JobRenderer() = default;

void JobRenderer::started(const Job &job)
{
    Q_UNUSED(job)
}

std::unique_ptr<JobRenderer> JobRenderer::create(Console &console, const GlobalOptions &options)
{
    if (options.json)
        return std::make_unique<JsonLinesOutput>(console, options.verbose);
    // A `\r` line in a pipe or a log file is noise; --quiet wants no progress at all.
    if (console.isOutputTerminal() && !options.quiet)
        return std::make_unique<TerminalProgress>(console, options.verbose);
    return std::make_unique<PlainOutput>(console, options.quiet, options.verbose);
}

} // namespace PgVault::Cli
