"""The verdict table: each refereed guest's verdict (a conformance guest's,
a miniguest program's) on ringlet beside its verdict on the reference Xen
(referee.py), written to build/test-logs/verdicts.md, and a short account of
it for the end of a run.

A row compares the two XTF-style verdict words (SUCCESS, SKIP, ERROR,
FAILURE, CRASH): the same word on both sides agrees, different words differ.
A test judged by log lines on both sides (xen_expect_regex) agrees when it
passes, or fails, on both.
A guest the referee cannot run is "skipped on Xen"; a row with no verdict on
one side (filtered out, not built, no reference Xen) is "not compared".
"""

import os
from dataclasses import dataclass

from . import referee
from .result import PASS, SKIP

AGREE, DIFFER, SKIPPED, UNCOMPARED = 'agree', 'DIFFER', 'skipped on Xen', 'not compared'
FILE = 'verdicts.md'
CELL_WIDTH = 140


@dataclass
class Row:
    name: str
    ringlet: object         # its Result, or None when it did not run
    xen: object
    state: str


def compare(results):
    """The rows, in the order the tests ran."""
    ringlet, xen, order = {}, {}, []
    for r in results:
        side, name = (xen, r.name[len(referee.PREFIX):]) if r.name.startswith(referee.PREFIX) \
            else (ringlet, r.name)
        if not referee.refereed(name) or name.endswith('.tests'):
            continue        # not a refereed test (or a broken .tests file)
        side[name] = r
        if name not in order:
            order.append(name)
    return [Row(n, ringlet.get(n), xen.get(n), _state(ringlet.get(n), xen.get(n)))
            for n in order]


def _state(ring, xen):
    if xen is not None and xen.outcome == SKIP and not xen.verdict:
        return SKIPPED
    if ring is not None and xen is not None and ring.verdict and xen.verdict:
        return AGREE if ring.verdict == xen.verdict else DIFFER
    # Judged by log lines on both sides (xen_expect_regex): pass or fail.
    if ring is not None and xen is not None and not ring.verdict and not xen.verdict \
            and SKIP not in (ring.outcome, xen.outcome):
        return AGREE if ring.outcome == xen.outcome else DIFFER
    return UNCOMPARED


def cell(res, missing):
    """A verdict as the table shows it: the word, and why unless SUCCESS."""
    if res is None:
        return missing
    if res.verdict == 'SUCCESS':
        text = 'SUCCESS'
    elif res.verdict:
        if res.reason.startswith(res.verdict):
            text = res.reason
        elif res.reason and res.reason != 'Test result: SKIP':
            text = '%s: %s' % (res.verdict, res.reason)
        else:
            text = res.verdict
    elif res.outcome == SKIP:
        text = 'not run: ' + res.reason
    else:                   # judged by log lines, or never booted
        text = 'PASS' if res.outcome == PASS else 'FAIL: ' + res.reason
    return text if len(text) <= CELL_WIDTH else text[:CELL_WIDTH - 3] + '...'


def write(build_dir, rows, reference, no_referee):
    """Write the table to build/test-logs/verdicts.md; returns its path."""
    path = os.path.join(build_dir, 'test-logs', FILE)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    xen_missing = 'left out (--no-referee)' if no_referee else 'not run'
    if no_referee:
        ref = 'the referee runs were left out (--no-referee)'
    elif reference:
        ref = 'the reference Xen is %s' % os.path.relpath(reference)
    else:
        ref = 'no reference Xen was available'
    out = ['# Verdicts: ringlet and the reference Xen', '',
           'Written by the last test/run; %s.' % ref,
           'Same verdict on both: agree. Different verdicts: DIFFER (a bug on one',
           'side, or a divergence from Xen to document). "skipped on Xen": the guest',
           'cannot run on the referee. "not compared": a side has no verdict.', '',
           '| test | ringlet | Xen | |', '|---|---|---|---|']
    for r in rows:
        out.append('| %s | %s | %s | %s |' % (
            r.name, _md(cell(r.ringlet, 'not run')), _md(cell(r.xen, xen_missing)),
            '**%s**' % r.state if r.state == DIFFER else r.state))
    out += ['', counts(rows) + '.', '']
    with open(path, 'w') as f:
        f.write('\n'.join(out))
    return os.path.relpath(path)


def counts(rows):
    n = {s: sum(r.state == s for r in rows) for s in (AGREE, DIFFER, SKIPPED, UNCOMPARED)}
    text = '%d test%s %s, %d differ, %d skipped on Xen' % (
        n[AGREE], '' if n[AGREE] == 1 else 's', 'agrees' if n[AGREE] == 1 else 'agree',
        n[DIFFER], n[SKIPPED])
    if n[UNCOMPARED]:
        text += ', %d not compared' % n[UNCOMPARED]
    return text


def account(rows, path, unavailable, no_referee):
    """The lines printed before the run's summary line."""
    if no_referee:
        return ['referee runs left out (--no-referee)']
    if not rows:
        return []
    lines = ['referee: %s (table: %s)' % (counts(rows), path)]
    for r in rows:
        if r.state == DIFFER:
            lines.append('referee: %s differs: ringlet %s; Xen %s'
                         % (r.name, cell(r.ringlet, ''), cell(r.xen, '')))
    if unavailable:
        lines.append('referee: no reference Xen (%s); %s' % (unavailable, referee.RETRY))
    return lines


def _md(text):
    return text.replace('|', '\\|')
