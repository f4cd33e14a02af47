#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb with CPack into a throwaway directory and checks its fields and contents.
# usage: deb-package.sh BUILD_DIR APP_ID VERSION RAPPORT_BINARY
set -eu
build=$1
app_id=$2
version=$3
binary=$4
out=$(mktemp -d "${TMPDIR:-/tmp}/rapport-deb.XXXXXX")
trap 'rm -rf "$out"' EXIT

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 || {
    cat "$out/cpack.log" >&2
    exit 1
}
deb=$(find "$out" -maxdepth 1 -name 'rapport_*.deb')
[ -n "$deb" ] && [ "$(printf '%s\n' "$deb" | wc -l)" -eq 1 ] || {
    echo "expected one rapport_*.deb in $out" >&2
    exit 1
}
echo "built $(basename "$deb")"

fail() {
    echo "deb-package: $*" >&2
    exit 1
}

# Fields. The package version is the project version, and so what `rapport --version` prints.
[ "$(dpkg-deb --field "$deb" Package)" = rapport ] || fail "Package is not rapport"
deb_version=$(dpkg-deb --field "$deb" Version)
[ "$deb_version" = "$version" ] || fail "Version is '$deb_version', project version is '$version'"
[ "$("$binary" --version)" = "rapport $deb_version" ] || fail "rapport --version does not say $deb_version"
[ "$(dpkg-deb --field "$deb" Architecture)" = "$(dpkg --print-architecture)" ] || fail "wrong Architecture"

depends=$(dpkg-deb --field "$deb" Depends)
echo "Depends: $depends"
names=$(printf '%s\n' "$depends" | tr ',|' '\n\n' | sed -e 's/(.*)//' -e 's/[[:space:]]//g' -e '/^$/d')
for required in libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6sql6-sqlite libqt6svg6 libsqlite3-0 \
    libzip4 libc6 libstdc++6; do
    printf '%s\n' "$names" | grep -qx "$required" || fail "Depends lacks $required"
done
# Every dependency is a real package: on this machine, which built and runs rapport, each is installed, or
# is a virtual package an installed one provides (libphonenumber8 provides libphonenumber8-protobuf32, the
# name shlibdeps asks for so that the protobuf ABI matches).
provided=$(dpkg-query -W -f='${Status}|${Provides}\n' | sed -n 's/^install ok installed|//p' | tr ',' '\n' |
    sed -e 's/(.*)//' -e 's/[[:space:]]//g' -e '/^$/d')
for name in $names; do
    dpkg-query -W -f='${Status}\n' "$name" 2>/dev/null | grep -q 'install ok installed' ||
        printf '%s\n' "$provided" | grep -qx "$name" ||
        fail "dependency $name is neither installed here nor provided by an installed package"
done

# Contents.
contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}')
for path in ./usr/bin/rapport \
    "./usr/share/applications/$app_id.desktop" \
    "./usr/share/metainfo/$app_id.metainfo.xml" \
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    "./usr/share/icons/hicolor/16x16/apps/$app_id.png" \
    "./usr/share/icons/hicolor/48x48/apps/$app_id.png" \
    "./usr/share/icons/hicolor/256x256/apps/$app_id.png" \
    ./usr/share/man/man1/rapport.1.gz \
    ./usr/share/doc/rapport/copyright; do
    printf '%s\n' "$contents" | grep -qx "$path" || fail "the package lacks $path"
done
printf '%s\n' "$contents" | grep -q '^\./usr/local/' && fail "the package installs into /usr/local"

# The packaged binary is stripped and runs.
root="$out/root"
dpkg-deb --extract "$deb" "$root"
file "$root/usr/bin/rapport" | grep -q ', stripped' || fail "usr/bin/rapport is not stripped"
[ "$("$root/usr/bin/rapport" --version)" = "rapport $version" ] || fail "packaged rapport --version is wrong"
echo "deb-package: $(basename "$deb") is complete"
