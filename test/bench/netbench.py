"""Sockets in a guest: TCP throughput over lwIP's loopback interface, one
thread writing 8 MiB to another, against the same bytes through a pipe
between the same threads (test/miniguest/net, bench mode)."""

import os

import qemu
from guestbench import run_guests

NAME = 'net'
DESCRIPTION = 'loopback TCP throughput in a guest against a pipe (MB/s)'

GUEST = os.path.join(qemu.BUILD_DIR, 'test', 'miniguest', 'net.elf')


def run(opts, figure):
    return run_guests(NAME, [(GUEST, 'name=net -- bench')], opts, figure)
