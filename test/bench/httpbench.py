"""httpd on virtio-net (miniguest/apps/httpd), reached from the host
through QEMU's user network and a forwarded port, beside the same client
against a floor on the host in the same run: python3's threading
http.server speaking HTTP/1.1 (keep-alive, as httpd) serving the same
files from 127.0.0.1.

  guest_to_host  the driver domain's own TCP throughput to the host: curl
                 fetching the 1 MiB big.bin (MB/s, median of --reps)
  rps_cN         wrk for WRK_SECONDS with N connections (1 and 10): requests
                 per second of index.html, and the 50th/90th/99th latency
                 percentiles (us)
  listen_overflows_c10  how often the host's kernel found a listening
                 socket's accept queue full during the 10-connection run
                 (TcpExt ListenOverflows, counted host-wide): QEMU's user
                 network listens on a forwarded port with a queue of one,
                 and wrk opens its ten connections at once; those the
                 kernel turns away start up to seconds late, their first
                 requests with them (the tail of latency_c10_p99)

The floor is no bound the guest can reach (it runs under TCG, behind slirp):
it says how fast this host's client and loopback are in this run."""

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time

import benchlib
import qemu
from benchlib import MeasureError

NAME = 'http'
DESCRIPTION = 'httpd over virtio-net: curl MB/s guest->host, wrk requests/s and latency, ' \
              'beside python http.server on the host'

APPS = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps', 'httpd')
WRK_SECONDS = 5
READY = b'httpd: listening'


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def wait_ready(p, marker, timeout=benchlib.TIMEOUT):
    out = bytearray()
    deadline = time.monotonic() + timeout
    os.set_blocking(p.stdout.fileno(), False)
    while marker not in out:
        if time.monotonic() > deadline or p.poll() is not None:
            raise MeasureError('no "%s" line (%s); its last output:\n%s' % (
                marker.decode(), 'QEMU ended' if p.poll() is not None else 'timed out',
                bytes(out[-800:]).decode('utf-8', 'replace')))
        try:
            out += os.read(p.stdout.fileno(), 65536) or b''
        except BlockingIOError:
            time.sleep(0.05)


def start_guest(opts, port):
    cmd = qemu.command(modules=[(os.path.join(APPS, 'httpd.elf'), 'name=httpd mem=32M -- 80'),
                                (os.path.join(APPS, 'httpd-files.cpio'), 'initrd')],
                       accel=opts.accel) + qemu.net_args([(port, 80)])
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    wait_ready(p, READY)
    return p


FLOOR_SERVER = """
import functools, http.server, sys
http.server.SimpleHTTPRequestHandler.protocol_version = 'HTTP/1.1'
http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
http.server.SimpleHTTPRequestHandler.disable_nagle_algorithm = True
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sys.argv[2])
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), handler).serve_forever()
"""


def start_floor(port):
    p = subprocess.Popen([sys.executable, '-c', FLOOR_SERVER, str(port),
                          os.path.join(APPS, 'httpd-files.cpio.d')], stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         start_new_session=True)
    for _ in range(100):
        try:
            socket.create_connection(('127.0.0.1', port), timeout=1).close()
            return p
        except OSError:
            time.sleep(0.05)
    raise MeasureError('python3 -m http.server did not start')


def curl_mbs(port):
    r = subprocess.run(['curl', '-s', '-o', '/dev/null', '--max-time', '60', '-w',
                        '%{speed_download} %{size_download}',
                        'http://127.0.0.1:%d/big.bin' % port], capture_output=True)
    speed, size = (r.stdout.decode().split() + ['0', '0'])[:2]
    if r.returncode != 0 or int(float(size)) != 1 << 20:
        raise MeasureError('curl of big.bin: status %d, %s bytes' % (r.returncode, size))
    return float(speed) / 1e6


UNITS = {'us': 1.0, 'ms': 1e3, 's': 1e6}


def listen_overflows():
    """The host's TcpExt ListenOverflows count, or None when unreadable."""
    try:
        with open('/proc/net/netstat') as f:
            rows = [l.split() for l in f if l.startswith('TcpExt:')]
        return int(rows[1][rows[0].index('ListenOverflows')])
    except (OSError, ValueError, IndexError):
        return None


def wrk(port, conns):
    """(requests/s, {percentile: latency us}, listen overflows or None)."""
    before = listen_overflows()
    r = subprocess.run(['wrk', '-t', '1', '-c', str(conns), '-d', '%ds' % WRK_SECONDS,
                        '--latency', 'http://127.0.0.1:%d/index.html' % port],
                       capture_output=True, timeout=WRK_SECONDS + 60)
    out = r.stdout.decode('utf-8', 'replace')
    rps = re.search(r'Requests/sec:\s+([0-9.]+)', out)
    lat = {int(p): float(v) * UNITS[u] for p, v, u in
           re.findall(r'^\s+(50|90|99)%\s+([0-9.]+)(us|ms|s)\s*$', out, re.M)}
    if r.returncode != 0 or not rps or float(rps.group(1)) <= 0 or len(lat) != 3 or \
            'Non-2xx' in out or 'Socket errors' in out:
        raise MeasureError('wrk -c %d: status %d\n%s' % (conns, r.returncode, out[-800:]))
    after = listen_overflows()
    return float(rps.group(1)), lat, None if before is None or after is None else after - before


def measure(port, reps):
    got = {'mbs': statistics.median(curl_mbs(port) for _ in range(reps))}
    for c in (1, 10):
        got[c] = wrk(port, c)
    return got


def stop(p):
    os.killpg(p.pid, 9)
    p.wait()


def run(opts, figure):
    for tool in ('curl', 'wrk'):
        if not shutil.which(tool):
            raise MeasureError('%s is not installed (boot/setup installs it)' % tool)
    gport, fport = free_port(), free_port()
    guest = start_guest(opts, gport)
    try:
        g = measure(gport, opts.reps)
    finally:
        stop(guest)
    floor = start_floor(fport)
    try:
        f = measure(fport, opts.reps)
    finally:
        stop(floor)
    yield figure(NAME, 'guest_to_host', g['mbs'], 'MB/s', f['mbs'], opts.accel, digits=2)
    for c in (1, 10):
        yield figure(NAME, 'rps_c%d' % c, g[c][0], 'req/s', f[c][0], opts.accel)
        for pct in (50, 90, 99):
            yield figure(NAME, 'latency_c%d_p%d' % (c, pct), g[c][1][pct], 'us', f[c][1][pct],
                         opts.accel)
    if g[10][2] is not None and f[10][2] is not None:
        yield figure(NAME, 'listen_overflows_c10', g[10][2], 'count', f[10][2], opts.accel,
                     digits=0)
