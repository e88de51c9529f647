#pragma once

#include <QCoreApplication>

namespace PgVault::Cli {

// Translation context for the CLI's classes that are not QObjects: Tr::tr("...").
// One context for the whole CLI, like core's PgVault::Tr (Qt Creator's coreplugintr.h pattern).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PgVault::Cli)
};

} // namespace PgVault::Cli
