#!/usr/bin/env python3
"""Run the hypercall fuzzer (test/fuzz/guest) for as long as you like,
beside the neighbour (test/scenario/neighbour), and say how it went: the
calls per second, the count of each result code, the neighbour's verdict
and lateness, and every hypervisor log line at warning level or above.

Exits non-zero when the neighbour did not end with SUCCESS, the fuzzer did
not (it crashed or failed a check), the hypervisor panicked, or QEMU timed
out or ended other than with success. The whole log is kept in
build/test-logs/fuzz-run-seed-S.log.
"""

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path[:0] = [os.path.join(ROOT, 'test'), os.path.join(ROOT, 'boot')]
sys.dont_write_bytecode = True

from harness import proc    # noqa: E402
import qemu                 # noqa: E402

BUILD = os.path.join(ROOT, 'build')
FUZZ = os.path.join(BUILD, 'test', 'fuzz', 'fuzz.elf')
NEIGHBOUR = os.path.join(BUILD, 'test', 'scenario', 'neighbour.elf')
WARNING = re.compile(r'^\[ *[0-9.]+\] [WE] ')
CALLS_PER_S = 20000         # about what TCG manages, for the neighbour's length


def parse_args(argv):
    ap = argparse.ArgumentParser(prog='test/fuzz/run', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--calls', type=int, default=100000, help='rounds (default 100000)')
    ap.add_argument('--seed', type=int, default=1, help='the PRNG seed (default 1)')
    ap.add_argument('--mem', default=qemu.DEFAULT_MEM, metavar='SIZE',
                    help='the machine\'s RAM, as QEMU\'s -m takes it (default %s)'
                    % qemu.DEFAULT_MEM)
    ap.add_argument('--privileged', action='store_true',
                    help='make the fuzzer the first, privileged domain')
    ap.add_argument('--trace', type=int, metavar='K',
                    help='print every call from round K on, with its result')
    ap.add_argument('--fuzz-args', default='', metavar='"WORDS"',
                    help='more options for the fuzzer guest, e.g. "skip_nested_poll=1 '
                    'trace_waits=1" (test/fuzz/guest/main.c lists them)')
    ap.add_argument('--timeout', type=float,
                    help='seconds before QEMU is stopped (default: from --calls)')
    a = ap.parse_args(argv)
    if a.calls < 1 or a.seed < 0:
        ap.error('--calls must be at least 1 and --seed at least 0')
    return a


def modules(a):
    fuzz_args = 'seed=%d calls=%d progress=%d' % (a.seed, a.calls, max(a.calls // 20, 1))
    if a.trace is not None:
        fuzz_args += ' trace=%d' % a.trace
    if a.fuzz_args.split():
        fuzz_args += ' ' + ' '.join(a.fuzz_args.split())
    # The neighbour sleeps and wakes for about as long as the fuzzer runs.
    ms = 1000 + a.calls * 1000 // CALLS_PER_S
    fuzz = (FUZZ, 'name=fuzz -- ' + fuzz_args)
    neighbour = (NEIGHBOUR, 'name=neighbour -- ms=%d period=10' % ms)
    return [fuzz, neighbour] if a.privileged else [neighbour, fuzz]


def show_progress(line):
    if line.startswith('(fuzz) progress:') or line.startswith('(fuzz) call '):
        print(line, flush=True)
    return None


def verdict(lines, who):
    for line in reversed(lines):
        m = re.match(r'\(%s\) Test result: (\w+)' % who, line)
        if m:
            return m.group(1)
    return None


def main(argv):
    a = parse_args(argv)
    for path in (FUZZ, NEIGHBOUR):
        if not os.path.isfile(path):
            print('test/fuzz/run: %s is not built' % os.path.relpath(path, ROOT))
            return 2
    timeout = a.timeout or 60 + a.calls / 500
    cmd = qemu.command(modules=modules(a), mem=a.mem)
    print('test/fuzz/run: seed %d, %d calls beside the neighbour%s; QEMU stops after %g s'
          % (a.seed, a.calls, ' (the fuzzer privileged)' if a.privileged else '', timeout),
          flush=True)
    r = proc.run(cmd, timeout, cwd=ROOT, stop=show_progress)
    text = r.stdout.decode('utf-8', 'replace').replace('\r\n', '\n')
    lines = text.splitlines()
    log = os.path.join(BUILD, 'test-logs', 'fuzz-run-seed-%d.log' % a.seed)
    os.makedirs(os.path.dirname(log), exist_ok=True)
    with open(log, 'w') as f:
        f.write(text + r.stderr.decode('utf-8', 'replace'))

    for line in lines:
        if re.match(r'\(fuzz\) (summary|results|by number|window pages|ok   |FAIL|PANIC)', line) \
                or re.match(r'\(neighbour\) (lateness|ok|FAIL)', line):
            print(line)
    warnings = [l for l in lines if WARNING.match(l)]
    print('hypervisor lines at warning level or above: %d' % len(warnings))
    for line in warnings:
        print('  ' + line)

    problems = []
    if r.timed_out:
        problems.append('QEMU timed out after %g s' % timeout)
    elif r.flooded:
        problems.append('the machine printed more than %d MiB' % (proc.OUTPUT_LIMIT >> 20))
    elif r.status != qemu.STATUS_SUCCESS:
        problems.append('QEMU ended with %s' % qemu.status_name(r.status))
    if any('PANIC in' in l for l in warnings):
        problems.append('the hypervisor panicked')
    for who in ('fuzz', 'neighbour'):
        v = verdict(lines, who)
        if v != 'SUCCESS':
            problems.append('%s ended with %s' % (who, v or 'no result (it crashed)'))
    print('log: %s' % os.path.relpath(log, ROOT))
    if problems:
        print('test/fuzz/run: FAILED: ' + '; '.join(problems))
        return 1
    print('test/fuzz/run: passed (%.0f s)' % r.seconds)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
