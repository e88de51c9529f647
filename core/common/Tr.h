#pragma once

#include <QCoreApplication>

namespace PgVault {

// Translation context for core code that is not a QObject: PgVault::Tr::tr("...").
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PgVault)
};

} // namespace PgVault
