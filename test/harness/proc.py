"""Running a test process: bounded in time and output, killed as a group."""

import os
import selectors
import signal
import subprocess
import threading
import time
from dataclasses import dataclass

OUTPUT_LIMIT = 8 << 20      # bytes of stdout + stderr kept before giving up

_live = set()
_live_lock = threading.Lock()


@dataclass
class Run:
    status: int             # exit status; negative: killed by that signal
    stdout: bytes
    stderr: bytes
    seconds: float
    timed_out: bool = False
    flooded: bool = False   # stopped because it printed more than OUTPUT_LIMIT
    stopped: str = ''       # why the caller's stop() ended it early, or ''


def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def kill_all():
    """Kill every process group still running (on Ctrl-C)."""
    with _live_lock:
        for proc in list(_live):
            kill_group(proc)


def _type(proc, data):
    try:
        proc.stdin.write(data)
        proc.stdin.flush()
    except OSError:
        pass                    # it stopped reading: the test will say so


def run(cmd, timeout, cwd=None, env=None, stop=None, feed=None, started=None):
    """Run cmd in its own process group with no stdin; kill the whole group
    when it outlives timeout seconds or floods its output. stop, if given,
    sees each complete line of stdout (decoded) and may end the run early by
    returning why (for a program that never exits by itself, like Xen).
    feed, if given, is (marker, data): data (bytes) goes to cmd's stdin once
    stdout has shown marker (bytes), as a person would type it; an empty
    marker types it at once, before the program has printed anything.
    started, if given, gets the Popen as soon as it runs (to stop it from
    elsewhere)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env,
                            stdin=subprocess.DEVNULL if feed is None else subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    with _live_lock:
        _live.add(proc)
    if started:
        started(proc)
    if feed and not feed[0]:
        _type(proc, feed[1])
        feed = None
    bufs = {proc.stdout: bytearray(), proc.stderr: bytearray()}
    timed_out = flooded = False
    stopped = ''
    scanned = 0                 # stdout bytes already seen by stop()
    try:
        with selectors.DefaultSelector() as sel:
            for f in bufs:
                sel.register(f, selectors.EVENT_READ)
            deadline = start + timeout
            while sel.get_map():
                left = deadline - time.monotonic()
                if left <= 0:
                    timed_out = True
                    break
                for key, _ in sel.select(left):
                    data = os.read(key.fd, 65536)
                    if not data:
                        sel.unregister(key.fileobj)
                        continue
                    bufs[key.fileobj] += data
                    if feed and key.fileobj is proc.stdout and feed[0] in bufs[proc.stdout]:
                        _type(proc, feed[1])
                        feed = None
                    if stop and key.fileobj is proc.stdout:
                        stopped, scanned = _scan(bufs[proc.stdout], scanned, stop)
                        if stopped:
                            break
                if stopped:
                    break
                if sum(len(b) for b in bufs.values()) > OUTPUT_LIMIT:
                    flooded = True
                    break
        if stopped:
            kill_group(proc)
        elif not (timed_out or flooded):
            try:
                proc.wait(max(0.5, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                timed_out = True    # closed its output but kept running
        if timed_out or flooded:
            kill_group(proc)
        status = proc.wait()
    finally:
        if proc.poll() is None:     # interrupted: leave nothing behind
            kill_group(proc)
            proc.wait()
        with _live_lock:
            _live.discard(proc)
        for f in bufs:
            f.close()
        if proc.stdin:
            try:
                proc.stdin.close()
            except OSError:
                pass
    return Run(status, bytes(bufs[proc.stdout]), bytes(bufs[proc.stderr]),
               time.monotonic() - start, timed_out, flooded, stopped)


def _scan(buf, scanned, stop):
    """Offer stop() the complete lines of buf after offset scanned; return
    (its answer or '', the offset of the first line not offered yet)."""
    while True:
        end = buf.find(b'\n', scanned)
        if end < 0:
            return '', scanned
        line = buf[scanned:end].decode('utf-8', 'replace').rstrip('\r')
        scanned = end + 1
        why = stop(line)
        if why:
            return why, scanned


def describe_exit(status):
    if status < 0:
        try:
            return 'killed by %s' % signal.Signals(-status).name
        except ValueError:
            return 'killed by signal %d' % -status
    return 'exited with status %d' % status
