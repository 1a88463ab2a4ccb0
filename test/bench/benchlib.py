"""What benchmarks share: their error, timing QEMU up to a line it prints
or until it stops, and runs of several kernels taken in turns."""

import os
import selectors
import signal
import subprocess
import time

import qemu

TIMEOUT = 60.0
STOP = None         # watch()'s key for the time QEMU stopped


class MeasureError(Exception):
    pass


def time_to_line(cmd, marker, with_output=False):
    """Milliseconds from launching cmd to the first stdout line containing
    marker; QEMU is killed as soon as it appears. With with_output, also
    the stdout seen until then."""
    times, out, _ = watch(cmd, [marker])
    return (times[marker], out) if with_output else times[marker]


def time_to_stop(cmd, markers=()):
    """Milliseconds from launching cmd to the first stdout line containing
    each of markers and to QEMU stopping (key STOP), which must be the
    hypervisor's success: a run that failed measured something else."""
    times, out, status = watch(cmd, markers, to_stop=True)
    if status != qemu.STATUS_SUCCESS:
        raise MeasureError('QEMU stopped with %s, not success; its last output:\n%s'
                           % (qemu.status_name(status), out[-1500:].strip()))
    return times


def watch(cmd, markers, to_stop=False, arrivals=None):
    """Launch cmd and time, in milliseconds from the launch, the first
    stdout line containing each of markers and, with to_stop, QEMU's exit
    (key STOP); QEMU is killed once nothing is left to time. Returns the
    times, the stdout seen and QEMU's exit status. arrivals, if a list,
    gets the time each complete stdout line arrived, in order."""
    start = time.perf_counter()
    p = _launch(cmd)
    out, err = bytearray(), bytearray()
    times = {}
    try:
        if _read(p, start, markers, times, out, err, to_stop, arrivals) and to_stop:
            p.wait(max(0.0, start + TIMEOUT - time.perf_counter()))
            times[STOP] = (time.perf_counter() - start) * 1000.0
    except subprocess.TimeoutExpired:
        pass
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        p.stdout.close()
        p.stderr.close()
    missing = [m for m in list(markers) + ([STOP] if to_stop else []) if m not in times]
    if missing:
        tail = bytes(out[-600:] + err[-600:]).decode('utf-8', 'replace').strip()
        what = ('"%s" line' % missing[0].decode()) if missing[0] is not STOP else 'stop'
        raise MeasureError('no %s within %.0f s (QEMU %s); its last output:\n%s'
                           % (what, TIMEOUT, qemu.status_name(p.returncode), tail))
    return times, bytes(out).decode('utf-8', 'replace'), p.returncode


def _launch(cmd):
    try:
        return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
    except OSError as e:
        raise MeasureError('cannot start %s: %s' % (cmd[0], e))


def _read(p, start, markers, times, out, err, to_stop, arrivals):
    """Read p's stdout into out and stderr into err, noting in times when
    each marker's line is complete, until all markers are seen (with
    to_stop: until both pipes close) or the time is up; True unless the
    time ran out."""
    with selectors.DefaultSelector() as sel:
        sel.register(p.stdout, selectors.EVENT_READ, out)
        sel.register(p.stderr, selectors.EVENT_READ, err)
        while sel.get_map() and (to_stop or len(times) < len(markers)):
            left = start + TIMEOUT - time.perf_counter()
            if left <= 0:
                return False
            for key, _ in sel.select(left):
                data = os.read(key.fd, 65536)
                now = time.perf_counter()
                if not data:
                    sel.unregister(key.fileobj)
                    continue
                key.data.extend(data)
                if key.data is out and b'\n' in data:
                    _note_lines(out, markers, times, (now - start) * 1000.0)
                    if arrivals is not None:
                        arrivals += [(now - start) * 1000.0] * data.count(b'\n')
    return True


def _note_lines(out, markers, times, ms):
    """Give ms to each marker not yet timed that a complete line of out holds."""
    complete = out[:out.rfind(b'\n')]
    for m in markers:
        if m not in times and m in complete:
            times[m] = ms


def alternate(runs, reps):
    """Run each of runs, {name: function}, once unmeasured (to warm caches),
    then reps rounds of all of them, every other round in the reverse order
    so that a slow moment of the machine hits them all alike; returns
    {name: [what its function returned, a round each]}."""
    names = list(runs)
    for name in names:
        runs[name]()
    samples = {name: [] for name in names}
    for rep in range(reps):
        for name in (names if rep % 2 == 0 else reversed(names)):
            samples[name].append(runs[name]())
    return samples
