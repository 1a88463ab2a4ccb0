"""The many-guests benchmark: 1, 10, 100 and 1000 idle guests (test/scenario
/idle, 1 MiB each) booted from one module with clones=N on a 2 GiB machine
(test/bench/run --guests-mem SIZE for another size). For each N it reports
the time from starting QEMU until the last guest says it is alive, beside
the hypervisor alone reaching its ready line in the same run (the floor),
and the hypervisor heap each domain costs (from the hypervisor's own
count), and with it the shared info frame each domain has. On machines of
6 GiB and more it boots 4000 guests too."""

import os
import re
import statistics
import sys

import qemu
from benchlib import MeasureError, time_to_line
from bootbench import hv_alone

NAME = 'guests'
DESCRIPTION = 'boot time of 1-1000 (4000 from 6G) idle guests, and hypervisor memory per guest'

GUEST = os.path.join(qemu.BUILD_DIR, 'test', 'scenario', 'idle.elf')
COUNTS = (1, 10, 100, 1000)
LARGE_COUNTS = (4000,)        # also booted on machines of 6 GiB and more
SHARED_INFO = 4096            # each domain's shared info frame, not on the heap
MEM = '2G'
CRASH = re.compile(r'domain \d+ \(\S+\) shut down: crash')
PER_DOMAIN = re.compile(r'(\d+) domain\(s\) built; .* (\d+) bytes a domain')


def mem_mib(size):
    """QEMU's -m size (e.g. 2G, 512M, 2048) in MiB."""
    m = re.fullmatch(r'(\d+)([MG]?)', size.strip().upper())
    if not m:
        raise MeasureError('cannot read the memory size %r' % size)
    return int(m.group(1)) * (1024 if m.group(2) == 'G' else 1)


def run(opts, figure):
    if not os.path.isfile(GUEST):
        raise MeasureError('%s is missing; build it with boot/build' % GUEST)
    reps = max(1, min(opts.reps, 3))
    mem = opts.guests_mem
    floor = statistics.median(hv_alone(opts.accel, mem) for _ in range(reps))
    for n in COUNTS + (LARGE_COUNTS if mem_mib(mem) >= 6144 else ()):
        marker = b'(idle) alive' if n == 1 else b'(idle-%d) alive' % n
        cmd = qemu.command(modules=[(GUEST, 'name=idle clones=%d mem=1M -- until=600000' % n)],
                           accel=opts.accel, mem=mem)
        times, per = [], None
        for _ in range(reps if n < 1000 else 1):
            ms, out = time_to_line(cmd, marker, with_output=True)
            crash = CRASH.search(out)
            if crash:
                # A guest that crashed is no longer booting: the time measured
                # something else.
                raise MeasureError('%d guests, -m %s: %s' % (n, mem, crash.group(0)))
            times.append(ms)
            m = PER_DOMAIN.search(out)
            per = int(m.group(2)) if m else per
        print('guests: %4d idle guests alive %8.1f ms after QEMU started (hypervisor alone: '
              '%.1f ms; -m %s); %s bytes of hypervisor heap each'
              % (n, statistics.median(times), floor, mem, per), file=sys.stderr)
        yield figure(NAME, 'boot_%d_guests' % n, statistics.median(times), 'ms', floor, opts.accel)
        if per is not None:
            yield figure(NAME, 'heap_per_guest_at_%d' % n, per, 'bytes', None, opts.accel, digits=0)
            yield figure(NAME, 'hv_memory_per_guest_at_%d' % n, per + SHARED_INFO, 'bytes', None,
                         opts.accel, digits=0)
