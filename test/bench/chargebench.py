"""What sched_charge=served (SCHED-14) changes: dom0 serving a RAM disk to
io (blktest eio: reading its disk without end) beside cpu (spin: busy
without end), all of weight 1 under BVT. Each boot runs top --json over 5
s once every guest is at work; each figure is a domain's CPU% with the
option on, its floor the same with it off (the default), boots with and
without in turns (medians); io's BY-MARK% is dom0's time charged to it."""

import json
import os
import re
import statistics
import subprocess

import qemu
from benchlib import MeasureError, alternate

NAME = 'sched-charge'
DESCRIPTION = "CPU% of dom0, an I/O guest and a CPU-bound one with dom0's served time charged to the served"

APPS = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps')
TIMEOUT = 240
TOP = re.compile(r'\(dom0\) (\[\{.*\}\])')
FIGURES = (('dom0', 'cpu_pct'), ('io', 'cpu_pct'), ('io', 'by_mark_pct'), ('cpu', 'cpu_pct'))


def modules():
    return [(os.path.join(APPS, 'dom0.elf'),
             "name=dom0 dom0 mem=32M -- shell 'sleep 4000; top --json --once 5000; destroy 1; "
             "destroy 2' disk=io:ram:16M"),
            (os.path.join(APPS, 'blktest.elf'), 'name=io mem=16M -- 1 eio'),
            (os.path.join(APPS, 'spin.elf'), 'name=cpu')]


def boot(opts, cmdline):
    """{(domain, key): value} of one boot's top."""
    cmd = qemu.command(cmdline=cmdline, modules=modules(), accel=opts.accel)
    try:
        r = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise MeasureError('the boot with %r did not end within %d s' % (cmdline, TIMEOUT))
    out = r.stdout.decode('utf-8', 'replace')
    m = TOP.search(out)
    if r.returncode != qemu.STATUS_SUCCESS or not m:
        raise MeasureError('no top from the boot with %r (QEMU %s); the last output:\n%s'
                           % (cmdline, qemu.status_name(r.returncode), out[-1500:]))
    doms = {d['name']: d for d in json.loads(m.group(1))}
    if any(name not in doms for name, _ in FIGURES):
        raise MeasureError('top did not show every domain: %s' % m.group(1))
    return {(name, key): doms[name][key] for name, key in FIGURES}


def run(opts, figure):
    samples = alternate({'own': lambda: boot(opts, ''),
                         'served': lambda: boot(opts, 'sched_charge=served')}, opts.reps)
    for name, key in FIGURES:
        on = statistics.median(s[(name, key)] for s in samples['served'])
        off = statistics.median(s[(name, key)] for s in samples['own'])
        yield figure(NAME, '%s_%s' % (name, key), on, '%', off, opts.accel)
