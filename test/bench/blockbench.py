"""The driver domain's own disk: what dom0 gets from a virtio-blk disk
directly through miniguest's driver (miniguest/apps/vblk, bench mode) -
64 KiB sequential writes and reads in MB/s, 4 KiB random reads in IOPS and
their median latency, one request in flight. These are the floors of the
block benchmarks that go through blkfront and blkback: they carry no floor
of their own. The disk is a fresh raw image of DISK_MIB in a temporary
directory on the host (QEMU's cache=writeback: the host's page cache)."""

import os
import tempfile

import qemu
from guestbench import run_guests

NAME = 'block'
DESCRIPTION = 'virtio-blk straight from the driver domain: 64 KiB MB/s, 4 KiB random-read IOPS, median ns'

APPS = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps')
DISK_MIB = 32


def run(opts, figure):
    with tempfile.TemporaryDirectory(prefix='ringlet-blockbench.') as tmp:
        disk = os.path.join(tmp, 'disk.img')
        with open(disk, 'wb') as f:
            f.truncate(DISK_MIB << 20)
        modules = [(os.path.join(APPS, 'vblk', 'vblk.elf'), 'name=vblk -- bench')]
        yield from run_guests(NAME, modules, opts, figure, prefix='direct_',
                              qemu_args=qemu.disk_args([disk]))
