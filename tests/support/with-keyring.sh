#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so tests that use
# the keychain (QtKeychain -> libsecret -> org.freedesktop.secrets) talk to a real, throwaway one:
#
#   private XDG_RUNTIME_DIR and keyring storage (mktemp, 0700) -> dbus-run-session ->
#   gnome-keyring-daemon --unlock (password on stdin) -> probe store+lookup -> the command
#
# Nothing touches the user's own keyrings or session bus. When no keychain can be set up this
# exits non-zero with a message (status 90), so the test fails instead of being skipped.
# Usage: with-keyring.sh COMMAND [ARGS...]
set -euo pipefail

readonly KEYRING_PASSWORD=pgvault-test
readonly SETUP_FAILED=90

fail() {
    echo "with-keyring.sh: cannot set up a keychain for the test: $*" >&2
    exit "$SETUP_FAILED"
}

if [[ "${1:-}" != --inside-session ]]; then
    (( $# > 0 )) || { echo "usage: with-keyring.sh COMMAND [ARGS...]" >&2; exit 2; }
    for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
        command -v "$tool" >/dev/null \
            || fail "'$tool' is missing (Debian: dbus, gnome-keyring, libsecret-tools; see tools/install-deps.sh)"
    done
    runtime=$(mktemp -d /tmp/pgvault-keyring.XXXXXX) || fail "mktemp failed"
    chmod 0700 "$runtime"
    mkdir -m 0700 "$runtime/data"
    # The daemon exits with the bus; this only removes its sockets and keyring files.
    trap 'rm -rf "$runtime"' EXIT
    status=0
    XDG_RUNTIME_DIR=$runtime PGVAULT_KEYRING_DATA=$runtime/data \
        dbus-run-session -- "$0" --inside-session "$@" || status=$?
    exit "$status"
fi
shift

# gnome-keyring keeps its keyring files under $XDG_DATA_HOME/keyrings; point only the daemon at
# the private dir (the test keeps its own environment). On first use --unlock creates the
# "login" collection with this password and makes it the default, which libsecret writes to.
daemon_env=$(echo -n "$KEYRING_PASSWORD" \
    | XDG_DATA_HOME=$PGVAULT_KEYRING_DATA gnome-keyring-daemon --unlock --components=secrets) \
    || fail "gnome-keyring-daemon --unlock failed"
unset PGVAULT_KEYRING_DATA
while IFS= read -r line; do
    [[ $line == *=* ]] && export "${line?}"   # GNOME_KEYRING_CONTROL=..., maybe SSH_AUTH_SOCK=...
done <<<"$daemon_env"

# Prove a libsecret write and read work before the test relies on them.
probe=probe-$$-$RANDOM
secret-tool store --label="PgVault keyring probe" service pgvault-probe key k <<<"$probe" 2>/dev/null \
    || fail "secret-tool store failed (is the login collection locked or missing?)"
[[ "$(secret-tool lookup service pgvault-probe key k 2>/dev/null)" == "$probe" ]] \
    || fail "secret-tool lookup did not return what was stored"
secret-tool clear service pgvault-probe key k 2>/dev/null || true

exec "$@"
