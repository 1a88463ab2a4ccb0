"""The boot benchmark: wall time from starting QEMU to the "ready" line.

The hypervisor (no command line, no modules: it prints "ringlet: ready" and
stops) is timed against its floor, the empty Multiboot kernel of
test/bench/empty, which prints "empty: ready" and nothing more. Both boot
paths are measured, QEMU's -kernel and the GRUB ISO; runs of the two kernels
alternate so that a slow moment of the machine hits both alike.
"""

import os
import statistics
import sys

import iso as isolib
import qemu
from benchlib import MeasureError, alternate, time_to_line

NAME = 'boot'
DESCRIPTION = 'QEMU start to the ready line, -kernel and GRUB ISO, against an empty kernel'

FLOOR_ELF = os.path.join(qemu.BUILD_DIR, 'test', 'bench', 'empty', 'empty.elf')
HV_READY = b'ringlet: ready'
FLOOR_READY = b'empty: ready'


def hv_alone(accel, mem=qemu.DEFAULT_MEM):
    """Milliseconds from starting QEMU to the hypervisor's ready line, with
    no guest: the floor of the benchmarks that boot guests."""
    return time_to_line(qemu.command(accel=accel, mem=mem), HV_READY)


def run(opts, figure):
    """Yields the figures (a generator: the measuring starts at the first)."""
    if not os.path.isfile(qemu.HV_ELF):
        raise MeasureError('%s is missing; build it with boot/build' % qemu.HV_ELF)
    if not os.path.isfile(FLOOR_ELF):
        raise MeasureError('%s is missing; build it with boot/build' % FLOOR_ELF)
    try:
        isos = {'hv': isolib.build_iso(qemu.BUILD_DIR, qemu.HV_ELF, name='bench-ringlet'),
                'floor': isolib.build_iso(qemu.BUILD_DIR, FLOOR_ELF, name='bench-empty')}
    except isolib.IsoError as e:
        raise MeasureError(str(e))
    kernels = {'hv': (qemu.HV_ELF, HV_READY), 'floor': (FLOOR_ELF, FLOOR_READY)}

    def command(path, who):
        kernel, _ = kernels[who]
        return qemu.command(kernel=kernel, iso=isos[who] if path == 'iso' else None,
                            accel=opts.accel)

    paths = ('kernel', 'iso')
    print('boot: %d runs of each kernel on each path (%s)...' % (opts.reps, opts.accel),
          file=sys.stderr)
    samples = alternate({(p, w): (lambda p=p, w=w: time_to_line(command(p, w), kernels[w][1]))
                         for p in paths for w in kernels}, opts.reps)

    for p in paths:
        hv = statistics.median(samples[(p, 'hv')])
        floor = statistics.median(samples[(p, 'floor')])
        print('boot: %-6s ringlet ready in %6.1f ms, empty kernel %6.1f ms: '
              'ringlet adds %+.1f ms (medians; spread %.0f-%.0f ms and %.0f-%.0f ms)'
              % ('-kernel' if p == 'kernel' else 'ISO', hv, floor, hv - floor,
                 min(samples[(p, 'hv')]), max(samples[(p, 'hv')]),
                 min(samples[(p, 'floor')]), max(samples[(p, 'floor')])),
              file=sys.stderr)
        yield figure(NAME, '%s_to_ready' % p, hv, 'ms', floor, opts.accel)
