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


def run(opts, figure):
    if not os.path.isfile(GUEST):
        raise MeasureError('%s is missing; build it with boot/build' % GUEST)
    cmd = qemu.command(modules=[(GUEST, 'name=bench')], accel=opts.accel)
    try:
        r = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise MeasureError('the benchmark guest did not finish within %d s' % TIMEOUT)
    out = r.stdout.decode('utf-8', 'replace')
    figures = 0
    for line in out.splitlines():
        at = line.find('BENCH ')
        if at < 0:
            continue
        try:
            f = json.loads(line[at + 6:])
        except ValueError:
            raise MeasureError('unreadable benchmark line: %s' % line.strip())
        figures += 1
        yield figure(NAME, f['metric'], f['value'], f['unit'], f.get('floor'), opts.accel,
                     digits=0)
    if figures == 0 or 'Test result: SUCCESS' not in out:
        raise MeasureError('the benchmark guest did not finish (QEMU %s); its last output:\n%s'
                           % (qemu.status_name(r.returncode), out[-1500:]))
