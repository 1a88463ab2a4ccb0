#!/usr/bin/env bash
# Builds the autoconf project as a user would: the project's files and the
# shared sources (../project) in a scratch directory, configure generated
# there by autoreconf, then ./configure --host=i686-miniguest-elf, which
# finds the compiler by that name in PATH (the SDK's bin), and make.
# usage: build.sh SDK_BIN_DIR SOURCE_DIR OUT.elf
set -euo pipefail
bin=$1 src=$2 out=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$src/autoconf/configure.ac" "$src/autoconf/Makefile.am" "$src/project/"*.[ch] \
	"$src/check.h" "$work/"
cd "$work"
log() {
	if ! "$@" >>"$work/build.log" 2>&1; then
		cat "$work/build.log" >&2
		exit 1
	fi
}
export PATH="$bin:$PATH"
unset CC CFLAGS CPPFLAGS LDFLAGS LIBS
log autoreconf --install
# configure must find the compiler by the host's name, i686-miniguest-elf-gcc.
log ./configure --host=i686-miniguest-elf
log make
cp tally-autoconf "$out"
