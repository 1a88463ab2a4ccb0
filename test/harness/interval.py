"""host_interval in a .tests section: the host's time between two serial
lines against a duration the guest printed, for a clock test:

    host_interval = \\(clock\\) clock: start
                    \\(clock\\) clock: slept ([0-9.]+) s by its own clock
                    0.8 1.25

The first line matching the first regex starts the interval, the first
line after it matching the second ends it; that regex's first group is
the guest's duration in seconds. The host's time (when each line reached
the test runner) over the guest's must lie within the two bounds."""

import re


class Interval:
    def __init__(self, start, end, lo, hi):
        self.start, self.end, self.lo, self.hi = start, end, lo, hi


def parse(text):
    """An Interval from the key's three lines; ValueError says what is wrong."""
    lines = [l.strip() for l in text.strip().splitlines() if l.strip()]
    if len(lines) != 3:
        raise ValueError('host_interval takes three lines: a start regex, an end regex '
                         'with the guest\'s seconds as its group, and "LOW HIGH"')
    try:
        start, end = re.compile(lines[0]), re.compile(lines[1])
    except re.error as e:
        raise ValueError('host_interval: bad regex: %s' % e)
    if end.groups < 1:
        raise ValueError('host_interval: the end regex needs a group for the guest\'s seconds')
    try:
        lo, hi = (float(x) for x in lines[2].split())
    except ValueError:
        raise ValueError('host_interval: the third line is two ratios, "LOW HIGH"')
    if not 0 < lo <= hi:
        raise ValueError('host_interval: need 0 < LOW <= HIGH')
    return Interval(start, end, lo, hi)


def measure(iv, stamped):
    """(host seconds, guest seconds) from (time, line) pairs, or None when
    the two lines are not there (or the guest's duration is not positive)."""
    began = None
    for t, line in stamped:
        if began is None:
            if iv.start.search(line):
                began = t
            continue
        m = iv.end.search(line)
        if m:
            try:
                guest = float(m.group(1))
            except ValueError:
                return None
            return (t - began, guest) if guest > 0 else None
    return None


def judge(iv, stamped):
    """'' when the ratio is within bounds, else why not."""
    got = measure(iv, stamped)
    if got is None:
        return 'host_interval: no line matches /%s/ followed by one matching /%s/' % (
            iv.start.pattern, iv.end.pattern)
    host, guest = got
    ratio = host / guest
    if not iv.lo <= ratio <= iv.hi:
        return ('host_interval: %.3f s of the host for %.3f s of the guest\'s clock '
                '(ratio %.3f, not within %g-%g)' % (host, guest, ratio, iv.lo, iv.hi))
    return ''
