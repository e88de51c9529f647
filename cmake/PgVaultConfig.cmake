# One INTERFACE target carries the language standard, warnings and Qt strictness
# macros; every PgVault target links it (qBittorrent's qbt_common_cfg pattern).
add_library(pgvault-config INTERFACE)
target_compile_features(pgvault-config INTERFACE cxx_std_20)
target_compile_options(pgvault-config INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Woverloaded-virtual -Wnon-virtual-dtor -Wshadow)
if(PGVAULT_WERROR)
    target_compile_options(pgvault-config INTERFACE -Werror)
endif()
target_compile_definitions(pgvault-config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    PGVAULT_VERSION_STRING="${PROJECT_VERSION}"
    PGVAULT_APP_ID="${PGVAULT_APP_ID}")
if(PGVAULT_SANITIZE)
    target_compile_options(pgvault-config INTERFACE -fsanitize=${PGVAULT_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(pgvault-config INTERFACE -fsanitize=${PGVAULT_SANITIZE})
endif()
