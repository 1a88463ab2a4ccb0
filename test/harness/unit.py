"""Host unit tests: the programs meson registers with test(), run one by one.

Each TAP case counts as one test named <suite>/<program>/<case> (the suite
is 'unit'); a program that crashes, times out, breaks its plan or exits
non-zero without a failing case is one more failure, named <suite>/<program>.
"""

import json
import os
import subprocess

from . import proc, tap
from .result import FAIL, PASS, SKIP, JobOutcome, Result

SANITIZER_ENV = {
    'ASAN_OPTIONS': 'abort_on_error=0:detect_leaks=1',
    'UBSAN_OPTIONS': 'print_stacktrace=1:halt_on_error=1',
}


class DiscoveryError(Exception):
    pass


def discover(build_dir, logs, selected):
    """The unit test jobs meson knows of. selected(name) says whether a test
    name passes the user's filters."""
    try:
        out = subprocess.run(['meson', 'introspect', build_dir, '--tests'],
                             stdin=subprocess.DEVNULL, capture_output=True,
                             text=True, check=True).stdout
        tests = json.loads(out)
    except FileNotFoundError:
        raise DiscoveryError('meson is not installed (run boot/setup)')
    except subprocess.CalledProcessError as e:
        raise DiscoveryError('meson introspect %s --tests failed: %s'
                             % (build_dir, e.stderr.strip()))
    except ValueError as e:
        raise DiscoveryError('meson introspect gave unreadable output: %s' % e)
    jobs = []
    for t in tests:
        suites = [s.split(':')[-1] for s in t.get('suite') or []] or ['unit']
        jobs.append(UnitJob(t, suites[0], build_dir, logs, selected))
    return jobs


class UnitJob:
    def __init__(self, test, suite, build_dir, logs, selected):
        self.test = test
        self.name = '%s/%s' % (suite, test['name'])
        self.build_dir = build_dir
        self.logs = logs
        self.selected = selected

    def wanted(self):
        # Case names are only known after running, so every program runs;
        # what it reports is filtered afterwards.
        return True

    def listing(self):
        return self.name + '/*'

    def run(self):
        t = self.test
        env = dict(os.environ)
        for k, v in SANITIZER_ENV.items():
            env.setdefault(k, v)
        env.update(t.get('env') or {})
        timeout = t.get('timeout') or 30
        if timeout <= 0:
            timeout = 600
        cmd = t['cmd']
        if not os.path.isfile(cmd[0]):
            return self._broken('%s was not built' % cmd[0], 0.0, '')
        try:
            r = proc.run(cmd, timeout, cwd=t.get('workdir') or self.build_dir, env=env)
        except OSError as e:
            return self._broken('cannot run %s: %s' % (cmd[0], e), 0.0, '')
        out = r.stdout.decode('utf-8', 'replace')
        err = r.stderr.decode('utf-8', 'replace')
        text = out + ('\n--- stderr ---\n' + err if err.strip() else '')
        if t.get('protocol', 'exitcode') == 'tap':
            return self._tap(r, out, err, text)
        return self._exitcode(r, err, text)

    def _exit_problem(self, r):
        if r.timed_out:
            return 'timed out after %.0f s' % r.seconds
        if r.flooded:
            return 'printed more than %d MiB' % (proc.OUTPUT_LIMIT >> 20)
        if r.status != 0:
            return proc.describe_exit(r.status)
        return None

    def _tap(self, r, out, err, text):
        stream = tap.parse(out)
        results = []
        for c in stream.cases:
            name = '%s/%s' % (self.name, c.name)
            if not self.selected(name):
                continue
            if c.skipped:
                results.append(Result(name, SKIP, 0.0, c.reason or 'skipped'))
            elif c.ok:
                results.append(Result(name, PASS, 0.0))
            else:
                results.append(Result(name, FAIL, 0.0, _first(c.diagnostics) or 'not ok',
                                      c.diagnostics))
        problems = list(stream.problems)
        if stream.bail_out:
            problems.append('bailed out: ' + stream.bail_out)
        if stream.plan is None:
            problems.append('printed no TAP plan (1..N)')
        elif stream.plan != len(stream.cases):
            problems.append('planned %d tests but reported %d' % (stream.plan, len(stream.cases)))
        exit_problem = self._exit_problem(r)
        failed_cases = any(not c.ok and not c.skipped for c in stream.cases)
        if exit_problem and (r.status == 0 or r.timed_out or r.flooded or
                             r.status < 0 or not failed_cases):
            problems.insert(0, exit_problem)
        if stream.plan_skip is not None and not problems:
            results.append(Result(self.name, SKIP, r.seconds, stream.plan_skip))
        if not results and not self.selected(self.name):
            return JobOutcome([], [])     # the filters want none of it
        return self._finish(results, problems, r.seconds, err, text)

    def _exitcode(self, r, err, text):
        if not self.selected(self.name):
            return JobOutcome([], [])
        problem = self._exit_problem(r)
        results = []
        if r.status == 77 and not r.timed_out:
            results.append(Result(self.name, SKIP, r.seconds, 'skipped (exit status 77)'))
            problem = None
        elif not problem:
            results.append(Result(self.name, PASS, r.seconds))
        return self._finish(results, [problem] if problem else [], r.seconds, err, text)

    def _finish(self, results, problems, seconds, err, text):
        if problems:
            # A sanitizer's report starts with what went wrong and where.
            head = [l for l in err.splitlines() if l.strip()][:15]
            results.append(Result(self.name, FAIL, seconds, '; '.join(problems), head))
        for res in results:
            res.output = text
        lines = []
        for res in results:
            if res.outcome == FAIL and res.name != self.name:
                lines.append('FAIL %s: %s' % (res.name, res.reason))
                lines += ['    ' + d for d in res.details if d != res.reason]
        npass = sum(res.outcome == PASS for res in results)
        nfail = sum(res.outcome == FAIL and res.name != self.name for res in results)
        nskip = sum(res.outcome == SKIP for res in results)
        counts = '%d passed' % npass + (', %d failed' % nfail if nfail else '') + \
            (', %d skipped' % nskip if nskip else '')
        if problems or nfail:
            log = self.logs.keep(self.name, text)
            what = '; '.join(problems) + ' (%s)' % counts if problems else counts
            lines.append('FAIL %s: %s, %.1f s; output in %s' % (self.name, what, seconds, log))
            if problems:
                lines += ['    ' + d for d in results[-1].details]
        else:
            self.logs.drop(self.name)
            lines.append('%s %s: %s (%.1f s)' % ('PASS' if npass or not nskip else 'SKIP',
                                                 self.name, counts, seconds))
        return JobOutcome(results, lines)

    def _broken(self, reason, seconds, text):
        return self._finish([], [reason], seconds, '', text)


def _first(lines):
    return lines[0] if lines else ''
