#!/usr/bin/env bash
# Runs every test: configure + build (RelWithDebInfo, warnings as errors), install the PostgreSQL
# majors the integration tests need, then ctest over all labels with two jobs.
#
#   tools/run-tests.sh [--build-dir DIR] [-- CTEST ARGS...]     e.g.  -- -L unit   or  -- -R pgcluster
#
# Build dir: --build-dir, else $PGVAULT_BUILD_DIR, else <repo>/build. Build parallelism: $PGVAULT_JOBS
# (default: nproc). With CI=true (or PGVAULT_REQUIRE_ALL=1) a missing PostgreSQL major or
# keychain fails its tests instead of skipping them.
#
# As root, the tests run as the system user pgvault-test (runuser, with a throwaway HOME): initdb
# and postgres refuse to run as root, and file-permission tests mean nothing for root.
# Exits non-zero when the build fails, any test fails, or no test ran.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PGVAULT_BUILD_DIR:-$repo/build}
ctest_args=()
while (( $# > 0 )); do
    case $1 in
        --build-dir) build=${2:?--build-dir needs a directory}; shift 2 ;;
        --) shift; ctest_args=("$@"); break ;;
        -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-tests.sh: unknown argument '$1' (ctest arguments go after --)" >&2; exit 2 ;;
    esac
done
mkdir -p "$build"
build=$(cd "$build" && pwd)
readonly test_user=pgvault-test

step() { printf '\n==> %s\n' "$*"; }

step "Configuring $build"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPGVAULT_WERROR=ON

step "Building"
cmake --build "$build" -j "${PGVAULT_JOBS:-$(nproc)}"

step "Installing PostgreSQL server majors"
mapfile -t bindirs < <(bash "$repo/tools/install-postgres-majors.sh")
(( ${#bindirs[@]} > 0 )) || { echo "run-tests.sh: no PostgreSQL bin dirs" >&2; exit 1; }
PGVAULT_PG_BINDIRS=$(IFS=:; echo "${bindirs[*]}")
export PGVAULT_PG_BINDIRS
printf '    %s\n' "${bindirs[@]}"

ctest_cmd=(ctest --test-dir "$build" --output-on-failure -j2 --no-tests=error "${ctest_args[@]}")
log=$build/test-artifacts/ctest.log
mkdir -p "$(dirname "$log")"

if [[ $(id -u) == 0 ]]; then
    id "$test_user" >/dev/null 2>&1 || useradd --system --user-group --no-create-home \
        --home-dir /nonexistent --shell /usr/sbin/nologin "$test_user"
    # The test user must reach the sources (test data, with-keyring.sh) and own the build tree.
    for path in "$repo" "$build"; do
        dir=$path
        while [[ $dir != / ]]; do
            if ! runuser -u "$test_user" -- test -x "$dir" 2>/dev/null; then
                echo "run-tests.sh: letting $test_user traverse $dir (chmod o+x)"
                chmod o+x "$dir"
            fi
            dir=$(dirname "$dir")
        done
    done
    chown -R "$test_user:" "$build"
    test_home=$(mktemp -d /tmp/pgvault-test-home.XXXXXX)
    mkdir -m 0700 "$test_home/runtime"
    chown -R "$test_user:" "$test_home"
    trap 'rm -rf "$test_home"' EXIT
    step "Running the tests as $test_user: ${ctest_cmd[*]}"
    # runuser keeps the environment (CI, PGVAULT_*, PATH); replace what points into root's
    # home and session with the test user's own.
    status=0
    runuser -u "$test_user" -- env -u DBUS_SESSION_BUS_ADDRESS \
        -u XDG_CONFIG_HOME -u XDG_DATA_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME \
        HOME="$test_home" XDG_RUNTIME_DIR="$test_home/runtime" USER="$test_user" \
        LOGNAME="$test_user" PATH="$PATH" \
        "${ctest_cmd[@]}" 2>&1 | tee "$log" || status=$?
else
    step "Running the tests: ${ctest_cmd[*]}"
    status=0
    "${ctest_cmd[@]}" 2>&1 | tee "$log" || status=$?
fi

summary=$(grep -E '^[0-9]+% tests passed' "$log" || true)
step "Summary: ${summary:-ctest printed no summary}"
if [[ -z $summary ]] || grep -q ' out of 0$' <<<"$summary"; then
    echo "run-tests.sh: FAILED: no test ran" >&2
    exit 1
fi
if (( status != 0 )); then
    echo "run-tests.sh: FAILED (ctest exit status $status; log: $log)" >&2
    exit "$status"
fi
echo "run-tests.sh: all tests passed (log: $log)"
