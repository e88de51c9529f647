# CPack: a Debian package and a tarball of the install tree (STYLE.md §10, ASql's CPackConfig).
#   cmake --build build && (cd build && cpack -G DEB)     -> build/packages/pgvault_<ver>_<arch>.deb
# The DEB needs dpkg-dev (dpkg-shlibdeps) on the build machine.

set(CPACK_PACKAGE_NAME "pgvault")
set(CPACK_PACKAGE_VENDOR "The PgVault developers")
set(CPACK_PACKAGE_CONTACT "The PgVault developers <maintainers@pgvault.org>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://pgvault.org")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "PgVault takes logical dumps and physical base backups of PostgreSQL servers, archives and\n"
    "streams WAL into a self-describing repository on disk, and restores a server to any moment\n"
    "the backups and WAL cover. It has a desktop application (pgvault) and a command-line tool\n"
    "(pgvault-cli) for scripts, archive_command and restore_command.")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY "pgvault")
set(CPACK_OUTPUT_FILE_PREFIX "${CMAKE_BINARY_DIR}/packages")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/" "\\\\.user$")

# TGZ: pgvault-<version>-Linux.tar.gz with bin/ and share/ under one top folder.
set(CPACK_ARCHIVE_FILE_NAME "${CPACK_PACKAGE_NAME}-${CPACK_PACKAGE_VERSION}-${CMAKE_SYSTEM_NAME}")

# DEB: pgvault_<version>_<arch>.deb, installed under /usr.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "database")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What dpkg-shlibdeps cannot see because it is not linked:
#   postgresql-client  pg_dump, pg_restore, pg_dumpall (run as processes)
#   libsecret-1-0      the Secret Service backend QtKeychain loads at run time
#   qt6-qpa-plugins    the xcb/wayland platform plugins of the GUI
#   libqt6svg6         the SVG icon engine and image plugins: every icon is an SVG
set(CPACK_DEBIAN_PACKAGE_DEPENDS "postgresql-client, libsecret-1-0, qt6-qpa-plugins, libqt6svg6")
#   postgresql             initdb and pg_ctl for the sandbox server and for starting restored clusters
#   qt6-translations-l10n  Qt's own translations (standard buttons and dialogs in German)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "postgresql, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# RelWithDebInfo/Debug builds: the debug symbols go to pgvault-dbgsym_<version>_<arch>.ddeb
# (ASql's pattern), and the binaries in the .deb are stripped.
# The DEB generator strips them itself (CPACK_STRIP_FILES would remove the symbols first);
# CPackProjectConfig.cmake strips the binaries of every other package.
if(CMAKE_BUILD_TYPE MATCHES "^(RelWithDebInfo|Debug)$")
    set(CPACK_DEBIAN_DEBUGINFO_PACKAGE ON)
endif()
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_LIST_DIR}/CPackProjectConfig.cmake")

include(CPack)
