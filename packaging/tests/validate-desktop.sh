#!/bin/sh
# Validates the desktop entry. usage: validate-desktop.sh FILE.desktop
set -eu
desktop-file-validate "$1"
echo "validate-desktop: $1 is valid"
