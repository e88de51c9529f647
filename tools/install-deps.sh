#!/usr/bin/env bash
# Installs every Debian 12 package needed to build, test and run PgVault, in one apt-get install.
# Uses sudo when not root. Runs apt-get update only when the package lists are missing or older
# than a day (or when the install fails on stale lists).
set -euo pipefail

packages=(
    # build
    g++ cmake ninja-build pkg-config file clang-format
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    qtkeychain-qt6-dev libpq-dev libzstd-dev
    # run
    qt6-qpa-plugins qt6-translations-l10n libqt6svg6 libsecret-1-0 postgresql-client-15
    # tests: PostgreSQL 15 server (contrib is part of postgresql-15 on Debian 12; the
    # postgresql-contrib metapackage names it), keychain in a private D-Bus session, offscreen GUI
    postgresql-15 postgresql-contrib dbus dbus-x11 gnome-keyring libsecret-tools xvfb
    # packaging checks, sanitizers and fuzzing, benchmarks, comparison tool
    desktop-file-utils appstream librsvg2-bin dpkg-dev clang libclang-rt-14-dev hyperfine pgbackrest
)
# tools/install-postgres-majors.sh installs the other PostgreSQL majors with npm. NodeSource's
# nodejs ships npm itself and conflicts with Debian's npm package, so only add what is missing.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

sudo=()
if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { echo "install-deps.sh: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive

lists_fresh() {
    [[ -n $(find /var/lib/apt/lists -maxdepth 1 -name '*_InRelease' -mmin -1440 -print -quit 2>/dev/null) ]]
}
install() {
    "${sudo[@]}" apt-get install -y -q "${packages[@]}"
}

if ! lists_fresh; then
    "${sudo[@]}" apt-get update -q
fi
if ! install; then
    echo "install-deps.sh: retrying after apt-get update" >&2
    "${sudo[@]}" apt-get update -q
    install
fi
