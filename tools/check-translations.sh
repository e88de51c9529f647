#!/usr/bin/env bash
# Fails when translations/*.ts are behind the sources: runs lupdate exactly as the
# update_translations target does, on copies, and compares. Usage: check-translations.sh LUPDATE
set -euo pipefail
lupdate=${1:?usage: check-translations.sh LUPDATE}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$repo"
args=(core ui app -locations none -no-obsolete -source-language en)
cp translations/pgvault_de.ts translations/pgvault_en.ts "$work/"
"$lupdate" -silent "${args[@]}" -ts "$work/pgvault_de.ts"
"$lupdate" -silent "${args[@]}" -pluralonly -ts "$work/pgvault_en.ts"
status=0
for ts in pgvault_de.ts pgvault_en.ts; do
    if ! diff -u "translations/$ts" "$work/$ts"; then
        echo "check-translations.sh: translations/$ts is out of date;" \
             "run: cmake --build build --target update_translations" >&2
        status=1
    fi
done
(( status == 0 )) && echo "check-translations.sh: translations are current"
exit "$status"
