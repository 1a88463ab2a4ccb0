"""The store from a domain: the round trip of one read over its ring to
the server in domain 0, against a null hypercall, and writes per second,
against reads per second (miniguest/apps/xsclient, bench mode)."""

import os

import qemu
from guestbench import run_guests

NAME = 'store'
DESCRIPTION = 'store read round trip from a domU against a null hypercall (ns); writes/s against reads/s'

APPS = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps')


def run(opts, figure):
    modules = [(os.path.join(APPS, 'xenstored.elf'), 'name=xenstored dom0'),
               (os.path.join(APPS, 'xsclient.elf'), 'name=client -- bench')]
    return run_guests(NAME, modules, opts, figure, only='client', finishers=1)
