#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Formats the man page with every groff warning on; any warning fails. usage: check-manpage.sh rapport.1
set -eu
warnings=$(groff -man -ww -z -Tutf8 "$1" 2>&1)
if [ -n "$warnings" ]; then
    printf '%s\n' "$warnings" >&2
    exit 1
fi
echo "check-manpage: $1 formats without warnings"
