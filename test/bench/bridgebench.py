"""TCP from a guest behind netif to the host: httpd-netif.elf behind dom0's
bridge, whose NIC is a port of it (netfront, netback, the bridge, virtio
tx, QEMU's user network), reached through a port forwarded to its fixed
address, beside the same server holding the NIC itself (httpd.elf with
--net: a driver domain's own TCP throughput to the host, the floor) in
the same run.

  guest_to_host  curl fetching the 1 MiB big.bin (MB/s, median of --reps);
                 the goal is 0.7 of the floor"""

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


def median_mbs(start, opts):
    port = httpbench.free_port()
    p = start(opts, port)
    try:
        return statistics.median(httpbench.curl_mbs(port) for _ in range(opts.reps))
    finally:
        httpbench.stop(p)


def run(opts, figure):
    if not os.path.exists(os.path.join(APPS, 'httpd-netif.elf')):
        raise MeasureError('no httpd-netif.elf: build first')
    bridged = median_mbs(start_bridged, opts)
    direct = median_mbs(httpbench.start_guest, opts)
    yield figure(NAME, 'guest_to_host', bridged, 'MB/s', direct, opts.accel, digits=2)
