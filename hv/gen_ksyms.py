#!/usr/bin/env python3
"""Write the hypervisor's function-name table as assembly.

usage: gen_ksyms.py LLVM_NM PASS1_ELF OUT.S

Reads the function symbols of the first link and emits them, sorted by
address, into the .ksyms section that the second link carries."""
import subprocess
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    nm, elf, out = sys.argv[1:]
    text = subprocess.run([nm, "-n", "--defined-only", elf], check=True,
                          capture_output=True, text=True).stdout
    syms = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) != 3 or parts[1] not in ("t", "T"):
            continue
        addr, name = int(parts[0], 16), parts[2]
        if name.startswith(".L"):
            continue
        syms.append((addr, name))
    syms.sort()

    lines = ['\t.section .ksyms, "a"', "\t.balign 8",
             "\t.globl ksyms_count", "ksyms_count:", f"\t.long {len(syms)}",
             "\t.balign 8", "\t.globl ksyms_addrs", "ksyms_addrs:"]
    lines += [f"\t.quad 0x{a:016x}" for a, _ in syms]
    lines += ["\t.globl ksyms_name_offsets", "ksyms_name_offsets:"]
    offset = 0
    for _, name in syms:
        lines.append(f"\t.long {offset}")
        offset += len(name) + 1
    lines += ["\t.globl ksyms_names", "ksyms_names:"]
    lines += [f'\t.asciz "{name}"' for _, name in syms]
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
