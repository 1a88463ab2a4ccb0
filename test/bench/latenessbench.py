"""The isolation benchmark: how late a sleeping neighbour's timer wakes it
(test/scenario/neighbour, 10 ms sleeps for 2 s) while the domain beside it
asks for as much work as one hypercall can carry (test/scenario/attack):

  <attack>_worst_lateness   the neighbour's worst lateness beside the attack,
                            beside its worst lateness next to an idle domain
                            in the same run (the floor)
"""

import os

import qemu
from guestbench import run_guests

NAME = 'lateness'
DESCRIPTION = "a sleeping neighbour's worst timer lateness beside each hypercall attack"

NEIGHBOUR = os.path.join(qemu.BUILD_DIR, 'test', 'scenario', 'neighbour.elf')
ATTACK = os.path.join(qemu.BUILD_DIR, 'test', 'scenario', 'attack.elf')
IDLE = os.path.join(qemu.BUILD_DIR, 'test', 'scenario', 'idle.elf')
ATTACKS = [('pinpairs', 'pinpairs 24', ''), ('mc_mmuext', 'mc-mmuext 1500000', ''),
           ('mc_console', 'mc-console 100000000', ''),
           ('reservation', 'reservation 20', 'mem=32M')]
NEIGHBOUR_ARGS = 'name=neighbour -- ms=2000 period=10'


def run(opts, figure):
    idle = [(NEIGHBOUR, NEIGHBOUR_ARGS), (IDLE, 'name=idle -- until=1000')]
    floor = [f['value'] for f in run_guests(NAME, idle, opts, figure, only='neighbour')]
    for name, args, mem in ATTACKS:
        pair = [(NEIGHBOUR, NEIGHBOUR_ARGS), (ATTACK, 'name=attack %s -- %s' % (mem, args))]
        for fig in run_guests(NAME, pair, opts, figure, only='neighbour', prefix=name + '_'):
            fig['floor'] = floor[0]
            fig['ratio'] = round(fig['value'] / floor[0], 2) if floor[0] else None
            yield fig
