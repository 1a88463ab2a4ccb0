"""Receive by copy against receive by page flipping (rx=flip): a guest
blasts UDP datagrams making 64-byte and 1514-byte frames at another over
dom0's netback bridge, both vifs in one mode; for each size, the frames
the receiver got a second (its sink counts them, first to last) against
the same blast over loopback inside the sender (the stack without rings
or bridge: the floor), and dom0's running time per frame received over
the window (the hypervisor's account of it, through the netcost window)
against what two GNTTABOP_copy of the frame's bytes cost dom0 (the least
any frame costs the driver domain: copied in, copied out). The two modes
boot in alternation (benchlib.alternate), --reps rounds; each figure and
its floor is the median of its rounds. Metrics rx_MODE_SIZE_rate and
rx_MODE_SIZE_dom0."""

import os
import statistics

import qemu
from benchlib import alternate
from guestbench import run_guests

NAME = 'netflip'
DESCRIPTION = 'guest-to-guest UDP receive by copy and by flip: frames/s and dom0 ns/frame, 64 and 1514 B'

APPS = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps')
FRAMES = 20000


def keep(bench, metric, value, unit, floor, accel, digits):
    """A figure as run_guests gives it, kept for the median."""
    return (metric, value, unit, floor)


def boot(opts, mode):
    """One boot with both vifs in mode: its figures, (metric, value, unit, floor) each."""
    nettest = os.path.join(APPS, 'nettest.elf')
    rx = ':rx=flip' if mode == 'flip' else ''
    modules = [(os.path.join(APPS, 'dom0.elf'),
                'name=dom0 dom0 mem=24M -- vif=server%s vif=client%s netcost=client' % (rx, rx)),
               (nettest, 'name=server mem=16M -- ip=10.0.0.1 sink'),
               (nettest, 'name=client mem=16M -- ip=10.0.0.2 blast 10.0.0.1 %s %d' % (mode, FRAMES))]
    return list(run_guests(NAME, modules, opts, keep, timeout=300, finishers=2))


def run(opts, figure):
    samples = alternate({mode: (lambda mode=mode: boot(opts, mode)) for mode in ('copy', 'flip')},
                        opts.reps)
    for mode in ('copy', 'flip'):
        rounds = samples[mode]
        for i, (metric, _, unit, _) in enumerate(rounds[0]):
            values = [r[i][1] for r in rounds if len(r) > i]
            floors = [r[i][3] for r in rounds if len(r) > i]
            yield figure(NAME, metric, statistics.median(values), unit, statistics.median(floors),
                         opts.accel, digits=0)
