# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE in cpack.cmake).
# The DEB generator splits the debug symbols into a .ddeb itself when
# CPACK_DEBIAN_DEBUGINFO_PACKAGE is on; every other package gets stripped binaries.
if(NOT CPACK_GENERATOR STREQUAL "DEB" OR NOT CPACK_DEBIAN_DEBUGINFO_PACKAGE)
    set(CPACK_STRIP_FILES ON)
endif()
