"""Block devices over blkif: sequential 64 KiB writes and reads (MB/s) and
random 4 KiB reads (IOPS, median latency) through blkfront and blkback
(miniguest/apps/blktest benchdisk) on a real virtio-blk disk held by a
driver domain (miniguest/apps/blkdd), each beside the same measured by
the driver domain on that disk directly, in the same run on the same
image, before it serves it (the floor); and the driver domain's CPU time
per request served, beside its CPU time per request of its own. Then the
same through blkback on a RAM disk against a RAM disk reached directly
(ram_*): what the protocol costs without a device."""

import os
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
# The figure whose floor is the direct CPU time per request.
CPU = ('backend_cpu_per_request', 'cpu_per_request')


def collect(name, metric, value, unit, floor, accel, digits=1):
    return {'metric': metric, 'value': value, 'unit': unit, 'floor': floor, 'digits': digits}


def run(opts, figure):
    with tempfile.TemporaryDirectory(prefix='ringlet-blkifbench.') as tmp:
        disk = os.path.join(tmp, 'disk.img')
        with open(disk, 'wb') as f:
            f.truncate(DISK_MIB << 20)
        modules = [(os.path.join(APPS, 'dom0.elf'), 'name=dom0 dom0 -- disk=bench:vda:dd'),
                   (os.path.join(APPS, 'blkdd.elf'),
                    'name=dd mem=24M pci=%s -- floor=1 report=1' % qemu.disk_bdf(0)),
                   (os.path.join(APPS, 'blktest.elf'), 'name=bench mem=16M -- 1 benchdisk')]
        figs = list(run_guests(NAME, modules, opts, collect, finishers=1,
                               qemu_args=qemu.disk_args([disk])))
    floors = {f['metric'][len(DIRECT):]: f['value'] for f in figs
              if f['metric'].startswith(DIRECT)}
    floors[CPU[0]] = floors.get(CPU[1])
    for f in figs:
        if f['metric'].startswith(DIRECT):
            continue
        if floors.get(f['metric']) is None:
            raise MeasureError('no direct figure for %s' % f['metric'])
        yield figure(NAME, f['metric'], f['value'], f['unit'], floors[f['metric']], opts.accel,
                     f['digits'])
    modules = [(os.path.join(APPS, 'dom0.elf'), 'name=dom0 dom0 -- disk=bench:ram:8M:dd'),
               (os.path.join(APPS, 'blkdd.elf'), 'name=dd mem=24M -- report=1'),
               (os.path.join(APPS, 'blktest.elf'), 'name=bench mem=24M -- 1 bench')]
    yield from run_guests(NAME, modules, opts, figure, prefix='ram_', finishers=1)
