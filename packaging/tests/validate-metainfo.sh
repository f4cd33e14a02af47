#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Validates the AppStream metainfo offline, failing on warnings too, and checks that its newest release is
# the project's version. usage: validate-metainfo.sh FILE.metainfo.xml VERSION
set -eu
metainfo=$1
version=$2
appstreamcli validate --no-net --strict "$metainfo"
grep -q "<release version=\"$version\"" "$metainfo" || {
    echo "validate-metainfo: no release $version in $metainfo" >&2
    exit 1
}
echo "validate-metainfo: $metainfo is valid and lists release $version"
