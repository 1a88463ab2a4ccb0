"""What a test run produces: one Result per test, and the job that made it."""

import os
from dataclasses import dataclass, field

PASS, FAIL, SKIP = 'pass', 'fail', 'skip'


@dataclass
class Result:
    name: str
    outcome: str            # PASS, FAIL or SKIP
    seconds: float = 0.0
    reason: str = ''        # why it failed or was skipped
    details: list = field(default_factory=list)   # lines worth showing on failure
    output: str = ''        # the whole output, for JUnit
    verdict: str = ''       # XTF-style tests: SUCCESS, SKIP, ERROR, FAILURE or CRASH
    always: bool = False    # reported whatever the filter (a broken .tests file)


@dataclass
class JobOutcome:
    """A job (one unit test program, one boot test) yields results and the
    lines the runner prints about them."""
    results: list
    lines: list


class Logs:
    """Failing tests' full output under build/test-logs/<name>.log."""

    def __init__(self, build_dir):
        self.dir = os.path.join(build_dir, 'test-logs')

    def path(self, name):
        return os.path.join(self.dir, name + '.log')

    def keep(self, name, text):
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', errors='replace') as f:
            f.write(text)
        return os.path.relpath(path)

    def drop(self, name):
        try:
            os.remove(self.path(name))
        except OSError:
            pass
