"""Guests talking over netif: TCP echo throughput (MB/s each way, 10 MiB)
and UDP round trip of a 4-byte datagram (us) between two guests on dom0's
netback bridge, each against the same over loopback inside the client
(the network stack without rings, copies and the bridge: the floor); then
the interdomain event round trip (pingpong), the floor of any round trip
between two domains (miniguest/apps/nettest bench mode)."""

import os

import pingpongbench
import qemu
from guestbench import run_guests

NAME = 'netpv'
DESCRIPTION = 'guest-to-guest TCP and UDP over netback, against loopback; event round trip'

APPS = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps')


def run(opts, figure):
    nettest = os.path.join(APPS, 'nettest.elf')
    modules = [(os.path.join(APPS, 'dom0.elf'), 'name=dom0 dom0 mem=24M -- vif=server vif=client'),
               (nettest, 'name=server mem=16M -- ip=10.0.0.1 server'),
               (nettest, 'name=client mem=24M -- ip=10.0.0.2 client 10.0.0.1 10 bench')]
    yield from run_guests(NAME, modules, opts, figure, timeout=300, finishers=2)
    yield from run_guests(NAME, [(pingpongbench.GUEST, 'name=server -- server'),
                                 (pingpongbench.GUEST, 'name=client -- client')], opts, figure)
