"""The scheduler benchmark, for each policy (sched=bvt, atropos, rrobin):

  share_*        three CPU-bound guests (test/scenario/share) with weights
                 1:2:4 (BVT), slices 2, 3 and 5 ms of 10 ms (Atropos) or
                 equal quanta (round robin): each one's share of the CPU
                 beside the share it was configured for
  wakeup_latency_p50
                 an I/O-like guest waking from a 1 ms timer beside two CPU
                 hogs (test/scenario/storm, latency=): median lateness
  domain_switch  two guests yielding to each other: one switch, beside the
                 null hypercall
"""

import os

import qemu
from guestbench import run_guests

NAME = 'sched'
DESCRIPTION = 'per policy: CPU shares, wake-up latency beside hogs, cost of a switch'

SHARE = os.path.join(qemu.BUILD_DIR, 'test', 'scenario', 'share.elf')
STORM = os.path.join(qemu.BUILD_DIR, 'test', 'scenario', 'storm.elf')

CONFIGS = {
    'bvt': [('weight=%d' % w, 100.0 * w / 7) for w in (1, 2, 4)],
    'atropos': [('period=10000 slice=%d extra=0' % (s * 1000), 10.0 * s) for s in (2, 3, 5)],
    'rrobin': [('', 100.0 / 3)] * 3,
}
IO_GUEST = {'bvt': '', 'atropos': 'period=5000 slice=1000 latency=500 extra=0', 'rrobin': ''}


def run(opts, figure):
    for policy, guests in CONFIGS.items():
        cmdline = 'sched=%s' % policy
        modules = [(SHARE, 'name=g%d %s -- share=%d g%d' % (i, params, round(share), i))
                   for i, (params, share) in enumerate(guests)]
        for fig in run_guests(NAME, modules, opts, figure, cmdline=cmdline, prefix=policy + '_'):
            i = int(fig['metric'].rsplit('g', 1)[-1])
            fig['floor'] = round(guests[i][1], 2)
            fig['ratio'] = round(fig['value'] / fig['floor'], 3)
            yield fig
        io = [(STORM, 'name=io %s -- latency=0' % IO_GUEST[policy]),
              (SHARE, 'name=hog1'), (SHARE, 'name=hog2')]
        yield from run_guests(NAME, io, opts, figure, cmdline=cmdline, prefix=policy + '_',
                              only='io')
        yielders = [(STORM, 'name=a -- yield'), (STORM, 'name=b -- yield')]
        yield from run_guests(NAME, yielders, opts, figure, cmdline=cmdline, prefix=policy + '_',
                              only='a')
