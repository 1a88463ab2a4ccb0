#!/usr/bin/env python3
"""Run every ringlet test: the host unit tests meson knows of, the QEMU
boot tests declared in test/**/*.tests and, for the conformance guests
and the miniguest programs, their runs on the reference Xen (the referee:
xen/conformance/<name>, xen/miniguest/<name>), compared in
build/test-logs/verdicts.md. Ends with one summary line,
"N passed, N failed[, N skipped]", and a non-zero status on any failure.

Run it through test/run, which installs what is missing and builds first.
"""

import argparse
import concurrent.futures
import os
import sys
import threading
import time

TEST_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TEST_DIR)
sys.dont_write_bytecode = True     # keep the source tree clean
sys.path.insert(0, os.path.join(ROOT, 'boot'))
sys.path.insert(0, TEST_DIR)

from harness import boottest, proc, referee, report, unit, verdicts  # noqa: E402
from harness.result import FAIL, JobOutcome, Logs, Result  # noqa: E402

BUILD_DIR = os.path.join(ROOT, 'build')


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog='test/run', description='Run the unit tests and the QEMU boot tests.',
        epilog='Test names: unit/<program>/<case> for unit tests, <dir>/<section> for '
               'boot tests (e.g. boot/selftest-kernel), xen/<dir>/<section> for a '
               'conformance guest or a miniguest program booted on the reference Xen '
               '(e.g. xen/miniguest/libc; Xen is built once by boot/xen/build-reference). '
               'A failing test keeps its whole output in build/test-logs/<name>.log; '
               'build/test-logs/verdicts.md compares each such guest\'s verdicts on '
               'ringlet and on Xen.')
    ap.add_argument('--filter', action='append', default=[], metavar='SUBSTR',
                    help='run only tests whose name contains SUBSTR (repeatable: any of them)')
    ap.add_argument('-j', '--jobs', type=int, default=1, metavar='N',
                    help='run N tests at a time (default 1)')
    ap.add_argument('--junit', metavar='FILE', help='also write JUnit XML of all tests to FILE')
    ap.add_argument('--list', action='store_true', help='list the tests and exit')
    ap.add_argument('--no-referee', action='store_true',
                    help='leave out the runs on the reference Xen (the xen/... tests)')
    a = ap.parse_args(argv)
    if a.jobs < 1:
        ap.error('-j needs a positive number')
    return a


def collect_jobs(logs, selected, with_referee):
    """Every job, plus failures found while collecting (a broken .tests file)."""
    jobs, broken = [], []
    try:
        jobs += unit.discover(BUILD_DIR, logs, selected)
    except unit.DiscoveryError as e:
        broken.append(Result('unit', FAIL, 0.0, 'cannot list the unit tests: %s' % e))
    names = {}
    for path in boottest.find_files(TEST_DIR):
        rel = os.path.relpath(path, ROOT)
        try:
            tests = boottest.load(path, TEST_DIR, BUILD_DIR, logs)
        except boottest.TestFileError as e:
            # Reported whatever the filter: the file's tests are all lost,
            # and a filter naming one of them would otherwise see nothing.
            broken.append(Result(os.path.relpath(path, TEST_DIR), FAIL, 0.0,
                                 '%s is malformed: %s' % (rel, e), always=True))
            continue
        xen = []
        for t in tests:
            if t.name in names:
                broken.append(Result(t.name, FAIL, 0.0, 'declared twice: in %s and %s'
                                     % (names[t.name], rel)))
                continue
            names[t.name] = rel
            if selected(t.name):
                jobs.append(t)
            if with_referee and referee.refereed(t.name):
                xen.append(referee.XenTest(t))
        # A file's runs on Xen follow its own tests.
        for x in xen:
            if x.name in names:
                broken.append(Result(x.name, FAIL, 0.0, 'declared twice: in %s and as the '
                                     'referee run of %s' % (names[x.name], x.test.name)))
                continue
            names[x.name] = rel
            if selected(x.name):
                jobs.append(x)
    return jobs, [b for b in broken if b.always or selected(b.name)]


def main(argv):
    a = parse_args(argv)

    def selected(name):
        return not a.filter or any(f in name for f in a.filter)

    if not os.path.isfile(os.path.join(BUILD_DIR, 'build.ninja')):
        print('test/runner.py: build/ is not configured; run test/run (or boot/build) first',
              file=sys.stderr)
        print(report.summary([]))
        return 1
    logs = Logs(BUILD_DIR)
    jobs, broken = collect_jobs(logs, selected, not a.no_referee)

    if a.list:
        for j in jobs:
            print(j.listing())
        for b in broken:
            print('FAIL %s: %s' % (b.name, b.reason), file=sys.stderr)
        return 1 if broken else 0

    results = list(broken)
    lock = threading.Lock()

    def show(outcome):
        with lock:
            results.extend(outcome.results)
            for line in outcome.lines:
                print(line)
            sys.stdout.flush()

    for b in broken:
        show(JobOutcome([], ['FAIL %s: %s' % (b.name, b.reason)]))
    try:
        reference, unavailable = referee.prepare(jobs, lambda line: show(JobOutcome([], [line])))
    except KeyboardInterrupt:
        print('interrupted while preparing the reference Xen')
        print(report.summary(results))
        return 130
    nboot = sum(isinstance(j, boottest.BootTest) for j in jobs)
    nxen = sum(isinstance(j, referee.XenTest) for j in jobs)
    counts = '%d unit test program(s), %d boot test(s)' % (len(jobs) - nboot - nxen, nboot)
    counts = counts.replace(', ', ' and ') if a.no_referee else \
        counts + ' and %d on the reference Xen' % nxen
    print('running %s%s' % (counts, ', %d at a time' % a.jobs if a.jobs > 1 else ''))
    sys.stdout.flush()

    start = time.monotonic()
    pool = concurrent.futures.ThreadPoolExecutor(a.jobs)
    try:
        # Results come back in the order of the jobs, whatever -j is.
        for outcome in pool.map(_run, jobs):
            show(outcome)
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        proc.kill_all()
        print('interrupted; the tests so far: %s' % report.summary(results))
        return 130
    pool.shutdown()

    if a.junit:
        report.write_junit(a.junit, results)
        print('JUnit XML written to %s' % a.junit)
    if not results:
        why = ' (no test name contains %s)' % ' or '.join(repr(f) for f in a.filter) \
            if a.filter else ''
        print('error: no tests ran%s' % why)
        print(report.summary(results))
        return 1
    rows = verdicts.compare(results)
    table = verdicts.write(BUILD_DIR, rows, reference, a.no_referee) if rows else None
    for line in verdicts.account(rows, table, unavailable, a.no_referee):
        print(line)
    failed = [r for r in results if r.outcome == FAIL]
    if failed:
        print('failed (%.0f s): %s' % (time.monotonic() - start,
                                       ' '.join(r.name for r in failed[:10]) +
                                       (' ...' if len(failed) > 10 else '')))
    print(report.summary(results))
    return 1 if failed else 0


def _run(job):
    """A job's outcome; a bug in the harness fails the job, not the run."""
    try:
        return job.run()
    except Exception as e:  # noqa: BLE001
        import traceback
        res = Result(job.name, FAIL, 0.0, 'the test runner failed: %r' % e,
                     traceback.format_exc().splitlines())
        return JobOutcome([res], ['FAIL %s: %s' % (job.name, res.reason)] +
                          ['    ' + l for l in res.details])


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
