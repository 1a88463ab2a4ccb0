"""The compute benchmark: a CPU-bound workload (test/bench/compute/work.c:
integer arithmetic, a linked-list walk, a small matrix multiply, CRC-32)
built as a bare Multiboot kernel, with no hypervisor and no paging, and as
a miniguest program. In one run, with the same QEMU and options, the bare
kernel (the floor), the guest on ringlet and the same guest as dom0 of the
reference Xen (when build/xen-ref holds one) each time the workload with
rdtsc and print "COMPUTE {cycles, iterations, checksum, ok}"; a wrong
checksum is an error, not a figure. Figures are speeds, iterations per
10^9 TSC cycles, so that the ratio guest / bare is the speed the guest
keeps (1.0: none lost). Medians of at most 3 runs of each, taken in turns.
"""

import json
import os
import sys

import qemu
from benchlib import MeasureError, alternate, watch

NAME = 'compute'
DESCRIPTION = 'a CPU-bound workload: bare kernel, guest on ringlet, guest on Xen (iter/Gcycle)'

BARE = os.path.join(qemu.BUILD_DIR, 'test', 'bench', 'compute', 'compute-bare.elf')
GUEST = os.path.join(qemu.BUILD_DIR, 'test', 'bench', 'compute', 'compute.elf')
LINE = b'COMPUTE {'
REPS = 3                # each run computes for a second or two


def run(opts, figure):
    """Yields the figures (a generator: the measuring starts at the first)."""
    for path in (qemu.HV_ELF, BARE, GUEST):
        if not os.path.isfile(path):
            raise MeasureError('%s is missing; build it with boot/build' % path)
    try:
        cmds = {'bare': qemu.command(kernel=BARE, accel=opts.accel),
                'ringlet': qemu.command(modules=[(GUEST, 'name=compute')], accel=opts.accel)}
        xen = qemu.newest_xen()
        if xen is None:
            print('compute: no reference Xen in %s (boot/xen/build-reference builds it): '
                  'no guest_on_xen figure' % qemu.XEN_REF_DIR, file=sys.stderr)
        else:
            cmds['xen'] = qemu.xen_command(xen, [(GUEST, '')], accel=opts.accel)
    except qemu.QemuError as e:
        raise MeasureError(str(e))
    reps = min(opts.reps, REPS)
    print('compute: %d runs each of %s (%s)...' % (reps, ', '.join(cmds), opts.accel),
          file=sys.stderr)
    samples = alternate({who: (lambda cmd=cmd: workload(cmd)) for who, cmd in cmds.items()}, reps)
    cycles = {who: median_run(runs) for who, runs in samples.items()}
    floor = speed(cycles['bare'])
    print('compute: bare kernel %.1f iterations per Gcycle (%d iterations, %d cycles)'
          % (floor, cycles['bare'][1], cycles['bare'][0]), file=sys.stderr)
    for who in ('ringlet', 'xen'):
        if who not in cycles:
            continue
        value = speed(cycles[who])
        print('compute: guest on %-7s %.1f iterations per Gcycle, %.3f of the bare speed '
              '(spread %d-%d cycles)' % (who, value, value / floor,
                                         min(c for c, _ in samples[who]),
                                         max(c for c, _ in samples[who])), file=sys.stderr)
        f = figure(NAME, 'guest_on_' + who, value, 'iter/Gcycle', floor, opts.accel)
        f.update(cycles=cycles[who][0], floor_cycles=cycles['bare'][0],
                 iterations=cycles[who][1])
        yield f


def workload(cmd):
    """Boot cmd until its COMPUTE line: (cycles, iterations)."""
    _, out, _ = watch(cmd, [LINE])
    line = out[out.find(LINE.decode()):].split('\n', 1)[0]
    try:
        r = json.loads(line[len('COMPUTE '):])
        cycles, iterations, ok = int(r['cycles']), int(r['iterations']), r['ok']
    except (ValueError, KeyError, TypeError):
        raise MeasureError('unreadable line: %s' % line.strip())
    if ok is not True or cycles <= 0 or iterations <= 0:
        raise MeasureError('the workload went wrong: %s' % line.strip())
    return cycles, iterations


def median_run(runs):
    """The (cycles, iterations) of the median run by cycles."""
    return sorted(runs)[len(runs) // 2]


def speed(run):
    """Iterations per 10^9 cycles."""
    cycles, iterations = run
    return iterations * 1e9 / cycles
