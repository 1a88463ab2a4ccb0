#!/usr/bin/env bash
# Builds the wc program as a user would, with miniguest-cc: one object on
# its own with -c, a static library with llvm-ar, then a link that names it
# with -L/-l, next to the usual -I -D -O -g flags.
# usage: build.sh MINIGUEST_CC SOURCE_DIR OUT.elf
set -euo pipefail
cc=$1 src=$2 out=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cc" -c -O2 -g -I "$src/include" -o "$work/wordcount.o" "$src/wordcount.c"
llvm-ar rcs "$work/libwordcount.a" "$work/wordcount.o"
"$cc" -O1 -g -Wall -Werror -I "$src/include" '-DPREFIX="wc: "' \
	-o "$out" "$src/main.c" -L "$work" -lwordcount -lm
