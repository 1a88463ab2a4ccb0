"""What benchmarks share: their error and timing QEMU up to a line it prints."""

import os
import selectors
import signal
import subprocess
import time

import qemu

TIMEOUT = 60.0


class MeasureError(Exception):
    pass


def time_to_line(cmd, marker, with_output=False):
    """Milliseconds from launching cmd to the first stdout line containing
    marker; QEMU is killed as soon as it appears. With with_output, also
    the stdout seen until then."""
    start = time.perf_counter()
    try:
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, start_new_session=True)
    except OSError as e:
        raise MeasureError('cannot start %s: %s' % (cmd[0], e))
    out = bytearray()
    err = bytearray()
    found = None
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(p.stdout, selectors.EVENT_READ, out)
            sel.register(p.stderr, selectors.EVENT_READ, err)
            while sel.get_map() and found is None:
                left = start + TIMEOUT - time.perf_counter()
                if left <= 0:
                    break
                for key, _ in sel.select(left):
                    data = os.read(key.fd, 65536)
                    now = time.perf_counter()
                    if not data:
                        sel.unregister(key.fileobj)
                        continue
                    key.data.extend(data)
                    if key.data is out and b'\n' in data:
                        complete = out[:out.rfind(b'\n')]
                        if any(marker in line for line in complete.split(b'\n')):
                            found = now
                            break
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        p.stdout.close()
        p.stderr.close()
    if found is None:
        tail = bytes(out[-600:] + err[-600:]).decode('utf-8', 'replace').strip()
        raise MeasureError('no "%s" line within %.0f s (QEMU %s); its last output:\n%s'
                           % (marker.decode(), TIMEOUT, qemu.status_name(p.returncode), tail))
    ms = (found - start) * 1000.0
    return (ms, bytes(out).decode('utf-8', 'replace')) if with_output else ms
