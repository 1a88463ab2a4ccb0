#!/usr/bin/env python3
"""Reading .tests files (test/harness/boottest.py) and what the referee
makes of them (referee.why_not): xen_expect_regex, reject_regex, initrd
modules, and malformed sections. Speaks TAP.

    test_boottest.py SOURCE_ROOT
"""

import os
import sys
import tempfile


def load(boottest, text):
    """The tests of a .tests file holding text, under test/conformance/."""
    with tempfile.TemporaryDirectory() as root:
        d = os.path.join(root, 'conformance')
        os.makedirs(d)
        path = os.path.join(d, 'x.tests')
        with open(path, 'w') as f:
            f.write(text)
        return boottest.load(path, root, root, None)


def refused(boottest, text, words):
    try:
        load(boottest, text)
    except boottest.TestFileError as e:
        return words in str(e), str(e)
    return False, 'accepted'


LOG_JUDGED = '[t]\nmodules = a.elf name=a\nexpect_regex = destroyed\nexpect_status = failure\n'


def case_xen_regex_makes_a_log_test_run_on_xen(boottest, referee):
    plain = load(boottest, LOG_JUDGED)[0]
    judged = load(boottest, LOG_JUDGED + 'xen_expect_regex = Dom0 crashed\n')[0]
    return (referee.why_not(plain) == referee.LOG_LINES and referee.why_not(judged) is None
            and judged.xen_regexes[0].pattern == 'Dom0 crashed'), (plain, judged)


def case_xen_regex_with_a_result_is_refused(boottest, referee):
    return refused(boottest, '[t]\nmodules = a.elf\nexpect = result\n'
                   'xen_expect_regex = x\n', 'xen_expect_regex is for tests judged by log lines')


def case_bad_xen_regex_is_refused(boottest, referee):
    return refused(boottest, LOG_JUDGED + 'xen_expect_regex = (unclosed\n', 'xen_expect_regex')


def case_unknown_key_is_refused(boottest, referee):
    return refused(boottest, '[t]\nmodules = a.elf\nexpect = result\nexpext = x\n', 'expext')


def case_serial_input_lines_and_escapes(boottest, referee):
    t = load(boottest, '[t]\nmodules = a.elf\nexpect = result\n'
             'serial_input = lisx\\x7ft\n   \\x1b[A\\x1d\n')[0]
    bad = refused(boottest, '[t]\nmodules = a.elf\nexpect = result\nserial_input = a\\x1\n',
                  'serial_input')
    return t.serial_input == b'lisx\x7ft\n\x1b[A\x1d\n' and bad[0], (t.serial_input, bad)


def case_icount_from_default_and_refused_values(boottest, referee):
    on, off = load(boottest, '[DEFAULT]\nicount = on\n[a]\nmodules = a.elf\nexpect = result\n'
                   '[b]\nmodules = a.elf\nexpect = result\nicount = off\n')
    bad = refused(boottest, '[t]\nmodules = a.elf\nexpect = result\nicount = yes\n', 'on or off')
    return on.icount and not off.icount and bad[0], (on.icount, off.icount, bad)


def case_guest_and_initrd_are_one_domain(boottest, referee):
    t = load(boottest, '[t]\nmodules = a.elf name=a -- x\n          f.cpio initrd\n'
             'expect = result\n')[0]
    several = load(boottest, '[t]\nmodules = a.elf\n          b.elf\nexpect = result\n')[0]
    misplaced = load(boottest, '[t]\nmodules = f.cpio initrd\n          a.elf\n'
                     'expect = result\n')[0]
    return (referee.why_not(t) is None and referee.why_not(several) == referee.SEVERAL_DOMAINS
            and referee.why_not(misplaced) == referee.INITRD_PLACE), (t, several, misplaced)


INTERVAL = ('[t]\nmodules = a.elf name=a\nexpect_regex = x\nexpect_status = success\n'
            'host_interval = start\n  slept ([0-9.]+) s\n  0.8 1.25\n')


def case_host_interval_judges_the_ratio(boottest, referee):
    from harness import interval
    t = load(boottest, INTERVAL)[0]
    lines = [(10.0, 'boot'), (11.0, 'start'), (12.0, 'noise'), (16.0, 'slept 5.0 s')]
    slow = [(11.0, 'start'), (18.0, 'slept 5.0 s')]             # 7 s for 5: ratio 1.4
    fast = [(11.0, 'start'), (14.5, 'slept 5.0 s')]             # 3.5 s for 5: ratio 0.7
    backwards = [(16.0, 'slept 5.0 s'), (11.0, 'start')]        # no end after the start
    return (interval.judge(t.interval, lines) == '' and 'ratio 1.400' in interval.judge(
        t.interval, slow) and 'ratio 0.700' in interval.judge(t.interval, fast)
        and 'no line matches' in interval.judge(t.interval, backwards)), t.interval


def case_bad_host_interval_is_refused(boottest, referee):
    base = '[t]\nmodules = a.elf name=a\nexpect_regex = x\nexpect_status = success\n'
    cases = [(base + 'host_interval = a\n  b (x)\n', 'three lines'),
             (base + 'host_interval = a\n  b\n  1 2\n', 'needs a group'),
             (base + 'host_interval = a\n  b (x)\n  2 1\n', '0 < LOW <= HIGH'),
             ('[t]\nmodules = a.elf\nexpect = result\nhost_interval = a\n  b (x)\n  1 2\n',
              'goes with expect_regex')]
    got = [refused(boottest, text, words) for text, words in cases]
    return all(ok for ok, _ in got), got


class _Run:
    def __init__(self, status):
        self.status, self.timed_out, self.flooded = status, False, False


def case_reject_regex_fails_a_test_that_passed_otherwise(boottest, referee):
    t = load(boottest, '[t]\nmodules = a.elf\nexpect_regex = done\nexpect_status = success\n'
             'reject_regex = ^\\[ *[0-9.]+\\] [WE] \n')[0]
    r = load(boottest, '[t]\nmodules = a.elf\nexpect = result\nreject_regex = PANIC\n')[0]
    ok = _Run(boottest.STATUSES['success'])
    clean = t._judge(ok, ['[  1.0] I fine', 'done'])
    warned = t._judge(ok, ['[  1.0] W odd', 'done'])
    result_clean = r._judge(ok, ['Test result: SUCCESS'])
    result_panic = r._judge(ok, ['PANIC: x', 'Test result: SUCCESS'])
    return (clean[0] == boottest.PASS and warned[0] == boottest.FAIL and 'W odd' in warned[1]
            and result_clean[0] == boottest.PASS and result_panic[0] == boottest.FAIL), \
        (clean, warned, result_clean, result_panic)


def case_expect_bytes_compares_the_raw_serial_bytes(boottest, referee):
    t = load(boottest, '[t]\nmodules = a.elf\nexpect_status = success\n'
             'expect_bytes = (a) caf\\xc3\\xa9 10%\\r(a) 20%\\n\n')[0]
    ok = _Run(boottest.STATUSES['success'])
    ok.stdout = b'boot\r\n(a) caf\xc3\xa9 10%\r(a) 20%\r\n'
    bad = _Run(boottest.STATUSES['success'])
    bad.stdout = b'boot\r\n(a) caf? 10%\r(a) 20%\r\n'
    good, mangled = t._judge(ok, []), t._judge(bad, [])
    return good[0] == boottest.PASS and mangled[0] == boottest.FAIL, (good, mangled)


def case_expect_bytes_needs_a_status_and_good_escapes(boottest, referee):
    with_result, why = refused(boottest, '[t]\nmodules = a.elf\nexpect = result\n'
                               'expect_bytes = x\n', 'expect_bytes goes with expect_status')
    bad_escape, why2 = refused(boottest, '[t]\nmodules = a.elf\nexpect_status = success\n'
                               'expect_bytes = \\x4\n', 'expect_bytes')
    return with_result and bad_escape, (why, why2)


def case_disk_lines_and_their_refusals(boottest, referee):
    t = load(boottest, '[t]\nmodules = a.elf\nexpect = result\ndisk = 1M\n'
             '       mkdisk test/x 2M device=packed=on\n'
             '       4M qcow2\n'
             'reboot_modules = a.elf name=a -- again\n')[0]
    seen = [t.disks, t.reboot_modules, referee.why_not(t)]
    ok = t.disks == [('1M', None, '', False), ('2M', 'test/x', 'packed=on', False),
                     ('4M', None, '', True)] and \
        t.reboot_modules == [('a.elf', 'name=a -- again')] and referee.why_not(t) == referee.DISKS
    with tempfile.TemporaryDirectory() as d:
        paths, why = load(boottest, '[t]\nmodules = a.elf\nexpect = result\ndisk = 3K\n'
                          '       2M\n       1M qcow2\n')[0]._make_disks(d)
        seen.append([os.path.getsize(p) for p in paths])
        # A qcow2 image of zeros: header, refcounts, L1 and one L2 cluster.
        ok = ok and why is None and seen[-1] == [3072, 2 << 20, 5 << 16] and \
            paths[2].endswith('.qcow2')
    for text, words in [('disk = huge\n', 'SIZE or mkdisk DIR'),
                        ('disk = mkdisk\n', 'SIZE or mkdisk DIR'),
                        ('disk = mkdisk d 1M 2M\n', 'SIZE or mkdisk DIR'),
                        ('disk = qcow2\n', 'SIZE or mkdisk DIR'),
                        ('disk = 1M qcow2 qcow2\n', 'SIZE or mkdisk DIR'),
                        ('reboot_modules = a.elf\n', 'reboot_modules needs a disk')]:
        r = refused(boottest, '[t]\nmodules = a.elf\nexpect = result\n' + text, words)
        seen.append(r)
        ok = ok and r[0]
    return ok, seen


KILLED = '[t]\nmodules = a.elf\nexpect = result\ndisk = 1M\nreboot_modules = a.elf\n' \
    'kill_after_regex = \\(a\\) synced\nhost_check = test/check\n'


def fake_runs(boottest, lines, status):
    """Makes the harness's proc.run print lines (each offered to stop(),
    which ends the run as the real one would), then end with status; a
    host_check passes. The runs' environments are kept in the returned list."""
    envs = []

    def run(cmd, timeout, cwd=None, env=None, stop=None, feed=None):
        envs.append(env)
        if cmd != ['qemu']:
            return boottest.proc.Run(0, b'host_check ran', b'', 0.1)
        out = []
        for line in lines:
            out.append(line)
            why = stop(line) if stop else ''
            if why:
                return boottest.proc.Run(-9, '\n'.join(out).encode(), b'', 0.1, stopped=why)
        return boottest.proc.Run(status, '\n'.join(out).encode(), b'', 0.1)
    boottest.proc.run = run
    return envs


def case_kill_after_regex_ends_the_first_boot(boottest, referee):
    """The first boot passes when QEMU was killed at the line, fails when
    it ended on its own before; the second boot is run to its end."""
    real = boottest.proc.run
    try:
        t = load(boottest, KILLED)[0]
        t._command = lambda modules, disks: (['qemu'], None)
        fake_runs(boottest, ['(a) files', '(a) synced', '(a) more'], boottest.STATUSES['success'])
        killed, log = t._run_once(t.modules, ['d.img'], first=True)
        fake_runs(boottest, ['(a) files', '(a) not synced yet'], boottest.STATUSES['success'])
        ended, _ = t._run_once(t.modules, ['d.img'], first=True)
        envs = fake_runs(boottest, ['(a) synced', 'Test result: SUCCESS'],
                         boottest.STATUSES['success'])
        second, _ = t._run_once(t.reboot_modules, ['d.img', 'e.img'])
    finally:
        boottest.proc.run = real
    seen = (killed.outcome, ended.outcome, ended.reason, second.outcome, envs)
    return killed.outcome == boottest.PASS and 'killed with SIGKILL' in log and \
        '(a) more' not in log and ended.outcome == boottest.FAIL and \
        'before a line matched kill_after_regex' in ended.reason and \
        second.outcome == boottest.PASS and len(envs) == 2 and \
        envs[1]['RINGLET_DISKS'] == 'd.img:e.img', seen


def case_kill_after_regex_refusals(boottest, referee):
    alone = refused(boottest, '[t]\nmodules = a.elf\nexpect = result\ndisk = 1M\n'
                    'kill_after_regex = x\n', 'kill_after_regex needs reboot_modules')
    bad = refused(boottest, KILLED.replace('\\(a\\) synced', '(unclosed'), 'kill_after_regex')
    return alone[0] and bad[0], (alone, bad)


def case_net_keys_and_their_refusals(boottest, referee):
    base = '[t]\nmodules = a.elf\n'
    client = 'host_client = c\nhost_client_after = up\nexpect_status = stopped\n'
    ok = load(boottest, base + 'forward = 80 8080@10.0.2.100\n' + client)[0]
    cases = [(base + 'net = yes\nexpect = result\n', 'the only value is "on"'),
             (base + 'forward = http\nexpect = result\n', 'guest port numbers'),
             (base + 'forward = 80@10.0.3.1\nexpect = result\n', 'no address of QEMU'),
             (base + 'forward = 80@10.0.2.255\nexpect = result\n', 'no address of QEMU'),
             (base + 'net = on\nhost_client = c\nexpect_status = stopped\n', 'go together'),
             (base + client, 'needs the network'),
             (base + 'net = on\nexpect_status = stopped\n', 'goes with host_client'),
             (base + 'net = on\nhost_client = c\nhost_client_after = up\n'
              'expect_status = success\n', 'goes with host_client'),
             (base + 'net = on\n' + client.replace('= up', '= (up'), 'host_client_after')]
    seen = [refused(boottest, text, why) for text, why in cases]
    return ok.net and ok.forward == [(80, None), (8080, '10.0.2.100')] and ok.host_client == ['c'] and \
        all(r[0] for r in seen), seen


def case_qcow2_images_read_back_as_written(boottest, referee):
    """A raw image with holes, made qcow2 and back, is the same image; a
    file that is no qcow2 image is refused."""
    q = boottest.qcow2
    raw = bytearray(3 * q.CLUSTER + 700)
    for at in (0, q.CLUSTER + 5, 3 * q.CLUSTER + 699):
        raw[at] = 0xA5
    with tempfile.TemporaryDirectory() as d:
        src, img, back = (os.path.join(d, n) for n in ('a.img', 'a.qcow2', 'b.img'))
        with open(src, 'wb') as f:
            f.write(raw)
        q.from_raw(src, img)
        q.to_raw(img, back)
        same = open(back, 'rb').read() == bytes(raw)
        # Header, refcounts, L1, one L2, and the three clusters not zero.
        size = os.path.getsize(img)
        try:
            q.to_raw(src, back)
            refused_raw = False
        except q.Qcow2Error:
            refused_raw = True
    return same and size == 8 * q.CLUSTER and refused_raw, (same, size, refused_raw)


CASES = [case_expect_bytes_compares_the_raw_serial_bytes, case_serial_input_lines_and_escapes,
         case_expect_bytes_needs_a_status_and_good_escapes,
         case_icount_from_default_and_refused_values, case_host_interval_judges_the_ratio, case_bad_host_interval_is_refused,
         case_reject_regex_fails_a_test_that_passed_otherwise,
         case_xen_regex_makes_a_log_test_run_on_xen, case_xen_regex_with_a_result_is_refused,
         case_bad_xen_regex_is_refused, case_unknown_key_is_refused,
         case_guest_and_initrd_are_one_domain, case_disk_lines_and_their_refusals,
         case_kill_after_regex_ends_the_first_boot, case_kill_after_regex_refusals,
         case_net_keys_and_their_refusals, case_qcow2_images_read_back_as_written]


def main(root):
    sys.dont_write_bytecode = True
    sys.path[:0] = [os.path.join(root, 'test'), os.path.join(root, 'boot')]
    from harness import boottest, referee
    print('1..%d' % len(CASES))
    failed = 0
    for i, case in enumerate(CASES, 1):
        try:
            ok, detail = case(boottest, referee)
        except Exception as e:
            ok, detail = False, repr(e)
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, case.__name__[5:]))
        if not ok:
            failed += 1
            print('# ' + repr(detail)[:500])
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
