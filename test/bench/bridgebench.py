"""TCP from a guest behind netif to the host: httpd-netif.elf behind dom0's
bridge, whose NIC is a port of it (netfront, netback, the bridge, virtio
tx, QEMU's user network), reached through a port forwarded to its fixed
address, beside the same server holding the NIC itself (httpd.elf with
--net: a driver domain's own TCP throughput to the host, the floor) in
the same run. Both machines run side by side and each round fetches from
one, then the other, so that a load on the host weighs on both alike.

  guest_to_host  curl fetching the 1 MiB big.bin (MB/s, median of --reps
                 rounds); the goal is 0.7 of the floor"""

import os
import statistics
import subprocess

import httpbench
import qemu
from benchlib import MeasureError

NAME = 'bridge'
DESCRIPTION = 'httpd behind netif and dom0\'s bridge: curl MB/s guest->host, beside httpd ' \
              'on the NIC itself'

APPS = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps')
ADDRESS = qemu.bridged_ip(0)


def start_bridged(opts, port):
    modules = [(os.path.join(APPS, 'dom0.elf'), 'name=dom0 dom0 mem=24M -- vif=web'),
               (os.path.join(APPS, 'httpd-netif.elf'), 'name=web mem=32M -- 80 ip=' + ADDRESS),
               (os.path.join(APPS, 'httpd', 'httpd-files.cpio'), 'initrd')]
    cmd = qemu.command(modules=modules, accel=opts.accel) + \
        qemu.net_args([(port, 80, ADDRESS)])
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    httpbench.wait_ready(p, httpbench.READY)
    return p


def run(opts, figure):
    if not os.path.exists(os.path.join(APPS, 'httpd-netif.elf')):
        raise MeasureError('no httpd-netif.elf: build first')
    bport, dport = httpbench.free_port(), httpbench.free_port()
    bridged = start_bridged(opts, bport)
    try:
        direct = httpbench.start_guest(opts, dport)
        try:
            rounds = [(httpbench.curl_mbs(bport), httpbench.curl_mbs(dport))
                      for _ in range(opts.reps)]
        finally:
            httpbench.stop(direct)
    finally:
        httpbench.stop(bridged)
    yield figure(NAME, 'guest_to_host', statistics.median(b for b, _ in rounds), 'MB/s',
                 statistics.median(d for _, d in rounds), opts.accel, digits=2)
