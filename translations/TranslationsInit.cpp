#include "TranslationsInit.h"

#include <QtCore/qglobal.h>

void pgvaultInitTranslations()
{
    // The name is the generated .qrc file's base name (translations/CMakeLists.txt).
    Q_INIT_RESOURCE(pgvault_i18n);
}
