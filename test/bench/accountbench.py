"""I/O accounting: the share of the echo backend's CPU time that each of
three frontends is charged, heavy (16000 requests), light (2000) and idle
(one that connects and sends nothing, ECHO_REQUESTS=0, until the backend
closes it once the others are done), by (a) the backend's operations for it
(events and grant operations, as top's column does) and (b) the time the
backend marked as serving it, against the ground truth of the same run:
what a request costs the backend (its time answering, timed around each
batch with ECHO_COSTS=1, over all requests answered) times the requests
answered for that frontend. Shares are of the backend's running time;
each line also gives how far the attribution is from the truth, in
percentage points (off_pp). One run (the truth is of that run, so
--reps does not apply)."""

import os
import re
import subprocess

import qemu
from benchlib import MeasureError

NAME = 'account'
DESCRIPTION = "echo backend's CPU shared among 3 frontends by operations and by marks, against measured cost (%)"

APPS = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps')
TIMEOUT = 180
# Domains are numbered in module order after the backend (domain 0).
GUESTS = (('heavy', 16000), ('light', 2000), ('idle', 0))

PEER = re.compile(r'\(echoback\) echoback: costs: domain (\d+): (\d+) requests, (\d+) ns answering, '
                  r'(\d+) ns marked, (\d+) operations')
RUNNING = re.compile(r'\(echoback\) echoback: costs: running (\d+) ns')


def modules():
    mods = [(os.path.join(APPS, 'echoback.elf'), 'name=echoback dom0 -- ECHO_COSTS=1')]
    for name, requests in GUESTS:
        mods.append((os.path.join(APPS, 'echofront.elf'),
                     'name=%s -- ECHO_REQUESTS=%d' % (name, requests)))
    return mods


def served_all(out, name, requests):
    """Whether frontend name got its answers, or stayed idle to the end."""
    if requests:
        return '(%s) echofront: %d of %d answers right' % (name, requests, requests) in out
    return '(%s) echofront: idle: the backend closed; 0 requests sent' % name in out


def measure(opts):
    """One run's backend counts: ({domid: (requests, answer_ns, marked_ns,
    operations)}, the backend's running ns)."""
    mods = modules()
    for path, _ in mods:
        if not os.path.isfile(path):
            raise MeasureError('%s is missing; build it with boot/build' % path)
    cmd = qemu.command(modules=mods, accel=opts.accel)
    try:
        r = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise MeasureError('the echo guests did not finish within %d s' % TIMEOUT)
    out = r.stdout.decode('utf-8', 'replace')
    for name, requests in GUESTS:
        if not served_all(out, name, requests):
            raise MeasureError('%s did not get all its answers right or did not stay idle '
                               '(QEMU %s); the last output:\n%s'
                               % (name, qemu.status_name(r.returncode), out[-1500:]))
    running = RUNNING.search(out)
    if r.returncode != qemu.STATUS_SUCCESS or not running:
        raise MeasureError('the backend did not report its costs (QEMU %s); the last output:\n%s'
                           % (qemu.status_name(r.returncode), out[-1500:]))
    peers = {int(m.group(1)): tuple(int(g) for g in m.groups()[1:]) for m in PEER.finditer(out)}
    return peers, int(running.group(1))


def shares(peers, running):
    """{domid: (truth, by operations, by marks)} in percent of running,
    and the measured ns per request."""
    requests = sum(p[0] for p in peers.values())
    answer_ns = sum(p[1] for p in peers.values())
    ops = sum(p[3] for p in peers.values())
    if not requests or not ops or not running:
        raise MeasureError('the backend answered no requests, counted no operations or never ran')
    per_request = answer_ns / requests
    out = {}
    for dom in range(1, len(GUESTS) + 1):
        # Every frontend connected, the idle one too: each has the
        # backend's counts, none is taken as zero.
        if dom not in peers:
            raise MeasureError('the backend reported no counts for domain %d' % dom)
        req, _, marked, o = peers[dom]
        out[dom] = (100.0 * per_request * req / running, 100.0 * o / ops, 100.0 * marked / running)
    return out, per_request


def run(opts, figure):
    peers, running = measure(opts)
    by_dom, per_request = shares(peers, running)
    yield figure(NAME, 'backend_ns_per_request', per_request, 'ns', None, opts.accel)
    for dom, (name, _) in enumerate(GUESTS, start=1):
        truth, by_ops, by_marks = by_dom[dom]
        for how, value in (('operations', by_ops), ('marks', by_marks)):
            f = figure(NAME, '%s_share_by_%s' % (name, how), value, '%', truth, opts.accel)
            f['off_pp'] = round(abs(value - truth), 1)
            yield f
