#!/usr/bin/env bash
# Installs the build tree into a temporary prefix and validates the installed desktop entry,
# AppStream metainfo and icons. Run by ctest (tests/unit/installer/CMakeLists.txt), which sets:
#   CMAKE_COMMAND, PGVAULT_BINARY_DIR, PGVAULT_APP_ID, PGVAULT_VERSION,
#   PGVAULT_INSTALL_BINDIR, PGVAULT_INSTALL_DATADIR (relative to the prefix),
#   PGVAULT_PNG_ICON_SIZES (comma-separated sizes of the rendered PNG icons; may be empty).
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }

for var in CMAKE_COMMAND PGVAULT_BINARY_DIR PGVAULT_APP_ID PGVAULT_VERSION PGVAULT_INSTALL_BINDIR \
           PGVAULT_INSTALL_DATADIR; do
    [[ -n "${!var:-}" ]] || fail "$var is not set (run this through ctest)"
done

command -v desktop-file-validate >/dev/null || fail "desktop-file-validate not found (Debian: desktop-file-utils)"
command -v appstreamcli >/dev/null || fail "appstreamcli not found (Debian: appstream)"

prefix=$(mktemp -d "${TMPDIR:-/tmp}/pgvault-install.XXXXXX")
trap 'rm -rf "$prefix"' EXIT

echo "== cmake --install $PGVAULT_BINARY_DIR --prefix $prefix"
if ! out=$(env -u DESTDIR "$CMAKE_COMMAND" --install "$PGVAULT_BINARY_DIR" --prefix "$prefix" 2>&1); then
    echo "$out"
    fail "cmake --install failed (is the project built?)"
fi

id=$PGVAULT_APP_ID
bindir=$prefix/$PGVAULT_INSTALL_BINDIR
datadir=$prefix/$PGVAULT_INSTALL_DATADIR
desktop=$datadir/applications/$id.desktop
metainfo=$datadir/metainfo/$id.metainfo.xml
svg=$datadir/icons/hicolor/scalable/apps/$id.svg

for f in "$desktop" "$metainfo" "$svg"; do
    [[ -f "$f" ]] || fail "not installed: ${f#"$prefix"/}"
done
for exe in pgvault pgvault-cli; do
    [[ -x "$bindir/$exe" ]] || fail "not installed or not executable: ${PGVAULT_INSTALL_BINDIR}/$exe"
done

echo "== desktop-file-validate ${desktop#"$prefix"/}"
rc=0
out=$(desktop-file-validate "$desktop" 2>&1) || rc=$?
[[ -z "$out" ]] || echo "$out"
[[ $rc -eq 0 ]] || fail "desktop-file-validate exited with $rc"
# Strict: the file is clean today, so any error, warning or hint is a regression. (Some errors,
# such as an icon name with an extension, still exit with 0.)
[[ -z "$out" ]] || fail "desktop-file-validate reported problems"

# --strict also fails on infos (a missing content rating, a summary ending in a full stop); only
# pedantic hints pass, such as the upper-case letters in the reverse-DNS app id.
echo "== appstreamcli validate --no-net --strict ${metainfo#"$prefix"/}"
appstreamcli validate --no-net --strict "$metainfo" || fail "appstreamcli validate failed"

# The installed tree as a whole: the metainfo's launchable names an installed desktop file.
echo "== appstreamcli validate-tree --no-net --strict <prefix>"
appstreamcli validate-tree --no-net --strict "$prefix" || fail "appstreamcli validate-tree failed"

echo "== consistency"
# One app id everywhere: desktop file name, Icon=, metainfo <id> and <launchable>.
grep -qx "Icon=$id" "$desktop" || fail "the desktop file does not say Icon=$id"
grep -qx "TryExec=pgvault" "$desktop" || fail "the desktop file does not say TryExec=pgvault"
grep -q "<id>$id</id>" "$metainfo" || fail "the metainfo <id> is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" \
    || fail "the metainfo <launchable> does not name $id.desktop"
grep -q "<release version=\"$PGVAULT_VERSION\"" "$metainfo" \
    || fail "the metainfo has no <release> for the project version $PGVAULT_VERSION"
grep -q "<svg" "$svg" || fail "the installed icon is not an SVG"

IFS=',' read -r -a sizes <<<"${PGVAULT_PNG_ICON_SIZES:-}"
for size in "${sizes[@]}"; do
    [[ -n "$size" ]] || continue
    png=$datadir/icons/hicolor/${size}x${size}/apps/$id.png
    [[ -f "$png" ]] || fail "not installed: ${png#"$prefix"/}"
    magic=$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')
    [[ "$magic" == 89504e470d0a1a0a ]] || fail "not a PNG: ${png#"$prefix"/}"
done

echo "OK: desktop entry, metainfo and icons install and validate"
