# pgvault_add_test(NAME <name> SOURCES <files...> LABELS <unit|integration|gui...>
#                  [LIBS <targets...>] [KEYRING] [PG_MAJORS <14 15 ...>] [TIMEOUT <s>])
#
# One executable per test class. KEYRING runs it inside a private D-Bus session with an
# unlocked gnome-keyring (tests/support/with-keyring.sh). PG_MAJORS registers one ctest per
# PostgreSQL major (<name>_pg<N>, label pg<N>); the fixture reads PGVAULT_TEST_PG_MAJOR.
set(PGVAULT_TEST_ARTIFACTS "${CMAKE_BINARY_DIR}/test-artifacts")

function(pgvault_add_test)
    cmake_parse_arguments(T "KEYRING" "NAME;TIMEOUT" "SOURCES;LABELS;LIBS;PG_MAJORS" ${ARGN})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE pgvault-config Qt6::Test ${T_LIBS})

    set(command $<TARGET_FILE:${T_NAME}>)
    if(T_KEYRING)
        set(command ${CMAKE_SOURCE_DIR}/tests/support/with-keyring.sh ${command})
    endif()

    set(env
        "QT_QPA_PLATFORM=offscreen"
        "LANG=C.UTF-8"
        "LC_ALL=C.UTF-8"
        "PGVAULT_TEST_ARTIFACTS=${PGVAULT_TEST_ARTIFACTS}"
        "PGVAULT_CLI=$<TARGET_FILE:pgvault-cli>"
        "PGVAULT_SOURCE_DIR=${CMAKE_SOURCE_DIR}"
        "PGVAULT_BINARY_DIR=${CMAKE_BINARY_DIR}")

    if(T_PG_MAJORS)
        foreach(major IN LISTS T_PG_MAJORS)
            set(test_name ${T_NAME}_pg${major})
            add_test(NAME ${test_name} COMMAND ${command})
            set_tests_properties(${test_name} PROPERTIES
                LABELS "${T_LABELS};pg${major}"
                TIMEOUT ${T_TIMEOUT}
                ENVIRONMENT "${env};PGVAULT_TEST_PG_MAJOR=${major}")
        endforeach()
    else()
        add_test(NAME ${T_NAME} COMMAND ${command})
        set_tests_properties(${T_NAME} PROPERTIES
            LABELS "${T_LABELS}"
            TIMEOUT ${T_TIMEOUT}
            ENVIRONMENT "${env}")
    endif()
endfunction()
