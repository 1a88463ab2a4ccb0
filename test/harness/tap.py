"""Reading a TAP stream (Test Anything Protocol) as the unit tests print it.

    1..3
    #   elf.c:40: check failed: ...     diagnostics (before or after a result)
    ok 1 - name
    not ok 2 - name
    ok 3 - name # SKIP reason

Only the SKIP directive is read: the suite has no expected failures, so a
"not ok" is a failure whatever follows it.
"""

import re
from dataclasses import dataclass, field

_PLAN = re.compile(r'^1\.\.(\d+)\s*(?:#\s*(.*))?$')
_RESULT = re.compile(r'^(not ok|ok)\b\s*(\d+)?\s*(?:-\s*)?(.*)$')
_SKIP = re.compile(r'\s+#\s*SKIP\b\s*(.*)$', re.IGNORECASE)


@dataclass
class Case:
    number: int
    name: str
    ok: bool
    skipped: bool = False   # "# SKIP reason"
    reason: str = ''
    diagnostics: list = field(default_factory=list)


@dataclass
class Stream:
    plan: int = None
    plan_skip: str = None   # "1..0 # SKIP why": the whole program skipped
    cases: list = field(default_factory=list)
    bail_out: str = None
    problems: list = field(default_factory=list)   # malformed stream
    trailing: list = field(default_factory=list)   # diagnostics after the last case


def parse(text):
    s = Stream()
    pending = []
    for raw in text.splitlines():
        line = raw.rstrip('\r')
        stripped = line.strip()
        if stripped.startswith('#'):
            pending.append(stripped[1:].strip())
            continue
        m = _PLAN.match(stripped)
        if m:
            if s.plan is not None:
                s.problems.append('a second plan line: %s' % stripped)
            s.plan = int(m.group(1))
            if s.plan == 0 and m.group(2) and m.group(2).upper().startswith('SKIP'):
                s.plan_skip = m.group(2)[4:].strip() or 'skipped'
            continue
        m = _RESULT.match(stripped)
        if m:
            number = int(m.group(2)) if m.group(2) else len(s.cases) + 1
            desc = m.group(3).strip()
            reason = ''
            d = _SKIP.search(' ' + desc)
            if d:
                reason = d.group(1).strip()
                desc = (' ' + desc)[:d.start()].strip()
            if number != len(s.cases) + 1:
                s.problems.append('test number %d out of sequence' % number)
            s.cases.append(Case(number, desc or str(number), m.group(1) == 'ok',
                                bool(d), reason, pending))
            pending = []
            continue
        if stripped.startswith('Bail out!'):
            s.bail_out = stripped[len('Bail out!'):].strip() or 'no reason given'
            continue
        if stripped:
            pending.append(stripped)    # stray output: keep it as a diagnostic
    s.trailing = pending
    return s
