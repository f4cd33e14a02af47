#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Validates the desktop entry. usage: validate-desktop.sh FILE.desktop
set -eu
desktop-file-validate "$1"
echo "validate-desktop: $1 is valid"
