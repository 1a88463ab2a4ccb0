"""The miniguest benchmark: what a plain C program costs as a guest.

Sizes, in bytes, with no floor: text, data and bss of the demo program
hello.elf (miniguest/apps/hello), counted from its section headers as
size(1) counts them, and its file size; beside them the same for the
smallest program, "int main(void){return 0;}", built with miniguest-cc at
bench time, so that what printf, stdio and time add shows.

Boot times, beside the hypervisor alone reaching its ready line with no
guest (the floor, measured in the same run): from starting QEMU to hello's
first line and to the machine stopping, and for the smallest program to the
machine stopping (what newlib's start-up and exit cost). Medians of at most
5 runs of each, the three taken in turns.
"""

import os
import statistics
import struct
import subprocess
import sys
import tempfile

import qemu
from benchlib import STOP, MeasureError, alternate, time_to_stop
from bootbench import hv_alone

NAME = 'miniguest'
DESCRIPTION = 'hello.elf and the smallest C program: image sizes, boot to first line and to stop'

APPS = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps')
HELLO = os.path.join(APPS, 'hello.elf')
HELLO_FILES = os.path.join(APPS, 'hello-files.cpio')
MINIGUEST_CC = os.path.join(qemu.BUILD_DIR, 'miniguest', 'sdk', 'miniguest-cc')
CFLAGS = ['-O2', '-g']          # as miniguest/apps/meson.build builds hello
SMALLEST_C = 'int main(void){return 0;}\n'
FIRST_LINE = b'(hello) Hello from'
REPS = 5                        # each run boots three machines: keep it short

SIZES = ('text', 'data', 'bss', 'file')
SHF_WRITE = 0x1
SHF_ALLOC = 0x2
SHT_NOBITS = 8


def run(opts, figure):
    """Yields the figures (a generator: the measuring starts at the first)."""
    for path in (qemu.HV_ELF, HELLO, HELLO_FILES, MINIGUEST_CC):
        if not os.path.isfile(path):
            raise MeasureError('%s is missing; build it with boot/build' % path)
    with tempfile.TemporaryDirectory(prefix='ringlet-bench-') as tmp:
        smallest = build_smallest(tmp)
        yield from size_figures({'hello': HELLO, 'smallest': smallest}, opts.accel, figure)
        yield from boot_figures(smallest, opts, figure)


def build_smallest(tmp):
    """The smallest program, compiled with miniguest-cc into tmp; its path."""
    src = os.path.join(tmp, 'smallest.c')
    elf = os.path.join(tmp, 'smallest.elf')
    with open(src, 'w') as f:
        f.write(SMALLEST_C)
    r = subprocess.run([MINIGUEST_CC] + CFLAGS + ['-o', elf, src], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise MeasureError('miniguest-cc could not build %r:\n%s%s'
                           % (SMALLEST_C.strip(), r.stdout, r.stderr))
    return elf


def size_figures(programs, accel, figure):
    """The size figures of programs, {name: ELF path}."""
    sizes = {name: image_sizes(path) for name, path in programs.items()}
    for name, s in sizes.items():
        print('miniguest: %-8s text %7d  data %6d  bss %6d bytes; file %7d bytes'
              % (name, s['text'], s['data'], s['bss'], s['file']), file=sys.stderr)
        for part in SIZES:
            yield figure(NAME, '%s_%s' % (name, part), s[part], 'bytes', None, accel, digits=0)
    print('miniguest: printf, stdio and time add %+d bytes of text, %+d of data, %+d of bss'
          % tuple(sizes['hello'][p] - sizes['smallest'][p] for p in SIZES[:3]), file=sys.stderr)


def image_sizes(path):
    """{'text', 'data', 'bss', 'file'}: the bytes of path's loaded sections
    as size(1) counts them (text: read-only, code included; data: writable
    with contents; bss: without contents), and of the whole file."""
    with open(path, 'rb') as f:
        elf = f.read()
    if elf[:6] != b'\x7fELF\x01\x01':
        raise MeasureError('%s is not a 32-bit little-endian ELF file' % path)
    shoff, = struct.unpack_from('<I', elf, 0x20)
    shentsize, shnum = struct.unpack_from('<HH', elf, 0x2e)
    sizes = dict.fromkeys(SIZES, 0)
    sizes['file'] = len(elf)
    for i in range(shnum):
        _, sh_type, flags, _, _, size = struct.unpack_from('<6I', elf, shoff + i * shentsize)
        if flags & SHF_ALLOC:
            sizes[section_part(sh_type, flags)] += size
    return sizes


def section_part(sh_type, flags):
    """'text', 'data' or 'bss': where size(1) counts a loaded section."""
    if sh_type == SHT_NOBITS:
        return 'bss'
    return 'data' if flags & SHF_WRITE else 'text'


def boot_figures(smallest, opts, figure):
    """The boot time figures, each beside the hypervisor alone."""
    try:
        hello_cmd = qemu.command(modules=[(HELLO, 'name=hello -- world'), (HELLO_FILES, 'initrd')],
                                 accel=opts.accel)
        smallest_cmd = qemu.command(modules=[(smallest, 'name=smallest')], accel=opts.accel)
    except qemu.QemuError as e:
        raise MeasureError(str(e))
    reps = min(opts.reps, REPS)
    print('miniguest: %d boots each of hello, the smallest program and the hypervisor alone '
          '(%s)...' % (reps, opts.accel), file=sys.stderr)
    samples = alternate({'hello': lambda: time_to_stop(hello_cmd, [FIRST_LINE]),
                         'smallest': lambda: time_to_stop(smallest_cmd),
                         'hv': lambda: hv_alone(opts.accel)}, reps)
    floor = statistics.median(samples['hv'])
    for name, key, metric, what in (
            ('hello', FIRST_LINE, 'hello_to_first_line', "hello's first line"),
            ('hello', STOP, 'hello_to_stop', 'hello, machine stopped'),
            ('smallest', STOP, 'smallest_to_stop', 'smallest, machine stopped')):
        times = [s[key] for s in samples[name]]
        ms = statistics.median(times)
        print('miniguest: %-26s %7.1f ms, hypervisor alone ready %6.1f ms: %+.1f ms '
              '(medians; spread %.0f-%.0f ms and %.0f-%.0f ms)'
              % (what, ms, floor, ms - floor, min(times), max(times),
                 min(samples['hv']), max(samples['hv'])), file=sys.stderr)
        yield figure(NAME, metric, ms, 'ms', floor, opts.accel)
