#!/usr/bin/env bash
# Builds the meson project as a user would: the project's files and the
# shared sources (../project) in a scratch directory, then meson setup with
# the SDK's cross file and meson compile.
# usage: build.sh CROSS_FILE SOURCE_DIR OUT.elf
set -euo pipefail
cross=$1 src=$2 out=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$src/meson-project/meson.build" "$src/project/"*.[ch] "$src/check.h" "$work/"
if ! meson setup --cross-file "$cross" "$work/build" "$work" >"$work/setup.log" 2>&1; then
	cat "$work/setup.log" >&2
	exit 1
fi
meson compile -C "$work/build" >&2
cp "$work/build/tally-meson" "$out"
