#!/usr/bin/env python3
"""meson install: the SDK lands in the prefix whole. Installs the build
directory into a scratch DESTDIR and checks what a user of miniguest-cc or
of pkg-config needs is there and points into the prefix. Speaks TAP.

    test_install.py BUILD_DIR
"""

import json
import os
import subprocess
import sys
import tempfile


def installed(build, dest):
    p = subprocess.run(['meson', 'install', '-C', build, '--destdir', dest, '--no-rebuild',
                        '--quiet'], capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def prefix_of(build):
    p = subprocess.run(['meson', 'introspect', '--buildoptions', build],
                       capture_output=True, text=True, check=True)
    opts = {o['name']: o['value'] for o in json.loads(p.stdout)}
    return opts['prefix'], opts['libdir'], opts['includedir'], opts['bindir']


def build_system_files(root, prefix, libdir, bindir):
    """The CMake toolchain file, the meson cross file and autoconf's names
    for the compiler and tools, all naming the prefix's miniguest-cc."""
    cc = os.path.join(prefix, bindir, 'miniguest-cc')
    checks = []
    for f in ['share/miniguest/miniguest.cmake', 'share/meson/cross/miniguest.ini']:
        path = os.path.join(root, f)
        text = open(path).read() if os.path.isfile(path) else ''
        checks.append((f + ' names the installed miniguest-cc', cc in text, path))
    for n in ['gcc', 'cc', 'ar', 'ranlib', 'nm', 'strip']:
        path = os.path.join(root, bindir, 'i686-miniguest-elf-' + n)
        target = os.readlink(path) if os.path.islink(path) else ''
        want = 'miniguest-cc' if n in ('gcc', 'cc') else 'llvm-' + n
        checks.append(('bin/i686-miniguest-elf-%s is %s' % (n, want),
                       os.path.basename(target) == want, target))
    return checks


def main(build):
    prefix, libdir, incdir, bindir = prefix_of(build)
    checks = []
    with tempfile.TemporaryDirectory() as dest:
        rc, out = installed(build, dest)
        checks.append(('meson install succeeds', rc == 0, out[-2000:]))
        root = dest + prefix
        lib = os.path.join(root, libdir, 'miniguest')
        inc = os.path.join(root, incdir, 'miniguest')
        cc = os.path.join(root, bindir, 'miniguest-cc')
        checks.append(('miniguest-cc is installed and executable', os.access(cc, os.X_OK), cc))
        for f in ['libminiguest.a', 'libminiguest_nosyms.a', 'libminiguest_disk.a',
                  'libext2fs.a', 'libcom_err.a', 'libc.a', 'libm.a', 'miniguest.ld',
                  'gen_ksyms.py']:
            checks.append(('lib/miniguest/' + f, os.path.isfile(os.path.join(lib, f)), lib))
        for f in ['kernel/thread.h', 'kernel/events.h', 'pvabi/sched.h', 'dirent.h',
                  'newlib/stdio.h', 'newlib/math.h']:
            checks.append(('include/miniguest/' + f, os.path.isfile(os.path.join(inc, f)), inc))
        text = open(cc).read() if os.path.isfile(cc) else ''
        checks.append(('the installed miniguest-cc uses the prefix, not the build tree',
                       os.path.join(prefix, libdir, 'miniguest') in text and
                       os.path.abspath(build) not in text, ''))
        pc = os.path.join(root, libdir, 'pkgconfig', 'miniguest.pc')
        pctext = open(pc).read() if os.path.isfile(pc) else ''
        checks.append(('miniguest.pc names the libraries and the linker script',
                       '-lminiguest' in pctext and 'miniguest.ld' in pctext and
                       '-isystem ${includedir}/newlib' in pctext, pc))
        checks += build_system_files(root, prefix, libdir, bindir)
    print('1..%d' % len(checks))
    for i, (what, ok, detail) in enumerate(checks, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, what))
        if not ok and detail:
            print('# ' + detail.replace('\n', '\n# '))
    return 0 if all(ok for _, ok, _ in checks) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
