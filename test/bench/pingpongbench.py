"""The event-channel ping-pong benchmark: two domains bounce an event over
an interdomain channel (test/scenario/pingpong); the client reports the
round trip beside a null hypercall measured in the same run."""

import os

import qemu
from guestbench import run_guests

NAME = 'pingpong'
DESCRIPTION = 'interdomain event round trip against the null hypercall (cycles)'

GUEST = os.path.join(qemu.BUILD_DIR, 'test', 'scenario', 'pingpong.elf')


def run(opts, figure):
    return run_guests(NAME, [(GUEST, 'name=server -- server'), (GUEST, 'name=client -- client')],
                      opts, figure)
