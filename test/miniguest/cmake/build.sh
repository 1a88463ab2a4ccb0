#!/usr/bin/env bash
# Builds the CMake project as a user would: the project's files and the
# shared sources (../project) in a scratch directory, then cmake with the
# SDK's toolchain file and cmake --build.
# usage: build.sh TOOLCHAIN_FILE SOURCE_DIR OUT.elf
set -euo pipefail
toolchain=$1 src=$2 out=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$src/cmake/CMakeLists.txt" "$src/cmake/config.h.in" "$src/project/"*.[ch] "$src/check.h" "$work/"
if ! cmake -S "$work" -B "$work/build" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
		>"$work/configure.log" 2>&1; then
	cat "$work/configure.log" >&2
	exit 1
fi
cmake --build "$work/build" >&2
cp "$work/build/tally-cmake" "$out"
