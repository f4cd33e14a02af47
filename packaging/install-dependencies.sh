#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian 12 package Rapport needs to build, test, run and package.
# Idempotent: apt-get skips what is already installed. Run as root (or through sudo).
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git ccache
    # Qt 6: Widgets, SQL with its SQLite driver (only a Recommends, so listed), Charts, Test, tools
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev libqt6charts6
    libqt6opengl6-dev libqt6svg6 libgl-dev libxkbcommon-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
    # storage, CSV, tests
    libsqlite3-dev sqlite3 libcsv-dev catch2
    # phone numbers in E.164 for finding duplicate contacts
    libphonenumber-dev
    # conversation archives: MIME mail (mbox, .eml) and zipped chat exports read in place
    libgmime-3.0-dev libzip-dev
    # headless GUI runs and screenshots, fonts for the UI (a small CJK font, so that Chinese, Japanese and
    # Korean names in the screenshots are not boxes)
    xvfb xauth fonts-dejavu-core fonts-noto-core fonts-noto-color-emoji fonts-wqy-microhei
    # fuzz targets (tests/fuzz): Clang 14 and its libFuzzer runtime; the tidy preset's clang-tidy
    clang-14 libclang-rt-14-dev clang-tidy-14
    # packaging checks
    desktop-file-utils appstream dpkg-dev file
    # icons (QSvgRenderer at build time, SVG icon engine at run time), man page check
    qt6-svg-dev groff-base
)

if [ "$(id -u)" -ne 0 ]; then
    exec sudo "$0" "$@"
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-dependencies: all ${#packages[@]} packages already installed"
    exit 0
fi

echo "install-dependencies: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
