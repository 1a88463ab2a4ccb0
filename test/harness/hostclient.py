"""A program on the host that talks to a booted guest over the network
(the boot-test keys net, forward, host_client and host_client_after, see
boottest.py): QEMU gets a virtio-net device on its restricted user network
with each forwarded guest port reachable at a host port of 127.0.0.1
chosen free for this run (so that tests running side by side never share
one); once a serial line matches host_client_after the program starts,
with RINGLET_PORT (the first host port), RINGLET_PORTS ("HOST:GUEST ...")
and RINGLET_BUILD (the build directory) in its environment; when it ends,
QEMU is stopped, and its exit status is part of the verdict."""

import os
import socket
import threading

from . import proc

import qemu


def free_port():
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def net_args(guest_ports):
    """(QEMU's arguments, [(host port, guest port[, address])]) for one
    run; guest_ports holds (port, address or None)."""
    forwards = [(free_port(), g) + ((ip,) if ip else ()) for g, ip in guest_ports]
    return qemu.net_args(forwards), forwards


class HostClient:
    def __init__(self, cmd, forwards, build_dir, timeout):
        self.cmd = cmd
        self.forwards = forwards
        self.build_dir = build_dir
        self.timeout = timeout
        self.qemu = None            # its Popen, to stop it when done
        self.thread = None
        self.result = None          # proc.Run once it ended
        self.stopped_qemu = False

    def start(self):
        env = dict(os.environ, RINGLET_BUILD=self.build_dir,
                   RINGLET_PORTS=' '.join('%d:%d' % f[:2] for f in self.forwards),
                   RINGLET_PORT=str(self.forwards[0][0]) if self.forwards else '')
        cmd = [os.path.join(qemu.ROOT, self.cmd[0])] + self.cmd[1:]

        def run():
            self.result = proc.run(cmd, self.timeout, cwd=qemu.ROOT, env=env)
            if self.qemu is not None and self.qemu.poll() is None:
                self.stopped_qemu = True
                proc.kill_group(self.qemu)
        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def finish(self):
        """Waits for the program (QEMU has ended); its output."""
        if self.thread is None:
            return ''
        self.thread.join(self.timeout)
        if self.result is None:
            return '(still running)\n'
        return (self.result.stdout + self.result.stderr).decode('utf-8', 'replace')

    def verdict(self):
        """'' when the program ran and passed, else why not."""
        if self.thread is None:
            return 'no line matched host_client_after: the host client never ran'
        r = self.result
        if r is None or r.timed_out:
            return 'the host client timed out'
        if r.status != 0:
            out = (r.stdout + r.stderr).decode('utf-8', 'replace').strip().splitlines()
            return 'host client %s %s: %s' % (self.cmd[0], proc.describe_exit(r.status),
                                              out[-1] if out else 'no output')
        if not self.stopped_qemu:
            return 'QEMU ended before the host client finished'
        return ''
