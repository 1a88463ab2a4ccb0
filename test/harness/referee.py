"""The referee: the conformance guests and the miniguest programs booted on
the reference Xen too.

Every boot test declared under test/conformance/ or test/miniguest/ gets a
counterpart named xen/<directory>/<section> (xen/conformance/hello,
xen/miniguest/libc): the same guest ELF booted as dom0 of the reference Xen
(Debian's Xen 4.17 with CONFIG_PV32=y, built once by
boot/xen/build-reference and cached in build/xen-ref/) under
qemu-system-x86_64, through boot/qemu.py's xen_command. It is judged as on
ringlet: the last "Test result: WORD" line decides, SKIP skips, and no such
line is a CRASH. Xen never ends QEMU itself, so QEMU is stopped as soon as
the result line appears, when Xen reports that dom0 halted or crashed (no
result: a CRASH), or at the test's timeout (a CRASH).

The module's command line is ringlet's: its domain options have no
counterpart on Xen except mem=SIZE, which becomes Xen's dom0_mem=SIZE
(without it, ringlet's default, so that dom0 gets the memory the domain gets
on ringlet rather than nearly all of the machine's); the guest's own command
line (after "--") becomes dom0's. A module whose command line is "initrd",
right after the guest's, is the guest's initrd on ringlet; Xen reads the
same list the same way (the module after dom0's kernel is its initrd), so
both go to Xen in that order. The test's hypervisor command line (cmdline)
and boot path (kernel or iso) are ringlet's alone.

A test judged by ringlet's log lines (a guest being destroyed, an exit
status) is judged on Xen by its xen_expect_regex lines, which Xen's serial
log must show. A line to type (serial_input) is typed the same way: Xen hands
serial input to dom0.

Some tests have no counterpart and are reported as skipped on Xen, with the
reason: those that boot several guests (Xen builds only dom0 at boot; the
others would need a toolstack), those judged by log lines that give no
xen_expect_regex, and those whose section says "referee = skip: WHY".
"""

import os
import re
import selectors
import shlex
import shutil
import signal
import subprocess
import time

from . import boottest, proc
from .result import FAIL, PASS, SKIP, Result

import qemu                 # boot/ is on sys.path (test/runner.py puts it there)

REFEREED_DIRS = ('conformance', 'miniguest')    # under test/: the tests that get a counterpart
PREFIX = 'xen/'
BUILD_REFERENCE = os.path.join(qemu.ROOT, 'boot', 'xen', 'build-reference')
BUILD_TIMEOUT = 3600                # seconds; build-reference bounds each step itself
RETRY = 'retry: boot/xen/build-reference, or leave the referee runs out: test/run --no-referee'

SEVERAL_DOMAINS = 'needs several domains; no toolstack on the referee'
LOG_LINES = 'expects a ringlet log line'
INITRD_PLACE = 'its initrd is not the one module right after the guest, where Xen takes it'
DISKS = "needs disks (the disk key), which the referee's machine does not attach"
NET = "needs the network device (net, forward), which the referee's machine lacks"
INITRD = 'initrd'               # the whole command line of a module that is an initrd


def refereed(test_name):
    """Whether a boot test of this name gets a counterpart on Xen."""
    return test_name.startswith(tuple(d + '/' for d in REFEREED_DIRS))


def why_not(test):
    """Why a BootTest cannot run on the referee, or None when it can."""
    if test.referee_skip:
        return test.referee_skip
    if test.disks:
        return DISKS
    if test.net:
        return NET
    guests = [m for m in test.modules if m[1] != INITRD]
    if len(guests) > 1:
        return SEVERAL_DOMAINS
    if test.status is not None and not test.xen_regexes:
        return LOG_LINES
    if not guests:
        return 'boots no guest'
    if test.modules[0] != guests[0] or len(test.modules) > 2:
        return INITRD_PLACE
    if test.kernel != 'hv/ringlet.elf':
        return 'boots its own kernel (%s), not a guest' % test.kernel
    return None


def xen_args(module_cmdline):
    """Translate a ringlet module command line for Xen: (dom0's command
    line, dom0's memory: mem=SIZE's, else what ringlet gives a domain)."""
    own, sep, guest = module_cmdline.partition('--')
    if not sep:
        own, guest = module_cmdline, ''
    mem = qemu.XEN_DOM0_MEM
    for word in own.split():
        key, eq, value = word.partition('=')
        if key == 'mem' and eq and value:
            mem = value
    return ' '.join(guest.split()), mem


class XenTest:
    """One guest booted as dom0 of the reference Xen."""

    def __init__(self, test):
        self.test = test
        self.name = PREFIX + test.name
        self.logs = test.logs
        self.skip = why_not(test)
        self.xen = None             # the Xen image, once prepare() found it
        self.unavailable = None     # ... or why there is none

    def needs_xen(self):
        return self.skip is None

    def wanted(self):
        return True

    def listing(self):
        return self.name + (' (skipped: %s)' % self.skip if self.skip else '')

    def run(self):
        if self.skip:
            return boottest.outcome(self.logs, Result(self.name, SKIP, 0.0, self.skip), '')
        cmd, problem = self._command()
        if problem is not None:
            return boottest.outcome(self.logs, Result(self.name, FAIL, 0.0, problem),
                                    'no QEMU run\n')
        return self._boot(cmd)

    def _command(self):
        """The QEMU command, or a reason why there is none."""
        if self.unavailable:
            return None, self.unavailable
        if self.xen is None:
            return None, 'no reference Xen was prepared (a bug in the test runner)'
        paths = [os.path.join(self.test.build_dir, m) for m, _ in self.test.modules]
        for (module, _), path in zip(self.test.modules, paths):
            if not os.path.isfile(path):
                return None, 'module build/%s does not exist (not built?)' % module
        if shutil.which(qemu.XEN_QEMU) is None:
            return None, '%s is not installed (boot/setup installs Debian\'s ' \
                'qemu-system-x86)' % qemu.XEN_QEMU
        guest_args, dom0_mem = xen_args(self.test.modules[0][1])
        # The initrd, if any, follows with no command line: Xen reads none.
        modules = [(paths[0], guest_args)] + [(p, '') for p in paths[1:]]
        try:
            return qemu.xen_command(self.xen, modules, mem=_machine_mem(self.test.mem),
                                    cpu=self.test.cpu, dom0_mem=dom0_mem), None
        except qemu.QemuError as e:
            return None, str(e)

    def _boot(self, cmd):
        by_regex = bool(self.test.xen_regexes)

        def stop(line):
            # A test judged by its lines may print more after a result.
            if not by_regex and boottest.RESULT_LINE.search(line):
                return 'the guest printed its result'
            if qemu.XEN_DOM0_ENDED.search(line):
                return 'Xen said: ' + line.strip()
            return ''

        # Xen hands serial input to dom0 unless told otherwise.
        feed = (self.test.serial_input_after, self.test.serial_input) \
            if self.test.serial_input else None
        r = proc.run(cmd, self.test.timeout, cwd=qemu.ROOT, stop=stop, feed=feed)
        serial = r.stdout.decode('utf-8', 'replace').replace('\r\n', '\n').replace('\r', '\n')
        lines = serial.splitlines()
        stopped = None
        if r.timed_out:
            stopped = 'timed out after %g s' % self.test.timeout
        elif r.flooded:
            stopped = 'printed more than %d MiB' % (proc.OUTPUT_LIMIT >> 20)
        ending = r.stopped if r.stopped.startswith('Xen said') else \
            'QEMU %s' % qemu.status_name(r.status)
        if by_regex:
            outcome, reason, verdict = judge_lines(self.test.xen_regexes, lines, stopped)
        else:
            outcome, reason, verdict = boottest.judge_result(lines, stopped, ending)
        how = 'was killed: timed out' if r.timed_out else \
            'was stopped: %s' % r.stopped if r.stopped else \
            'ended: %s' % qemu.status_name(r.status)
        log = '# referee run %s: %s on the reference Xen\n# %s\n# QEMU %s%s\n' % (
            self.name, self.test.name, shlex.join(cmd), how,
            ' (the test runner stopped it: too much output)' if r.flooded else '')
        log += serial + ('' if serial.endswith('\n') or not serial else '\n')
        err = r.stderr.decode('utf-8', 'replace')
        if err.strip():
            log += '# QEMU stderr:\n' + err
        res = Result(self.name, outcome, r.seconds, reason, lines[-boottest.LOG_TAIL:],
                     verdict=verdict)
        if err.strip():
            res.details += ['(QEMU) ' + l for l in err.splitlines() if l.strip()][-5:]
        return boottest.outcome(self.logs, res, log)


def judge_lines(regexes, lines, stopped):
    """A run judged by xen_expect_regex: (outcome, reason, no verdict word)."""
    if stopped:
        return FAIL, stopped, ''
    missing = boottest.first_unmatched(regexes, lines)
    if missing:
        return FAIL, 'no line matches /%s/' % missing, ''
    return PASS, '', ''


def _machine_mem(mem):
    """QEMU's -m for Xen: the test's, but never below what Xen wants."""
    default = _mib(qemu.XEN_DEFAULT_MEM)
    want = _mib(mem)
    return mem if want is not None and want > default else qemu.XEN_DEFAULT_MEM


def _mib(size):
    units = {'': 1, 'M': 1, 'G': 1024, 'T': 1024 * 1024}
    size = size.strip().upper().rstrip('B')
    number, unit = size.rstrip('MGT'), size[len(size.rstrip('MGT')):]
    try:
        return float(number) * units[unit]
    except (ValueError, KeyError):
        return None


def prepare(jobs, say):
    """Make sure the reference Xen is built, running boot/xen/build-reference
    (which does nothing when build/xen-ref/ holds a build), and tell every Xen
    job which image to boot, or why there is none. say(line) prints.
    Returns (the image or None, why there is none or None)."""
    needy = [j for j in jobs if isinstance(j, XenTest) and j.needs_xen()]
    if not needy:
        return None, None
    start = time.monotonic()
    ok, last = _build_reference(say)
    xen = qemu.newest_xen() if ok else None
    why = None
    if xen is None:
        why = 'boot/xen/build-reference: %s' % (
            (last or 'failed') if not ok else 'succeeded but left no build/xen-ref/*/xen')
        say('referee: no reference Xen (%s), so the %d xen/... test(s) fail' % (why, len(needy)))
        say('referee: %s' % RETRY)
    elif time.monotonic() - start > 5:
        say('referee: the reference Xen is ready after %.0f s; later runs reuse it'
            % (time.monotonic() - start))
    for j in needy:
        j.xen = xen
        if why:
            j.unavailable = 'no reference Xen (%s); %s' % (why, RETRY)
    return xen, why


def _build_reference(say):
    """Run boot/xen/build-reference, relaying its lines as they come.
    Returns (whether it succeeded, its last error line or '')."""
    try:
        child = subprocess.Popen([BUILD_REFERENCE], stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 start_new_session=True)
    except OSError as e:
        return False, 'cannot run it: %s' % e
    last, pending = '', b''
    deadline = time.monotonic() + BUILD_TIMEOUT
    timed_out = False
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(child.stdout, selectors.EVENT_READ)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    timed_out = True
                    break
                if not sel.select(left):
                    continue
                data = os.read(child.stdout.fileno(), 65536)
                if not data:
                    break
                pending += data
                *done, pending = pending.split(b'\n')
                for raw in done:
                    line = raw.decode('utf-8', 'replace').rstrip()
                    say(line)
                    if 'error:' in line:
                        last = re.sub(r'\s*\(see above[^)]*\)', '',
                                      line.split('error:', 1)[1]).strip()
        if pending.strip():
            say(pending.decode('utf-8', 'replace').rstrip())
        if timed_out:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            return False, 'gave up after %d s' % BUILD_TIMEOUT
        return child.wait() == 0, last
    finally:
        if child.poll() is None:        # interrupted: leave nothing behind
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        child.stdout.close()
