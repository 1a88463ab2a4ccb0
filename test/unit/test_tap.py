#!/usr/bin/env python3
"""The runner's TAP reader (test/harness/tap.py): well-formed streams,
skips, what counts as a failure, and garbage. Speaks TAP itself.

    test_tap.py HARNESS_PARENT_DIR
"""

import random
import sys


def case_results_and_skip(tap):
    s = tap.parse('1..3\nok 1 - a\nnot ok 2 - b\nok 3 - c # SKIP no disk\n')
    return (s.plan == 3 and [c.ok for c in s.cases] == [True, False, True] and
            [c.skipped for c in s.cases] == [False, False, True] and
            s.cases[2].name == 'c' and s.cases[2].reason == 'no disk' and not s.problems), s


def case_not_ok_is_a_failure_whatever_follows(tap):
    s = tap.parse('1..1\nnot ok 1 - x # known bug, fixed later\n')
    c = s.cases[0]
    return not c.ok and not c.skipped and c.name.startswith('x'), s


def case_diagnostics_belong_to_the_next_case(tap):
    s = tap.parse('1..1\n#   a.c:3: check failed: x\nnot ok 1 - t\n# after\n')
    return s.cases[0].diagnostics == ['a.c:3: check failed: x'] and s.trailing == ['after'], s


def case_whole_program_skipped(tap):
    s = tap.parse('1..0 # SKIP no native compiler\n')
    return s.plan == 0 and s.plan_skip == 'no native compiler', s


def case_sequence_and_plans(tap):
    s = tap.parse('1..2\n1..2\nok 1\nok 3\n')
    return len(s.problems) == 2, s.problems


def case_bail_out(tap):
    s = tap.parse('1..5\nok 1\nBail out! disk full\n')
    return s.bail_out == 'disk full', s


def case_garbage(tap):
    """Random lines of TAP-ish bytes: never an exception, and every case
    read is numbered in order."""
    rng = random.Random(5)
    words = ['ok', 'not ok', '1..', '#', 'SKIP', 'Bail out!', '-', '7', ' ', '\t', '\x00',
             'é', '1..x', '# SKIP', '99999999999999999999']
    for _ in range(3000):
        text = '\n'.join(''.join(rng.choice(words) for _ in range(rng.randint(0, 6)))
                         for _ in range(rng.randint(0, 8)))
        s = tap.parse(text)
        if any(c.number < 1 for c in s.cases):
            return False, text
    return True, None


CASES = [case_results_and_skip, case_not_ok_is_a_failure_whatever_follows,
         case_diagnostics_belong_to_the_next_case, case_whole_program_skipped,
         case_sequence_and_plans, case_bail_out, case_garbage]


def main(parent):
    sys.path.insert(0, parent)
    sys.dont_write_bytecode = True
    from harness import tap
    print('1..%d' % len(CASES))
    failed = 0
    for i, case in enumerate(CASES, 1):
        try:
            ok, detail = case(tap)
        except Exception as e:      # a crash of the parser is a failure
            ok, detail = False, repr(e)
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, case.__name__[5:]))
        if not ok:
            failed += 1
            print('# ' + repr(detail)[:500])
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
