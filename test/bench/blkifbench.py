"""Block devices over blkif: sequential 64 KiB writes and reads (MB/s) and
random 4 KiB reads (IOPS, median latency) through blkfront and blkback
(miniguest/apps/blktest benchdisk) on a real virtio-blk disk held by a
driver domain (miniguest/apps/blkdd), each beside the same measured by
the driver domain on that disk directly, in the same run on the same
image, just before (the floor: every domain booted, the frontend waiting
for it), in three rounds taken in turns (medians); and the driver domain's
CPU time per request served, beside its CPU time per request of its own
(the floor's). Then the
same through blkback on a RAM disk against a RAM disk reached directly
(ram_*): what the protocol costs without a device."""

import os
import statistics
import tempfile

import qemu
from benchlib import MeasureError
from guestbench import run_guests

NAME = 'blkif'
DESCRIPTION = ('blkfront -> blkback -> virtio-blk against the driver domain on the disk itself; '
               'the same on a RAM disk; backend CPU per request')

APPS = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps')
DISK_MIB = 32
DIRECT = 'direct_'
TIMEOUT = 400       # three rounds of each under TCG on a busy host
# The figure whose floor is the direct CPU time per request.
CPU = ('backend_cpu_per_request', 'cpu_per_request')


def collect(name, metric, value, unit, floor, accel, digits=1):
    return {'metric': metric, 'value': value, 'unit': unit, 'digits': digits}


def medians(figs):
    """{metric: (median value, unit, digits)} over the rounds."""
    out = {}
    for m in dict.fromkeys(f['metric'] for f in figs):
        these = [f for f in figs if f['metric'] == m]
        out[m] = (statistics.median(f['value'] for f in these), these[0]['unit'],
                  these[0]['digits'])
    return out


def run(opts, figure):
    with tempfile.TemporaryDirectory(prefix='ringlet-blkifbench.') as tmp:
        disk = os.path.join(tmp, 'disk.img')
        # Written out, not sparse: the host allocates no block during a run.
        with open(disk, 'wb') as f:
            f.write(bytes(DISK_MIB << 20))
        modules = [(os.path.join(APPS, 'dom0.elf'), 'name=dom0 dom0 -- disk=bench:vda:dd'),
                   (os.path.join(APPS, 'blkdd.elf'),
                    'name=dd mem=24M pci=%s -- floor=1 report=1' % qemu.disk_bdf(0)),
                   (os.path.join(APPS, 'blktest.elf'), 'name=bench mem=16M -- 1 benchdisk')]
        figs = medians(list(run_guests(NAME, modules, opts, collect, timeout=TIMEOUT,
                                       finishers=1, qemu_args=qemu.disk_args([disk]))))
    floors = {m[len(DIRECT):]: v[0] for m, v in figs.items() if m.startswith(DIRECT)}
    floors[CPU[0]] = floors.get(CPU[1])
    for m, (value, unit, digits) in figs.items():
        if m.startswith(DIRECT):
            continue
        if floors.get(m) is None:
            raise MeasureError('no direct figure for %s' % m)
        yield figure(NAME, m, value, unit, floors[m], opts.accel, digits)
    modules = [(os.path.join(APPS, 'dom0.elf'), 'name=dom0 dom0 -- disk=bench:ram:8M:dd'),
               (os.path.join(APPS, 'blkdd.elf'), 'name=dd mem=24M -- report=1'),
               (os.path.join(APPS, 'blktest.elf'), 'name=bench mem=24M -- 1 bench')]
    yield from run_guests(NAME, modules, opts, figure, prefix='ram_', finishers=1)
