"""Benchmarks that run inside a guest: the guest measures and prints one
line "BENCH {json}" per figure (metric, value, unit, floor); this passes
them on as the suite's JSON lines, adding the benchmark's name, the ratio
and the accelerator.

  hypercall   null hypercall, -ENOSYS hypercall, mmu_update batches and the
              direct int $0x80 gate from ring 3, against ringlet's null trap
"""

import json
import os
import subprocess

import qemu
from benchlib import MeasureError

NAME = 'hypercall'
DESCRIPTION = 'hypercall, mmu_update and int $0x80 costs against the null trap (cycles)'

GUEST = os.path.join(qemu.BUILD_DIR, 'test', 'bench', 'hypercall', 'hypercall.elf')
TIMEOUT = 120


def run_guests(name, modules, opts, figure, timeout=TIMEOUT, cmdline='', prefix='', only=None,
               finishers=None, qemu_args=()):
    """Boot modules, a list of (elf path, module command line), with the
    hypervisor command line cmdline, and yield the figures their BENCH lines
    report, named after benchmark name (metric names after prefix); with
    only, just the lines of the domain of that name. finishers: how many
    of them end with a test result line (all of them unless given)."""
    for path, _ in modules:
        if not os.path.isfile(path):
            raise MeasureError('%s is missing; build it with boot/build' % path)
    cmd = qemu.command(modules=modules, accel=opts.accel, cmdline=cmdline) + list(qemu_args)
    try:
        r = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise MeasureError('the benchmark guests did not finish within %d s' % timeout)
    out = r.stdout.decode('utf-8', 'replace')
    figures = 0
    for line in out.splitlines():
        at = line.find('BENCH ')
        if at < 0 or (only and not line.startswith('(%s) ' % only)):
            continue
        try:
            f = json.loads(line[at + 6:])
        except ValueError:
            raise MeasureError('unreadable benchmark line: %s' % line.strip())
        figures += 1
        yield figure(name, prefix + f['metric'], f['value'], f['unit'], f.get('floor'), opts.accel,
                     digits=1 if isinstance(f['value'], float) else 0)
    if figures == 0 or out.count('Test result: SUCCESS') < (len(modules) if finishers is None else finishers):
        raise MeasureError('the benchmark guests did not all finish (QEMU %s); the last output:\n%s'
                           % (qemu.status_name(r.returncode), out[-1500:]))


def run(opts, figure):
    return run_guests(NAME, [(GUEST, 'name=bench')], opts, figure)
