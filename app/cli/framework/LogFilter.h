#pragma once

namespace PgVault::Cli {

// Core logs through categories ("pgvault.secrets", "pgvault.tools", …) for developers and the
// GUI's log. On a CLI's stderr those lines would repeat, in technical words, what the command
// already reports. So they are off, except critical ones, unless --verbose; QT_LOGGING_RULES
// still overrides both (Qt applies the environment after setFilterRules()).
class LogFilter
{
public:
    static void apply(bool verbose);
};

} // namespace PgVault::Cli
