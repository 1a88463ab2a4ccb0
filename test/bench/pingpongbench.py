"""Two domains at once: the event-channel ping-pong, where two domains
bounce an event over an interdomain channel (test/scenario/pingpong) and
the client reports the round trip, and the domain switch, where two domains
yield to each other (test/scenario/storm, "yield"); each beside a null
hypercall measured in the same run."""

import os

import qemu
from guestbench import run_guests

NAME = 'pingpong'
DESCRIPTION = 'interdomain event round trip and domain switch, against the null hypercall (cycles)'

GUEST = os.path.join(qemu.BUILD_DIR, 'test', 'scenario', 'pingpong.elf')
YIELDER = os.path.join(qemu.BUILD_DIR, 'test', 'scenario', 'storm.elf')


def run(opts, figure):
    yield from run_guests(NAME, [(GUEST, 'name=server -- server'),
                                 (GUEST, 'name=client -- client')], opts, figure)
    yield from run_guests(NAME, [(YIELDER, 'name=a -- yield'), (YIELDER, 'name=b -- yield')],
                          opts, figure)
