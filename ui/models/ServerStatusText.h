#pragma once

#include "models/ServerStatus.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace PgVault {

// Words and colours for a ServerStatus.
class ServerStatusText
{
    Q_DECLARE_TR_FUNCTIONS(PgVault::ServerStatusText)

public:
    static QString label(ServerStatus status);
    static QColor color(ServerStatus status);
};

} // namespace PgVault
