"""The BVT shares benchmark: three CPU-bound guests with weights 1, 2 and
4 each measure their share of the CPU (test/scenario/share); each share is
reported beside the share its weight asks for (the "floor" column)."""

import os

import qemu
from guestbench import run_guests

NAME = 'shares'
DESCRIPTION = 'CPU shares of three CPU-bound guests with BVT weights 1:2:4 (%)'

GUEST = os.path.join(qemu.BUILD_DIR, 'test', 'scenario', 'share.elf')


WEIGHTS = (1, 2, 4)


def run(opts, figure):
    total = sum(WEIGHTS)
    modules = [(GUEST, 'name=w%d weight=%d -- share=%d weight%d' % (w, w, round(100 * w / total), w))
               for w in WEIGHTS]
    for fig in run_guests(NAME, modules, opts, figure):
        # The share the weight asks for, exactly, is the figure's floor.
        w = int(fig['metric'].rsplit('weight', 1)[-1])
        fig['floor'] = round(100 * w / total, 2)
        fig['ratio'] = round(fig['value'] / fig['floor'], 3)
        yield fig
