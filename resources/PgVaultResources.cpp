#include "PgVaultResources.h"

#include <QtCore/qglobal.h>

void pgvaultInitResources()
{
    // The name is the .qrc file's base name: resources/pgvault.qrc.
    Q_INIT_RESOURCE(pgvault);
}
