"""The clock benchmark: how far a guest's clock drifts from the host's.

The clock guest (test/scenario/clock) sleeps 10 s by its own system time;
the host times its "start" and "slept" lines as they arrive. The drift is
the guest's seconds against the host's, in parts per million (positive: the
guest's clock runs fast); its floor is what the host's timing of lines can
resolve, the gap between two lines the guest prints back to back, in ppm
of the same interval. The calibration spread is how far the start-of-day
TSC rates of the runs lie apart, against the spread of the windows within
one boot.
"""

import os
import re
import statistics

import qemu
from benchlib import MeasureError, watch

NAME = 'clock'
DESCRIPTION = "guest clock drift against the host's over 10 s, and TSC calibration spread (ppm)"

GUEST = os.path.join(qemu.BUILD_DIR, 'test', 'scenario', 'clock.elf')
SLEEP_MS = 10000
START, SLEEPING, SLEPT = b'clock: start', b'clock: sleeping', b'clock: slept'
SLEPT_RE = re.compile(r'clock: slept ([0-9.]+) s by its own clock')
CALIB_RE = re.compile(r'TSC calibrated against the .*: ([0-9]+) kHz .*, ([0-9]+)-([0-9]+) kHz\)')


def one_run(accel):
    """(drift ppm, floor ppm, calibrated kHz, in-boot window spread ppm)."""
    cmd = qemu.command(modules=[(GUEST, 'name=clock -- ms=%d' % SLEEP_MS)], accel=accel)
    times, out, status = watch(cmd, [START, SLEEPING, SLEPT], to_stop=True)
    if status != qemu.STATUS_SUCCESS:
        raise MeasureError('the clock guest did not finish (QEMU %s)' % qemu.status_name(status))
    text = out.decode('utf-8', 'replace')
    slept, calib = SLEPT_RE.search(text), CALIB_RE.search(text)
    if not slept or not calib:
        raise MeasureError('no "slept" or calibration line in:\n%s' % text[-1500:])
    host_ms = times[SLEPT] - times[START]
    guest_ms = float(slept.group(1)) * 1000.0
    khz, lo, hi = (int(calib.group(i)) for i in (1, 2, 3))
    return ((guest_ms - host_ms) / host_ms * 1e6, (times[SLEEPING] - times[START]) / host_ms * 1e6,
            khz, (hi - lo) / khz * 1e6)


def run(opts, figure):
    if not os.path.isfile(GUEST):
        raise MeasureError('%s is missing; build it with boot/build' % GUEST)
    runs = [one_run(opts.accel) for _ in range(opts.reps)]
    drifts = [r[0] for r in runs]
    yield figure(NAME, 'drift_10s', statistics.median(drifts), 'ppm',
                 statistics.median(r[1] for r in runs), opts.accel)
    yield figure(NAME, 'drift_10s_worst', max(drifts, key=abs), 'ppm',
                 max(r[1] for r in runs), opts.accel)
    khz = [r[2] for r in runs]
    yield figure(NAME, 'calibration_spread', (max(khz) - min(khz)) / statistics.median(khz) * 1e6,
                 'ppm', statistics.median(r[3] for r in runs), opts.accel)
