"""I/O accounting with real backends: dom0 serves a virtio-blk disk by
blkback and a bridge by netback to four guests, disk (blktest: patterns
written over xvda, read back, discarded), net (nettest blast: UDP frames
of 64 and 1514 bytes, as fast as they go, at the fourth), sink (their
receiver) and idle (nettest server: its vif up, nobody talks to it).
Each guest's share of dom0's running time, by (a) the operations dom0 did
for it (events and grant operations, as top's BY-OPS% shares), by (b) the
time dom0 marked as serving it (SCHED-13), against the ground truth of the
same run: what the backends measured their requests for it cost them
(BACK_COSTS=1, miniguest/kernel/cost.h), which is their time per request
times the requests served. A frame's cost is its sender's: netback's turn
on the sender's ring copies it into the receiver's too, so the sink's
truth is what it sends (ARP, its tallies). The shares are of dom0's
running time up to the idle guest's end (the shell destroys it once the
others are done); off_pp is how far each attribution is from the truth,
in percentage points. One run (the truth is of that run)."""

import os
import re
import subprocess
import tempfile

import qemu
from benchlib import MeasureError

NAME = 'account-io'
DESCRIPTION = ("dom0's blkback and netback time shared among disk, net, sink and idle guests "
               "by operations and by marks, against measured cost (%)")

APPS = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps')
TIMEOUT = 400
DISK_MIB = 32
FRAMES = 20000
# The guests in module order after dom0: domains 1 to 4.
GUESTS = ('disk', 'net', 'sink', 'idle')
# The idle guest is destroyed then, the others done (under TCG on a loaded
# host they take 20 s); dom0 stays up after it only long enough for the
# idle guest's vif to close, so a guest still at work then is cut short.
IDLE_AFTER_MS = 60000

COST = re.compile(r'\(dom0\) (?:blkback|netback): costs: domain (\d+): (\d+) (block|network) '
                  r'requests, (\d+) ns$', re.M)
PEER = re.compile(r'\(dom0\) (?:blkback|netback): costs: peer (\d+): (\d+) ns marked, '
                  r'(\d+) operations$', re.M)
RUNNING = re.compile(r'\(dom0\) (?:blkback|netback): costs: running (\d+) ns$', re.M)
ANSWERED = re.compile(r'\(dom0\) blkback: domain (\d+): (\d+) requests answered', re.M)
FRAMES_IN = re.compile(r'\(dom0\) netback: /local/domain/0/backend/vif/(\d+)/\d+: '
                       r'the frontend closed: (\d+) frames in', re.M)
CAME = re.compile(r'\(net\) nettest: ok   blast io (\d+) B: (\d+) of (\d+) frames came', re.M)


def modules():
    script = 'sleep %d; destroy 4; sleep 2000' % IDLE_AFTER_MS
    nettest = os.path.join(APPS, 'nettest.elf')
    return [(os.path.join(APPS, 'dom0.elf'),
             "name=dom0 dom0 mem=32M -- shell '%s' disk=disk:vda vif=net vif=sink vif=idle "
             "netcost=net BACK_COSTS=1" % script),
            (os.path.join(APPS, 'blktest.elf'), 'name=disk mem=16M -- 1'),
            (nettest, 'name=net mem=16M -- ip=10.0.0.2 blast 10.0.0.1 io %d' % FRAMES),
            (nettest, 'name=sink mem=16M -- ip=10.0.0.1 sink'),
            (nettest, 'name=idle mem=16M -- ip=10.0.0.3 server')]


def costs(out):
    """{domid: {kind: (requests, ns)}} from the backends' cost lines, and
    the offset in out where the last of them ends."""
    found, end = {}, 0
    for m in COST.finditer(out):
        found.setdefault(int(m.group(1)), {})[m.group(3)] = (int(m.group(2)), int(m.group(4)))
        end = m.end()
    return found, end


def account(out, after):
    """The last account lines (after offset after): ({domid: (marked_ns,
    operations)}, running ns)."""
    runs = [m for m in RUNNING.finditer(out) if m.start() > after]
    if not runs:
        raise MeasureError("dom0 said no account after the last guest's costs")
    start = max([0] + [m.end() for m in RUNNING.finditer(out, 0, runs[-1].start())])
    peers = {int(m.group(1)): (int(m.group(2)), int(m.group(3)))
             for m in PEER.finditer(out, start, runs[-1].start())}
    return peers, int(runs[-1].group(1))


def check_counts(out, found):
    """The requests the cost lines give are the ones the backends answered
    and no fewer frames than the sink counted."""
    for m in ANSWERED.finditer(out):
        got = found.get(int(m.group(1)), {}).get('block', (None,))[0]
        if got != int(m.group(2)):
            raise MeasureError('domain %s: blkback answered %s requests, its costs say %s'
                               % (m.group(1), m.group(2), got))
    for m in FRAMES_IN.finditer(out):
        got = found.get(int(m.group(1)), {}).get('network', (None,))[0]
        if got != int(m.group(2)):
            raise MeasureError('domain %s: netback took %s frames, its costs say %s'
                               % (m.group(1), m.group(2), got))
    came = sum(int(m.group(2)) for m in CAME.finditer(out))
    sent = found.get(2, {}).get('network', (0,))[0]
    if not came or sent < came:
        raise MeasureError('the sink counted %d frames, netback took %d from net' % (came, sent))


def shares(out):
    """{guest: (truth, by operations, by marks)} in percent of dom0's
    running time, and {kind: ns per request}."""
    out = out.replace('\r', '')
    found, end = costs(out)
    for dom, kind in ((1, 'block'), (2, 'network')):
        if found.get(dom, {}).get(kind, (0, 0))[1] == 0 or found[dom][kind][0] == 0:
            raise MeasureError('no %s requests measured for domain %d (still at work when '
                               'the idle guest was destroyed?)' % (kind, dom))
    if 4 not in found:
        raise MeasureError("the idle guest's vif was not closed after the others")
    check_counts(out, found)
    peers, running = account(out, end)
    ops = sum(o for _, o in peers.values())
    if not ops or not running:
        raise MeasureError('dom0 counted no operations or never ran')
    by = {}
    for dom, name in enumerate(GUESTS, start=1):
        if dom not in peers:
            raise MeasureError('the hypervisor has no account of dom0 serving %s' % name)
        truth = sum(ns for _, ns in found.get(dom, {}).values())
        marked, o = peers[dom]
        by[name] = (100.0 * truth / running, 100.0 * o / ops, 100.0 * marked / running)
    per = {}
    for kind in ('block', 'network'):
        n = sum(k[kind][0] for k in found.values() if kind in k)
        per[kind] = sum(k[kind][1] for k in found.values() if kind in k) / n
    return by, per


def measure(opts):
    with tempfile.TemporaryDirectory(prefix='ringlet-accountio.') as tmp:
        disk = os.path.join(tmp, 'disk.img')
        with open(disk, 'wb') as f:
            f.write(bytes(DISK_MIB << 20))
        mods = modules()
        for path, _ in mods:
            if not os.path.isfile(path):
                raise MeasureError('%s is missing; build it with boot/build' % path)
        cmd = qemu.command(modules=mods, accel=opts.accel) + qemu.disk_args([disk])
        try:
            r = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise MeasureError('the guests did not finish within %d s' % TIMEOUT)
    out = r.stdout.decode('utf-8', 'replace')
    if r.returncode != qemu.STATUS_SUCCESS:
        raise MeasureError('QEMU %s; the last output:\n%s'
                           % (qemu.status_name(r.returncode), out[-1500:]))
    return out


def run(opts, figure):
    by, per = shares(measure(opts))
    yield figure(NAME, 'blkback_ns_per_request', per['block'], 'ns', None, opts.accel)
    yield figure(NAME, 'netback_ns_per_frame', per['network'], 'ns', None, opts.accel)
    for name in GUESTS:
        truth, by_ops, by_marks = by[name]
        for how, value in (('operations', by_ops), ('marks', by_marks)):
            f = figure(NAME, '%s_share_by_%s' % (name, how), value, '%', truth, opts.accel)
            f['off_pp'] = round(abs(value - truth), 1)
            yield f
