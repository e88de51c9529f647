#!/usr/bin/env bash
# Fails when a C++ file of the tree differs from what clang-format (the repo's .clang-format,
# clang-format 14) makes of it. Prints the offending places. Run `tools/check-format.sh --fix`
# to reformat them.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
command -v clang-format >/dev/null || { echo "check-format.sh: clang-format is not installed" >&2; exit 1; }
mapfile -d '' files < <(find app core ui tests bench resources translations \
    \( -name '*.cpp' -o -name '*.h' \) -print0 2>/dev/null | sort -z)
(( ${#files[@]} > 0 )) || { echo "check-format.sh: no sources found" >&2; exit 1; }
if [[ ${1:-} == --fix ]]; then
    clang-format -i "${files[@]}"
    exit 0
fi
if ! clang-format --dry-run -Werror "${files[@]}"; then
    echo "check-format.sh: the files above are not formatted; run tools/check-format.sh --fix" >&2
    exit 1
fi
echo "check-format.sh: ${#files[@]} files formatted"
