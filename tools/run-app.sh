#!/usr/bin/env bash
# From a fresh Debian 12 / Ubuntu machine to PgVault on screen: install the dependencies, build,
# make sure the sandbox PostgreSQL exists and runs (so there is a server to try everything on),
# then start the GUI with that server selected.
#
#   tools/run-app.sh [--build-dir DIR] [--no-sandbox]
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PGVAULT_BUILD_DIR:-$repo/build}
sandbox=1
while (( $# > 0 )); do
    case $1 in
        --build-dir) build=${2:?--build-dir needs a directory}; shift 2 ;;
        --no-sandbox) sandbox=0; shift ;;
        -h|--help) sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-app.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done

step() { printf '\n==> %s\n' "$*"; }

step "Installing dependencies"
bash "$repo/tools/install-deps.sh"

step "Building in $build"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j "${PGVAULT_JOBS:-$(nproc)}"

cli=$build/app/cli/pgvault-cli
gui=$build/app/gui/pgvault

if (( sandbox )); then
    state=$("$cli" --json sandbox status | grep -o '"state": *"[a-z-]*"' | head -n1 | grep -o '[a-z-]*"$' | tr -d '"')
    case $state in
        not-created) step "Creating the sandbox PostgreSQL"; "$cli" sandbox create ;;
        stopped) step "Starting the sandbox PostgreSQL"; "$cli" sandbox start ;;
        running) step "The sandbox PostgreSQL is running" ;;
        *) echo "run-app.sh: could not read the sandbox state ('$state'); see: $cli sandbox status" >&2; exit 1 ;;
    esac
    "$cli" sandbox status
fi

step "Starting PgVault"
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "No display found: starting PgVault on a virtual one (xvfb-run). On a desktop it opens normally."
    exec xvfb-run -a -s "-screen 0 1280x860x24" "$gui"
fi
exec "$gui"
