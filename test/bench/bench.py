#!/usr/bin/env python3
"""Run ringlet's benchmarks: each prints its figures as JSON lines on stdout,

  {"bench": "boot", "metric": "kernel_to_ready", "value": 84.2, "unit": "ms",
   "floor": 72.0, "ratio": 1.17, "accel": "tcg"}

each figure paired with its floor measured in the same run (floor and ratio
are null where there is none), and a readable account on stderr. Nothing
here passes or fails on a figure; a benchmark fails only when it cannot
measure.
"""

import argparse
import json
import os
import sys

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(BENCH_DIR))
sys.dont_write_bytecode = True     # keep the source tree clean
sys.path.insert(0, os.path.join(ROOT, 'boot'))
sys.path.insert(0, BENCH_DIR)

import accountbench  # noqa: E402
import accountiobench  # noqa: E402
import benchlib  # noqa: E402
import blkifbench  # noqa: E402
import blockbench  # noqa: E402
import bridgebench  # noqa: E402
import chargebench  # noqa: E402
import bootbench  # noqa: E402
import clockbench  # noqa: E402
import computebench  # noqa: E402
import guestbench  # noqa: E402
import httpbench  # noqa: E402
import grantbench  # noqa: E402
import guestsbench  # noqa: E402
import latenessbench  # noqa: E402
import miniguestbench  # noqa: E402
import netbench  # noqa: E402
import netflipbench  # noqa: E402
import netpvbench  # noqa: E402
import pingpongbench  # noqa: E402
import sharesbench  # noqa: E402
import storebench  # noqa: E402
import qemu  # noqa: E402

BENCHMARKS = {m.NAME: m for m in (bootbench, guestbench, sharesbench, pingpongbench,
                                   guestsbench, miniguestbench, latenessbench, clockbench,
                                   computebench, grantbench, storebench, netbench,
                                   blockbench, blkifbench, accountbench, accountiobench,
                                   netpvbench, httpbench, netflipbench, bridgebench, chargebench)}


def figure(bench, metric, value, unit, floor, accel, digits=1):
    """One JSON line's object; ratio is value / floor."""
    ratio = round(value / floor, 2) if floor else None
    return {'bench': bench, 'metric': metric, 'value': round(value, digits), 'unit': unit,
            'floor': round(floor, digits) if floor is not None else None,
            'ratio': ratio, 'accel': accel}


def main(argv):
    ap = argparse.ArgumentParser(prog='test/bench/run', description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('names', nargs='*', metavar='NAME',
                    help='benchmarks to run (default: all of them: %s)' % ', '.join(BENCHMARKS))
    ap.add_argument('--reps', type=int, default=7, metavar='N',
                    help='repetitions of each measurement; the median is reported (default 7)')
    ap.add_argument('--accel', choices=qemu.ACCELS, default='tcg',
                    help='QEMU accelerator (default tcg)')
    ap.add_argument('--guests-mem', default=guestsbench.MEM, metavar='SIZE',
                    help="the machine's memory in the guests benchmark (default %s)"
                    % guestsbench.MEM)
    ap.add_argument('--list', action='store_true', help='list the benchmarks and exit')
    a = ap.parse_args(argv)
    if a.list:
        for name, m in BENCHMARKS.items():
            print('%-10s %s' % (name, m.DESCRIPTION))
        return 0
    unknown = [n for n in a.names if n not in BENCHMARKS]
    if unknown:
        ap.error('no benchmark named %s (there are: %s)' % (', '.join(unknown),
                                                              ', '.join(BENCHMARKS)))
    if a.reps < 1:
        ap.error('--reps needs a positive number')
    failed = []
    for name in a.names or list(BENCHMARKS):
        try:
            for fig in BENCHMARKS[name].run(a, figure):
                print(json.dumps(fig))
                sys.stdout.flush()
        except benchlib.MeasureError as e:
            print('test/bench/run: %s: %s' % (name, e), file=sys.stderr)
            failed.append(name)
    if failed:
        print('test/bench/run: could not measure: %s' % ' '.join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
