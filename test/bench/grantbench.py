"""Grant tables: map+unmap of one page against a null hypercall, a 4 KiB
grant copy against an in-guest memcpy, and page flipping (transfer) of
1, 16 and 64 pages against copying them (test/bench/grant)."""

import os

import qemu
from guestbench import run_guests

NAME = 'grant'
DESCRIPTION = 'grant map, copy and transfer, against a null hypercall, memcpy and copy (cycles)'

GUEST = os.path.join(qemu.BUILD_DIR, 'test', 'bench', 'grant', 'grant.elf')


def run(opts, figure):
    return run_guests(NAME, [(GUEST, 'name=grant')], opts, figure)
