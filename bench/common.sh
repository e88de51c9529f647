# Shared by the bench/*.sh scripts: a throwaway PostgreSQL 15 server and timing helpers.
# Sourced, not run. Needs: a built tree (PGVAULT_BUILD_DIR, default <repo>/build), hyperfine,
# PostgreSQL 15 (server + client tools).
set -euo pipefail

bench_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench_build=${PGVAULT_BUILD_DIR:-$bench_repo/build}
pgbin=${PGVAULT_BENCH_PGBIN:-/usr/lib/postgresql/15/bin}
cli=$bench_build/app/cli/pgvault-cli
runs=${PGVAULT_BENCH_RUNS:-3}

[[ -x $cli ]] || { echo "bench: $cli is missing; build first (tools/run-tests.sh or cmake --build)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "bench: hyperfine is missing (apt-get install hyperfine)" >&2; exit 1; }
[[ -x $pgbin/initdb ]] || { echo "bench: no PostgreSQL server in $pgbin" >&2; exit 1; }

# initdb refuses root: the server runs as an unprivileged user then.
as_server=()
server_user=$(id -un)
if [[ $(id -u) == 0 ]]; then
    server_user=pgvault-test
    id "$server_user" >/dev/null 2>&1 || useradd --system --user-group --no-create-home \
        --home-dir /nonexistent --shell /usr/sbin/nologin "$server_user"
    as_server=(runuser -u "$server_user" --)
fi

bench_dir=$(mktemp -d /tmp/pgvault-bench.XXXXXX)
chmod 0755 "$bench_dir"
mkdir -p "$bench_dir/sock" "$bench_dir/data" "$bench_dir/log"
if [[ $(id -u) == 0 ]]; then
    chown "$server_user:" "$bench_dir/sock" "$bench_dir/data" "$bench_dir/log"
fi
bench_port=$(( 20000 + RANDOM % 20000 ))

stop_server() {
    "${as_server[@]}" "$pgbin/pg_ctl" -D "$bench_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$bench_dir"
}
trap stop_server EXIT

start_server() {
    "${as_server[@]}" "$pgbin/initdb" -D "$bench_dir/data" -U postgres -A trust -E UTF8 \
        --no-locale -N >/dev/null
    "${as_server[@]}" "$pgbin/pg_ctl" -D "$bench_dir/data" -l "$bench_dir/log/server.log" -w \
        -o "-p $bench_port -k $bench_dir/sock -c listen_addresses='' -c fsync=off \
            -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null
    export PGHOST=$bench_dir/sock PGPORT=$bench_port PGUSER=postgres
}

# median wall seconds of a hyperfine JSON export
median_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
ratio() { python3 -c 'import sys; print(f"{float(sys.argv[1])/float(sys.argv[2]):.2f}")' "$1" "$2"; }
