"""The clock benchmark: how far a guest's clock drifts from the host's.

The clock guest (test/scenario/clock) sleeps 10 s by its own system time,
printing its system time every 250 ms; the host times the lines as they
arrive. The drift is how the host's time less the guest's changes over the
sleep, in parts per million of it (positive: the guest's clock runs fast),
taking the least offset of the first and of the last two seconds, so that
a line the busy host was slow to read does not count; its floor is what
the host's timing of lines can resolve, the gap between two lines the guest
prints back to back, in ppm of the same interval. The calibration spread is how far the start-of-day
TSC rates of the runs lie apart, against the spread of the windows within
one boot.
"""

import os
import re
import statistics
import sys

import qemu
from benchlib import MeasureError, watch

NAME = 'clock'
DESCRIPTION = "guest clock drift against the host's over 10 s, and TSC calibration spread (ppm)"

GUEST = os.path.join(qemu.BUILD_DIR, 'test', 'scenario', 'clock.elf')
SLEEP_MS = 10000
START, SLEEPING, SLEPT = b'clock: start', b'clock: sleeping', b'clock: slept'
AT_RE = re.compile(r'clock: at ([0-9]+) us')
CALIB_RE = re.compile(r'TSC calibrated against the .*: ([0-9]+) kHz .*, ([0-9]+)-([0-9]+) kHz\)')


def one_run(accel):
    """(drift ppm, floor ppm, calibrated kHz, in-boot window spread ppm)."""
    cmd = qemu.command(modules=[(GUEST, 'name=clock -- ms=%d' % SLEEP_MS)], accel=accel)
    arrivals = []
    times, out, status = watch(cmd, [START, SLEEPING, SLEPT], to_stop=True, arrivals=arrivals)
    if status != qemu.STATUS_SUCCESS:
        raise MeasureError('the clock guest did not finish (QEMU %s)' % qemu.status_name(status))
    calib = CALIB_RE.search(out)
    # The host's time of each "at" line less the guest's: a line the host
    # was slow to see only adds, so the least offset near the start and
    # near the end of the sleep are the truest.
    offsets = [(int(m.group(1)) / 1000.0, ms - int(m.group(1)) / 1000.0)
               for ms, line in zip(arrivals, out.splitlines()) for m in [AT_RE.search(line)] if m]
    if not calib or len(offsets) < 8:
        raise MeasureError('no calibration line or too few "at" lines in:\n%s' % out[-1500:])
    edge = SLEEP_MS / 5
    first = min(o for g, o in offsets if g <= edge)
    last = min(o for g, o in offsets if g >= SLEEP_MS - edge)
    span = offsets[-1][0] - offsets[0][0]
    khz, lo, hi = (int(calib.group(i)) for i in (1, 2, 3))
    # Positive: the guest's clock runs fast (the host saw less time pass).
    return (-(last - first) / span * 1e6, (times[SLEEPING] - times[START]) / span * 1e6,
            khz, (hi - lo) / khz * 1e6)


def run(opts, figure):
    if not os.path.isfile(GUEST):
        raise MeasureError('%s is missing; build it with boot/build' % GUEST)
    print('clock: %d runs of a 10 s sleep by the guest\'s clock (%s)...' % (opts.reps, opts.accel),
          file=sys.stderr)
    runs = []
    for _ in range(opts.reps):
        runs.append(one_run(opts.accel))
        print('clock: drift %+.1f ppm (host timing resolves %.1f ppm); TSC %d kHz at start of day'
              % (runs[-1][0], runs[-1][1], runs[-1][2]), file=sys.stderr)
    drifts = [r[0] for r in runs]
    yield figure(NAME, 'drift_10s', statistics.median(drifts), 'ppm',
                 statistics.median(r[1] for r in runs), opts.accel)
    yield figure(NAME, 'drift_10s_worst', max(drifts, key=abs), 'ppm',
                 max(r[1] for r in runs), opts.accel)
    khz = [r[2] for r in runs]
    yield figure(NAME, 'calibration_spread', (max(khz) - min(khz)) / statistics.median(khz) * 1e6,
                 'ppm', statistics.median(r[3] for r in runs), opts.accel)
