"""Boot tests: QEMU boots the hypervisor (or another kernel) and the serial
log and QEMU's exit status decide. They are declared in test/**/*.tests,
INI files with one section per test:

    [selftest-kernel]
    boot = kernel
    cmdline = selftest
    expect = result

  boot          kernel (QEMU -kernel, Multiboot1; the default) or iso (GRUB2)
  cmdline       the hypervisor command line (default empty)
  cmdline_file  ... or a file under build/ holding it (for generated ones)
  kernel        the Multiboot kernel, under build/ (default hv/ringlet.elf)
  modules       one module per line: its path under build/, then its command line
  timeout       seconds before QEMU is killed and the test fails (default 30)
  mem           guest RAM as QEMU's -m takes it (default 256M)
  cpu           QEMU's -cpu model (default max), e.g. qemu64,-apic for no APIC
  qemu_args     more QEMU arguments, split at spaces, e.g. devices:
                -blockdev driver=null-co,node-name=d0 -device virtio-blk-pci,drive=d0
  serial_input  a line typed on the serial console once the hypervisor is ready
                (more lines: one each), in Python's backslash escapes as
                expect_bytes (\\x1b[A the up arrow, \\x7f backspace)
  serial_input_after  ... or once a line containing this text appears
                (empty: at once, before the machine has started)
  expect        "result": XTF style, the last "Test result: X" line decides
                (SUCCESS passes, SKIP skips, anything else or none fails)
  expect_regex  otherwise: one regex per line, each must match some log line
  expect_status ... and QEMU's end: success (33), failure (35) or reset (0)
  expect_bytes  with expect_status: one string per line, in Python's
                backslash escapes (\n \r \xc3 \\), that must appear byte for
                byte in the serial output (the serial line's \r\n read as \n,
                a lone \r kept)
  reject_regex  one regex per line that no log line may match (e.g. the
                hypervisor's warnings, "^\[ *[0-9.]+\] [WE] "), with either
                way of judging
  referee       "skip: WHY": under test/conformance/ and test/miniguest/ only,
                do not run this guest on the reference Xen, and say why
                (see referee.py)
  host_interval  with expect_regex: the host's time between two log lines
                over a duration the guest printed must lie within a ratio
                (harness/interval.py), for clock tests
  xen_expect_regex  for a test judged by expect_regex/expect_status: how its
                run on the reference Xen is judged instead, one regex per
                line, each must match some line of Xen's serial log (the
                guest's output and Xen's own words, e.g. "Hardware Dom0
                crashed"); without it such a test is skipped on Xen

  disk          one raw disk image a line, made afresh for each run in a
                temporary directory and attached as a virtio-blk-pci disk
                (boot/qemu.py's fixed slots: the first at 00:10.0, vda):
                SIZE (e.g. 1M: zeros) or "mkdisk DIR [SIZE]" (boot/mkdisk
                of DIR, under the repository), then optionally "qcow2"
                (the image made into QEMU's qcow2 format and opened with
                cache=none, so that writes a guest never flushed are lost
                when QEMU is killed; host_check still gets raw images) and
                "device=OPTS", more virtio-blk-pci options (packed=on)
  reboot_modules  with disk: the first boot must end with the hypervisor's
                success (QEMU status 33); then a second boot (a new QEMU)
                on the same images with these modules instead is judged
                by the test's expectations (e.g. data written in one boot
                read back in the next)
  kill_after_regex  with reboot_modules: QEMU's first boot is killed with
                SIGKILL as soon as a line matches this regex (no flush,
                no clean exit: a power cut after what the guest said); the
                first boot then passes when the line came, and fails if
                QEMU ended or timed out before it
  host_check    a program under the repository (and its arguments) run on
                the host after a run that passed, with the name of a file
                holding the serial output as its last argument: it must
                exit 0 (e.g. checking a disk image the guest
                dumped); what it prints goes to the log. With disk, its
                environment's RINGLET_DISKS holds the images' paths in
                disk-line order, separated by ':' (after the reboot, with
                reboot_modules), e.g. for e2fsck -fn
  net           "on": a virtio-net device on QEMU's restricted user network
                (boot/qemu.py's net_args: 00:17.0) for the privileged domain
  forward       guest TCP ports, separated by spaces, each reachable from a
                port of 127.0.0.1 chosen free for the run (implies net);
                PORT@10.0.2.N forwards to that address instead of 10.0.2.15
                (a guest behind dom0's bridge with ip=10.0.2.N)
  host_client   a program under the repository (and its arguments) started
                on the host while the guest runs, once a line matches
                host_client_after; it reaches the forwarded ports through
                RINGLET_PORT / RINGLET_PORTS (harness/hostclient.py); when
                it ends QEMU is stopped: the test then needs
                expect_status = stopped, passes only when the program exited
                0, and its output goes to the log

Lines starting with # or ; are comments; a [DEFAULT] section gives defaults.

A test is named <directory under test/>/<section>, e.g. boot/selftest-kernel.
Every test under test/conformance/ and test/miniguest/ also has a
counterpart on the reference Xen named xen/<directory>/<section>, e.g.
xen/conformance/hello: the same guest (and its initrd) booted as Xen's dom0
(harness/referee.py). Tests that boot several guests, expect log lines
rather than a result (unless xen_expect_regex says how to judge them on
Xen), or say "referee = skip: WHY" are reported as skipped there, with the
reason.
"""

import codecs
import configparser
import os
import re
import tempfile
import time

from . import hostclient, interval, proc, qcow2
from .result import FAIL, PASS, SKIP, JobOutcome, Result

import iso as isolib        # boot/ is on sys.path (test/runner.py puts it there)
import qemu

KEYS = {'boot', 'cmdline', 'cmdline_file', 'kernel', 'modules', 'timeout', 'mem', 'cpu',
        'qemu_args',
        'serial_input', 'serial_input_after', 'expect',
        'expect_regex', 'expect_status', 'referee', 'xen_expect_regex', 'host_interval',
        'reject_regex', 'icount', 'expect_bytes', 'host_check', 'disk', 'reboot_modules',
        'kill_after_regex', 'net', 'forward', 'host_client', 'host_client_after'}
SIZE = re.compile(r'[0-9]+[KMG]?')
STATUSES = {'success': qemu.STATUS_SUCCESS, 'failure': qemu.STATUS_FAILURE,
            'reset': qemu.STATUS_RESET, 'stopped': -9}
SERIAL_INPUT_AFTER = 'ringlet: ready'      # typed input waits for a ready UART
RESULT_LINE = re.compile(r'Test result: (SUCCESS|SKIP|ERROR|FAILURE)\b(.*)')
LOG_TAIL = 20


class TestFileError(Exception):
    pass


def find_files(test_dir):
    found = []
    for dirpath, dirnames, filenames in os.walk(test_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith('.') and d != 'harness')
        found += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith('.tests')]
    return found


def load(path, test_dir, build_dir, logs):
    """The BootTests of one .tests file; TestFileError when it is malformed."""
    cp = configparser.ConfigParser(interpolation=None, comment_prefixes=('#', ';'),
                                   inline_comment_prefixes=None, strict=True)
    try:
        with open(path) as f:
            cp.read_file(f)
    except (OSError, configparser.Error) as e:
        raise TestFileError(str(e).replace('\n', ' '))
    prefix = os.path.relpath(os.path.dirname(path), test_dir)
    tests = []
    for section in cp.sections():
        name = section if prefix == '.' else prefix + '/' + section
        if not re.match(r'^[A-Za-z0-9_.+-]+$', section):
            raise TestFileError('[%s]: use letters, digits and _.+- in test names' % section)
        tests.append(BootTest(name, dict(cp[section]), build_dir, logs))
    return tests


class BootTest:
    def __init__(self, name, spec, build_dir, logs):
        self.name = name
        self.build_dir = build_dir
        self.logs = logs
        unknown = set(spec) - KEYS
        if unknown:
            self._bad('unknown key(s) %s (known: %s)' % (', '.join(sorted(unknown)),
                                                        ', '.join(sorted(KEYS))))
        self.boot = spec.get('boot', 'kernel').strip()
        if self.boot not in ('kernel', 'iso'):
            self._bad('boot = %s: use kernel or iso' % self.boot)
        self.cmdline = ' '.join(spec.get('cmdline', '').split())
        self.cmdline_file = spec.get('cmdline_file', '').strip()
        if self.cmdline and self.cmdline_file:
            self._bad('give cmdline or cmdline_file, not both')
        self.kernel = spec.get('kernel', 'hv/ringlet.elf').strip()
        self.modules = _modules(spec.get('modules', ''))
        self.reboot_modules = _modules(spec.get('reboot_modules', ''))
        self.disks = [self._disk(line) for line in spec.get('disk', '').splitlines()
                      if line.strip()]
        if self.reboot_modules and not self.disks:
            self._bad('reboot_modules needs a disk to carry something from one boot to the next')
        kill = spec.get('kill_after_regex', '').strip()
        if kill and not self.reboot_modules:
            self._bad('kill_after_regex needs reboot_modules: the second boot judges what was left')
        try:
            self.kill_after = re.compile(kill) if kill else None
        except re.error as e:
            self._bad('kill_after_regex = %s: %s' % (kill, e))
        try:
            self.timeout = float(spec.get('timeout', '30'))
        except ValueError:
            self._bad('timeout = %s is not a number of seconds' % spec['timeout'])
        self.mem = spec.get('mem', qemu.DEFAULT_MEM).strip()
        self.cpu = spec.get('cpu', qemu.DEFAULT_CPU).strip()
        self.qemu_args = spec.get('qemu_args', '').split()
        icount = spec.get('icount', 'off').strip()
        if icount not in ('on', 'off'):
            self._bad('icount = %s: on or off' % icount)
        self.icount = icount == 'on'
        text = spec.get('serial_input')
        self.serial_input = None
        if text is not None:
            try:
                self.serial_input = codecs.escape_decode((text.strip() + '\n').encode())[0]
            except ValueError as e:
                self._bad('serial_input: %s' % e)
        self.serial_input_after = spec.get('serial_input_after', SERIAL_INPUT_AFTER).strip().encode()
        self.expect = spec.get('expect', '').strip()
        self.regexes = self._regexes(spec, 'expect_regex')
        self.xen_regexes = self._regexes(spec, 'xen_expect_regex')
        self.interval = None
        if 'host_interval' in spec:
            try:
                self.interval = interval.parse(spec['host_interval'])
            except ValueError as e:
                self._bad(str(e))
        self.rejects = self._regexes(spec, 'reject_regex')
        self.host_check = spec.get('host_check', '').split()
        self._net(spec)
        self.expect_bytes = []
        for line in spec.get('expect_bytes', '').splitlines():
            if line.strip():
                try:
                    self.expect_bytes.append(codecs.escape_decode(line.strip())[0])
                except ValueError as e:
                    self._bad('expect_bytes %r: %s' % (line.strip(), e))
        status = spec.get('expect_status', '').strip()
        if self.expect:
            if self.expect != 'result':
                self._bad('expect = %s: the only value is "result"' % self.expect)
            if self.regexes or status:
                self._bad('expect = result decides alone; drop expect_regex/expect_status')
            self.status = None
        else:
            if status not in STATUSES:
                self._bad('say expect = result, or expect_status = %s (with expect_regex '
                          'if you like)' % '|'.join(STATUSES))
            self.status = STATUSES[status]
        referee = ' '.join(spec.get('referee', '').split())
        self.referee_skip = None        # why the referee must not run it
        if referee:
            word, colon, why = referee.partition(':')
            if word.strip() != 'skip' or not colon or not why.strip():
                self._bad('referee = %s: the only value is "skip: <why it cannot run '
                          'on Xen>"' % referee)
            self.referee_skip = why.strip()
        if self.xen_regexes and self.status is None:
            self._bad('xen_expect_regex is for tests judged by log lines; with expect = '
                      'result the result line decides on Xen too')
        if self.expect_bytes and self.status is None:
            self._bad('expect_bytes goes with expect_status, not expect = result')
        if self.interval and self.status is None:
            self._bad('host_interval goes with expect_regex/expect_status, not expect = result')

    def _net(self, spec):
        self.forwards = []          # (host port, guest port) of the run
        net = spec.get('net', '').strip()
        if net not in ('', 'on'):
            self._bad('net = %s: the only value is "on"' % net)
        try:
            self.forward = [(int(p.partition('@')[0]), p.partition('@')[2] or None)
                            for p in spec.get('forward', '').split()]
        except ValueError:
            self._bad('forward = %s: guest port numbers' % spec['forward'])
        for _, ip in self.forward:
            if ip and not qemu.net_address_ok(ip):
                self._bad('forward = %s: %s is no address of QEMU\'s network 10.0.2.0/24'
                          % (spec['forward'], ip))
        self.net = net == 'on' or bool(self.forward)
        self.host_client = spec.get('host_client', '').split()
        after = spec.get('host_client_after', '').strip()
        if bool(self.host_client) != bool(after):
            self._bad('host_client and host_client_after go together')
        if self.host_client and not self.net:
            self._bad('host_client needs the network (net or forward)')
        stopped = spec.get('expect_status', '').strip() == 'stopped'
        if stopped != bool(self.host_client):
            self._bad('expect_status = stopped goes with host_client (which stops QEMU)')
        try:
            self.client_after = re.compile(after) if after else None
        except re.error as e:
            self._bad('host_client_after = %s: %s' % (after, e))

    def _regexes(self, spec, key):
        regexes = []
        for line in spec.get(key, '').splitlines():
            if line.strip():
                try:
                    regexes.append(re.compile(line.strip()))
                except re.error as e:
                    self._bad('%s %r: %s' % (key, line.strip(), e))
        return regexes

    def _disk(self, line):
        """(size or None, mkdisk dir or None, device options, qcow2 or not)
        of a disk line."""
        words = line.split()
        device = ''
        if words and words[-1].startswith('device='):
            device = words.pop()[len('device='):]
        qcow = words[-1:] == ['qcow2']
        if qcow:
            words.pop()
        if len(words) == 1 and SIZE.fullmatch(words[0]):
            return words[0], None, device, qcow
        if words[:1] == ['mkdisk'] and len(words) in (2, 3) and \
                (len(words) == 2 or SIZE.fullmatch(words[2])):
            return (words[2] if len(words) == 3 else None), words[1], device, qcow
        self._bad('disk = %s: SIZE or mkdisk DIR [SIZE], then qcow2 and device=OPTIONS if any'
                  % line.strip())

    def _make_disks(self, tmp):
        """The images of the disk lines under tmp: (paths, None) or (None, why)."""
        paths = []
        for i, (size, src, _, qcow) in enumerate(self.disks):
            path = os.path.join(tmp, 'disk%d.img' % i)
            if src is None:
                n = int(size.rstrip('KMG')) << {'K': 10, 'M': 20, 'G': 30}.get(size[-1], 0)
                with open(path, 'wb') as f:
                    f.truncate(n)
            else:
                cmd = [os.path.join(qemu.ROOT, 'boot', 'mkdisk'),
                       os.path.join(qemu.ROOT, src), path] + ([size] if size else [])
                r = proc.run(cmd, 60, cwd=qemu.ROOT)
                if r.status != 0:
                    return None, 'boot/mkdisk %s failed: %s' % (src, r.stderr.decode(
                        'utf-8', 'replace').strip()[-200:])
            if qcow:
                qcow2.from_raw(path, path[:-len('.img')] + '.qcow2')
                path = path[:-len('.img')] + '.qcow2'
            paths.append(path)
        return paths, None

    def _bad(self, why):
        raise TestFileError('[%s]: %s' % (self.name.rsplit('/', 1)[-1], why))

    def wanted(self):
        return True

    def listing(self):
        return self.name

    def _path(self, p):
        return os.path.join(self.build_dir, p)

    def _command(self, modules, disks):
        """The QEMU command, or a reason why there is none."""
        for what, p in [('kernel', self.kernel)] + [('module', m) for m, _ in modules] + \
                ([('cmdline_file', self.cmdline_file)] if self.cmdline_file else []):
            if not os.path.isfile(self._path(p)):
                return None, '%s build/%s does not exist (not built?)' % (what, p)
        cmdline = self.cmdline
        if self.cmdline_file:
            with open(self._path(self.cmdline_file), errors='replace') as f:
                cmdline = f.read().strip()
        modules = [(self._path(p), a) for p, a in modules]
        try:
            iso = None
            if self.boot == 'iso':
                iso = isolib.build_iso(self.build_dir, self._path(self.kernel), cmdline,
                                       modules, name='test-' + self.name.replace('/', '-'))
            net, self.forwards = hostclient.net_args(self.forward) if self.net else ([], [])
            return qemu.command(kernel=self._path(self.kernel), cmdline=cmdline,
                                modules=modules, iso=iso, mem=self.mem, cpu=self.cpu,
                                icount=self.icount) + self.qemu_args + \
                qemu.disk_args(disks, [d for _, _, d, _ in self.disks]) + net, None
        except (isolib.IsoError, qemu.QemuError) as e:
            return None, str(e)

    def run(self):
        with tempfile.TemporaryDirectory(prefix='ringlet-disks.') as tmp:
            disks, problem = self._make_disks(tmp)
            if disks is None:
                return self._outcome(Result(self.name, FAIL, 0.0, problem), 'no QEMU run\n')
            res, log = self._run_once(self.modules, disks, first=bool(self.reboot_modules))
            if res.outcome != PASS or not self.reboot_modules:
                return self._outcome(res, log)
            again, log2 = self._run_once(self.reboot_modules, disks)
            again.seconds += res.seconds
            if again.outcome == FAIL:
                again.reason = 'after the reboot: ' + again.reason
            return self._outcome(again, log + '# the reboot on the same disk images:\n' + log2)

    def _run_once(self, modules, disks, first=False):
        """One boot: its Result and log; the first of two passes by
        QEMU's success status alone."""
        cmd, problem = self._command(modules, disks)
        if cmd is None:
            return Result(self.name, FAIL, 0.0, problem), 'no QEMU run\n'

        feed = (self.serial_input_after, self.serial_input) if self.serial_input else None
        stamped = []                # (arrival time, line) for host_interval

        def stamp(line):
            stamped.append((time.monotonic(), line))
            return ''                   # never stops the run

        def kill(line):
            return 'a line matched kill_after_regex' if self.kill_after.search(line) else ''
        client = hostclient.HostClient(self.host_client, self.forwards, self.build_dir,
                                       self.timeout) if self.host_client else None

        def start_client(line):
            if client.thread is None and self.client_after.search(line):
                client.start()
            return ''

        def started(p):
            if client:
                client.qemu = p
        killing = first and self.kill_after is not None
        r = proc.run(cmd, self.timeout, cwd=qemu.ROOT, feed=feed,
                     stop=kill if killing else stamp if self.interval else
                     start_client if client else None,
                     **({'started': started} if client else {}))
        client_log = client.finish() if client else ''
        self.stamped = stamped
        serial = r.stdout.decode('utf-8', 'replace').replace('\r\n', '\n').replace('\r', '\n')
        lines = serial.splitlines()
        outcome, reason, verdict = self._judge(r, lines)
        why = client.verdict() if client else ''
        if why and outcome == PASS or why and reason.startswith('QEMU ended with'):
            outcome, reason = FAIL, why
        if first:
            ended = bool(r.stopped) if killing else r.status == qemu.STATUS_SUCCESS
            outcome, verdict = (PASS, '') if ended and not r.timed_out else (FAIL, '')
            reason = '' if outcome == PASS else 'the first boot ended with %s%s' % (
                'a timeout' if r.timed_out else _status(r.status),
                ' before a line matched kill_after_regex' if killing else '')
        checked = ''
        if outcome == PASS and self.host_check and not first:
            outcome, reason, checked = self._check_on_host(r.stdout, disks)
        log = '# boot test %s\n# %s\n# QEMU %s%s\n' % (
            self.name, ' '.join(_quote(c) for c in cmd),
            'was killed: timed out' if r.timed_out else
            'was killed with SIGKILL: ' + r.stopped if r.stopped else _status(r.status),
            ' (the test runner stopped it)' if r.flooded else '')
        log += serial + ('' if serial.endswith('\n') or not serial else '\n')
        err = r.stderr.decode('utf-8', 'replace')
        if err.strip():
            log += '# QEMU stderr:\n' + err
        if checked:
            log += '# %s:\n%s' % (' '.join(self.host_check), checked)
        if client:
            log += '# host client %s (ports %s):\n%s' % (
                ' '.join(self.host_client), ' '.join('%d:%d' % f[:2] for f in self.forwards),
                client_log)
        res = Result(self.name, outcome, r.seconds, reason, lines[-LOG_TAIL:],
                     verdict=verdict)
        if err.strip():
            res.details += ['(QEMU) ' + l for l in err.splitlines() if l.strip()][-5:]
        return res, log

    def _check_on_host(self, serial, disks):
        """PASS or FAIL by host_check's status, the reason, its output."""
        raws = []
        for path in disks:
            if path.endswith('.qcow2'):
                try:
                    qcow2.to_raw(path, path[:-len('.qcow2')] + '.img')
                except (OSError, qcow2.Qcow2Error) as e:
                    return FAIL, 'reading %s back: %s' % (path, e), ''
                path = path[:-len('.qcow2')] + '.img'
            raws.append(path)
        env = dict(os.environ, RINGLET_DISKS=':'.join(raws))
        with tempfile.NamedTemporaryFile(prefix='ringlet-serial.') as f:
            f.write(serial)
            f.flush()
            cmd = [os.path.join(qemu.ROOT, self.host_check[0])] + self.host_check[1:] + [f.name]
            r = proc.run(cmd, 120, cwd=qemu.ROOT, env=env)
        out = (r.stdout + r.stderr).decode('utf-8', 'replace')
        if r.timed_out:
            return FAIL, '%s timed out' % self.host_check[0], out
        if r.status != 0:
            last = out.strip().splitlines()[-1:] or ['no output']
            return FAIL, '%s: %s' % (self.host_check[0], last[0]), out
        return PASS, '', out

    def _judge(self, r, lines):
        stopped = None
        if r.timed_out:
            stopped = 'timed out after %g s' % self.timeout
        elif r.flooded:
            stopped = 'printed more than %d MiB' % (proc.OUTPUT_LIMIT >> 20)
        rejected = first_match(self.rejects, lines)
        if self.status is None:
            outcome, reason, verdict = judge_result(lines, stopped,
                                                    'QEMU %s' % qemu.status_name(r.status))
            if outcome != FAIL and rejected:
                return FAIL, 'a line matches /%s/: %s' % rejected, verdict
            return outcome, reason, verdict
        if rejected and not stopped:
            return FAIL, 'a line matches /%s/: %s' % rejected, ''
        if stopped:
            return FAIL, stopped, ''
        missing = first_unmatched(self.regexes, lines)
        if missing:
            return FAIL, 'no line matches /%s/' % missing, ''
        raw = r.stdout.replace(b'\r\n', b'\n') if self.expect_bytes else b''
        for want in self.expect_bytes:
            if want not in raw:
                return FAIL, 'the serial output lacks the bytes %r' % want, ''
        why = interval.judge(self.interval, self.stamped) if self.interval else ''
        if why:
            return FAIL, why, ''
        if r.status != self.status:
            return FAIL, 'QEMU ended with %s, expected %s' % (
                _status(r.status), _status(self.status)), ''
        return PASS, '', ''

    def _outcome(self, res, log):
        return outcome(self.logs, res, log)


def outcome(logs, res, log):
    """A boot test's JobOutcome: its result, and the lines that show it. A
    failure keeps the whole log under build/test-logs/ and shows its end."""
    res.output = log
    if res.outcome == FAIL:
        path = logs.keep(res.name, log)
        lines = ['FAIL %s: %s' % (res.name, res.reason),
                 '    log: %s%s' % (path, ', last lines:' if res.details else '')]
        lines += ['    | ' + _shorten(l) for l in res.details]
    else:
        logs.drop(res.name)
        if res.outcome == SKIP:
            lines = ['SKIP %s: %s' % (res.name, res.reason)]
        else:
            lines = ['PASS %s (%.1f s)' % (res.name, res.seconds)]
    return JobOutcome([res], lines)


def _modules(text):
    """[(path under build/, module cmdline)] from one module a line."""
    modules = []
    for line in text.splitlines():
        path, _, args = line.strip().partition(' ')
        if path:
            modules.append((path, ' '.join(args.split())))
    return modules


def first_unmatched(regexes, lines):
    """The pattern of the first regex that matches no line, or None."""
    for rx in regexes:
        if not any(rx.search(line) for line in lines):
            return rx.pattern
    return None


def first_match(regexes, lines):
    """(pattern, line) of the first line some regex matches, or None."""
    for line in lines:
        for rx in regexes:
            if rx.search(line):
                return rx.pattern, line
    return None


def judge_result(lines, stopped, ending):
    """An XTF-style verdict from a serial log: the last "Test result: WORD"
    line decides; none, or a run stopped (a timeout, a flood: stopped says
    which), is a CRASH. ending says how the machine ended, for the reason.
    Returns (outcome, reason, verdict word)."""
    verdict = None
    for line in lines:
        m = RESULT_LINE.search(line)
        if m:
            verdict = m
    if stopped:
        return FAIL, 'CRASH: ' + stopped, 'CRASH'
    if verdict is None:
        return FAIL, 'CRASH: no "Test result:" line (%s)' % ending, 'CRASH'
    word, rest = verdict.group(1), verdict.group(2).strip(' :')
    if word == 'SUCCESS':
        return PASS, '', word
    if word == 'SKIP':
        return SKIP, rest or 'Test result: SKIP', word
    return FAIL, '%s%s' % (word, ': ' + rest if rest else ''), word


def _shorten(line, width=160):
    return line if len(line) <= width else line[:width] + '...'


def _status(status):
    if status in STATUSES.values():
        return '%s (status %d)' % (qemu.status_name(status), status)
    return proc.describe_exit(status)


def _quote(s):
    return s if re.match(r'^[A-Za-z0-9_@%+=:,./-]+$', s) else "'" + s.replace("'", "'\\''") + "'"
