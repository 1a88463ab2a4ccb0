"""Block devices over blkif: sequential 64 KiB writes and reads (MB/s) and
random 4 KiB reads (IOPS, median latency) through blkfront and blkback on a
RAM disk served by a driver domain, each against the same done on a RAM
disk directly; and the driver domain's CPU time per request
(miniguest/apps/blktest bench mode, blkdd report mode)."""

import os

import qemu
from guestbench import run_guests

NAME = 'blkif'
DESCRIPTION = 'blkfront -> blkback on a RAM disk against the RAM disk directly; backend CPU per request'

APPS = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps')


def run(opts, figure):
    modules = [(os.path.join(APPS, 'dom0.elf'), 'name=dom0 dom0 -- disk=bench:ram:8M:dd'),
               (os.path.join(APPS, 'blkdd.elf'), 'name=dd mem=24M -- report=1'),
               (os.path.join(APPS, 'blktest.elf'), 'name=bench mem=24M -- 1 bench')]
    return run_guests(NAME, modules, opts, figure, finishers=1)
