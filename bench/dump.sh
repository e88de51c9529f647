#!/usr/bin/env bash
# Logical dump benchmark: PgVault `dump` vs `pg_dump -Fc` (default gzip), and PgVault
# `restore-dump --jobs 2` vs `pg_restore -j 2` of the pg_dump archive, on a pgbench database,
# measured in the same run with hyperfine (median of PGVAULT_BENCH_RUNS runs, default 3).
#
#   bench/dump.sh [SCALE]          SCALE: pgbench scale factor, default 50 (~750 MB)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
scale=${1:-50}
levels=${PGVAULT_BENCH_LEVELS:-1 3 6}

start_server
echo "== pgbench -i -s $scale"
"$pgbin/createdb" bench
"$pgbin/pgbench" -i -q -s "$scale" bench 2>&1 | tail -1
db_size=$("$pgbin/psql" -XAtc "select pg_database_size('bench')" bench)
echo "database size: $((db_size / 1024 / 1024)) MiB"

repo=$bench_dir/repo
conn="host=$PGHOST port=$PGPORT user=postgres dbname=bench"
out=$bench_dir/results
mkdir -p "$out"

echo "== dump"
hyperfine --runs "$runs" --export-json "$out/pg_dump.json" \
    "$pgbin/pg_dump -Fc -f $bench_dir/bench.pgdump bench"
pg_dump_size=$(stat -c %s "$bench_dir/bench.pgdump")
declare -A vault_time vault_size
for level in $levels; do
    hyperfine --runs "$runs" --export-json "$out/vault-$level.json" \
        --prepare "rm -rf $repo" \
        "$cli --quiet --repo $repo --conninfo '$conn' dump --db bench --compress-level $level"
    vault_time[$level]=$(median_of "$out/vault-$level.json")
    vault_size[$level]=$(du -sb "$repo/servers" | cut -f1)
done

echo "== restore"
hyperfine --runs "$runs" --export-json "$out/pg_restore.json" \
    --prepare "$pgbin/dropdb --if-exists restored && $pgbin/createdb restored" \
    "$pgbin/pg_restore -j 2 -d restored $bench_dir/bench.pgdump"
default_level=${PGVAULT_BENCH_DEFAULT_LEVEL:-3}
rm -rf "$repo"
"$cli" --quiet --repo "$repo" --conninfo "$conn" dump --db bench --compress-level "$default_level" >"$out/id"
backup_id=$(tail -1 "$out/id")
hyperfine --runs "$runs" --export-json "$out/vault-restore.json" \
    --prepare "$pgbin/dropdb --if-exists restored" \
    "$cli --quiet --repo $repo --conninfo '$conn' restore-dump $backup_id --db restored --create --jobs 2"

pg_dump_time=$(median_of "$out/pg_dump.json")
pg_restore_time=$(median_of "$out/pg_restore.json")
vault_restore_time=$(median_of "$out/vault-restore.json")
echo
echo "pgbench scale $scale, database $((db_size / 1024 / 1024)) MiB, $(nproc) cores, median of $runs runs"
printf '%-34s %10s %12s %12s %12s\n' "" "time s" "size MiB" "time ratio" "size ratio"
printf '%-34s %10.2f %12.1f %12s %12s\n' "pg_dump -Fc (gzip default)" "$pg_dump_time" \
    "$(python3 -c "print($pg_dump_size/1048576)")" "1.00" "1.00"
for level in $levels; do
    printf '%-34s %10.2f %12.1f %12s %12s\n' "pgvault dump (zstd $level)" "${vault_time[$level]}" \
        "$(python3 -c "print(${vault_size[$level]}/1048576)")" \
        "$(ratio "${vault_time[$level]}" "$pg_dump_time")" "$(ratio "${vault_size[$level]}" "$pg_dump_size")"
done
printf '%-34s %10.2f %12s %12s\n' "pg_restore -j 2" "$pg_restore_time" "" "1.00"
printf '%-34s %10.2f %12s %12s\n' "pgvault restore-dump --jobs 2" "$vault_restore_time" "" \
    "$(ratio "$vault_restore_time" "$pg_restore_time")"
