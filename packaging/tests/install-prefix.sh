#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a throwaway prefix and checks the standard layout is there.
# usage: install-prefix.sh BUILD_DIR APP_ID VERSION
set -eu
build=$1
app_id=$2
version=$3
prefix=$(mktemp -d "${TMPDIR:-/tmp}/rapport-install.XXXXXX")
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix" >/dev/null

status=0
expect() {
    if [ -f "$prefix/$1" ] && [ -s "$prefix/$1" ]; then
        echo "ok      $1"
    else
        echo "MISSING $1" >&2
        status=1
    fi
}
expect bin/rapport
expect "share/applications/$app_id.desktop"
expect "share/metainfo/$app_id.metainfo.xml"
expect "share/icons/hicolor/scalable/apps/$app_id.svg"
for size in 16 22 24 32 48 64 128 256; do
    expect "share/icons/hicolor/${size}x$size/apps/$app_id.png"
done
expect share/man/man1/rapport.1.gz
expect share/doc/rapport/copyright
[ "$status" -eq 0 ] || exit 1

[ -x "$prefix/bin/rapport" ] || { echo "bin/rapport is not executable" >&2; exit 1; }
for size in 16 48 256; do
    file "$prefix/share/icons/hicolor/${size}x$size/apps/$app_id.png" | grep -q "PNG image data, $size x $size" || {
        echo "the ${size}x$size icon is not a $size x $size PNG" >&2
        exit 1
    }
done
# The desktop entry starts the installed binary and names the installed icon.
grep -qx 'Exec=rapport' "$prefix/share/applications/$app_id.desktop"
grep -qx "Icon=$app_id" "$prefix/share/applications/$app_id.desktop"
desktop-file-validate "$prefix/share/applications/$app_id.desktop"
gzip -t "$prefix/share/man/man1/rapport.1.gz"
installed_version=$("$prefix/bin/rapport" --version)
[ "$installed_version" = "rapport $version" ] || {
    echo "installed rapport --version says '$installed_version', expected 'rapport $version'" >&2
    exit 1
}
echo "install-prefix: the installed tree is complete"
