#!/usr/bin/env python3
"""boot/run: build ringlet and boot it in QEMU, with or without guests."""

import argparse
import os
import re
import shlex
import signal
import subprocess
import sys

sys.dont_write_bytecode = True     # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import elfsyms  # noqa: E402
import iso as isolib  # noqa: E402
import qemu  # noqa: E402

PROG = 'boot/run'
# start_info's cmd_line holds 1024 bytes with its NUL, the words after "--".
MAX_GUEST_ARGS = 1023
NAME_MAX = 4071               # hv/domain/domain.h: DOMAIN_NAME_MAX
MODULE_CMDLINE_MAX = 1023     # hv/boot/bootinfo.h: BOOT_CMDLINE_MAX less its NUL
# A word miniguest puts in the environment (miniguest/libc/args.c).
ENV_WORD = re.compile(r'[A-Za-z_][A-Za-z0-9_]*=[A-Za-z0-9_@%+=:,./-]*')
# The default demo: dom0 and a C program with its files (miniguest/apps/).
DEMO_MODULES = [
    ('miniguest/apps/dom0.elf', 'name=dom0 dom0'),
    ('miniguest/apps/hello.elf', 'name=hello -- hello world'),
    ('miniguest/apps/hello-files.cpio', 'initrd'),
]
# The driver domain boot/run adds for GUEST.elf's --disk images.
DISK_DRIVER = ('miniguest/apps/dom0.elf', 'name=dom0 dom0 mem=24M')

DESCRIPTION = """\
Build ringlet and boot it in QEMU. The serial console is this terminal; QEMU
exits when the hypervisor finishes (Ctrl-C stops it earlier).

With no guest, boots the default demo: dom0 and "hello", a C program linked
with miniguest and newlib, which prints a greeting, the date, its arguments
and a file from the cpio archive it boots with; then the machine powers off.
With --hv selftest it runs the hypervisor's self-test instead. With
GUEST.elf, boots it as a guest; the words
after it (optionally after "--") are the guest's arguments:

  boot/run app.elf -- arg1 arg2

Each argument reaches the guest exactly as the shell gave it here, spaces
and quotes included (boot/run quotes it on the module's command line as sh
would, and miniguest takes the quotes off); a NAME=value word goes to the
guest's environment instead. --guest-mem SIZE gives the guest more memory
than the default 16 MiB.

With --initrd FILE, FILE becomes GUEST.elf's start_info module (its initrd),
the module right after it with the command line "initrd"; Xen reads
"-initrd 'app.elf,FILE'" the same way.

With --disk FILE[,guest=NAME] (repeatable, at most %d), the raw image FILE
becomes a virtio-blk-pci disk at a fixed PCI address (the first at %s, the
next at %s, ...), driven by the privileged domain, which learns whose disk
it is from a word disk=NAME:vdX added to its arguments (vda is the first
disk, vdb the second); NAME is GUEST.elf's domain name unless given
(hello for the default demo). When GUEST.elf links blkfront (it defines
blkfront_probe) and no module says dom0, boot/run adds the demo's dom0
(%s) as that domain: it drives the disks and runs the store, and
GUEST.elf, a domain of its own, reaches them over blkif as xvda, xvdb...
(the libc mounts xvda at /disk when the program links the ext2 layer).

With --net, a virtio-net-pci device at %s on QEMU's user network
(restricted: the guest reaches neither the host nor beyond; --net-outside
lifts that) goes to GUEST.elf's domain (--net guest=NAME: NAME's, by a
pci= word), else to the privileged domain; --forward HOSTPORT:GUESTPORT
makes 127.0.0.1:HOSTPORT reach GUESTPORT at %s, the first address QEMU's
DHCP leases:

  boot/run --net --forward 8080:80 --initrd build/miniguest/apps/httpd/httpd-files.cpio \\
           --guest-mem 32M build/miniguest/apps/httpd/httpd.elf

When the domain with the device runs netback (dom0), the device is a port
of its bridge; --forward HOSTPORT:GUESTPORT,guest=NAME for a guest NAME
that one of its vif=NAME words names gives NAME a fixed address (ip=%s,
the next forwarded guest the next address) unless it says ip= itself,
and forwards to that:

  boot/run --forward 8080:80,guest=web \\
           --module "build/miniguest/apps/dom0.elf name=dom0 dom0 mem=24M -- vif=web" \\
           --module "build/miniguest/apps/httpd-netif.elf name=web mem=32M -- 80" \\
           --module "build/miniguest/apps/httpd/httpd-files.cpio initrd"
""" % (qemu.DISKS_MAX, qemu.disk_bdf(0), qemu.disk_bdf(1), DISK_DRIVER[0],
       qemu.net_bdf(), qemu.GUEST_IP, qemu.bridged_ip(0))

EPILOG = """\
exit status: 0 when the hypervisor reports success, 1 when it reports
failure, 2 when QEMU stopped otherwise (a machine reset, e.g. a triple fault,
or a QEMU error), 130 after Ctrl-C.
"""


def parse_args(argv):
    ap = argparse.ArgumentParser(prog=PROG, description=DESCRIPTION, epilog=EPILOG,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    path = ap.add_mutually_exclusive_group()
    path.add_argument('--kernel', dest='boot', action='store_const', const='kernel',
                      help="boot through QEMU's -kernel (Multiboot1; the default, fastest)")
    path.add_argument('--iso', dest='boot', action='store_const', const='iso',
                      help='boot through GRUB2 (Multiboot2) from an ISO, as on real hardware')
    ap.add_argument('--gdb', action='store_true',
                    help='start paused and wait for gdb on localhost:%d' % qemu.GDB_PORT)
    ap.add_argument('--accel', choices=qemu.ACCELS, default='tcg',
                    help='QEMU accelerator (default tcg; kvm only when asked: nested '
                         'KVM often cannot run 32-bit paged guests)')
    ap.add_argument('--mem', default=qemu.DEFAULT_MEM, metavar='SIZE',
                    help='machine memory, as QEMU -m takes it (default %s)' % qemu.DEFAULT_MEM)
    ap.add_argument('--guest-mem', metavar='SIZE',
                    help="GUEST.elf's memory, as the hypervisor's mem= takes it (e.g. 64M; "
                         '1M to 3G; default 16M); --mem may need raising too')
    ap.add_argument('--hv', metavar='"CMDLINE"',
                    help='hypervisor command line, e.g. --hv "loglvl=debug" (default: '
                         'empty)')
    ap.add_argument('--module', action='append', default=[], metavar='"FILE [CMDLINE]"',
                    help='add a module with exactly this command line (repeatable); '
                         'boots after GUEST.elf')
    ap.add_argument('--initrd', metavar='FILE',
                    help="GUEST.elf's start_info module (initrd), e.g. a cpio archive")
    ap.add_argument('--dom0', nargs='?', const='', metavar='"CMD; CMD"',
                    help="boot dom0 with the toolstack shell (miniguest/toolstack/) and "
                         "its files (guests it can create, in /bin); with commands, it "
                         "runs them and its input ends; alone, it reads them from this "
                         "terminal")
    ap.add_argument('--dom0-script', metavar='FILE',
                    help='the same with the commands in FILE (one or more a line, '
                         '";" between them; # starts a comment)')
    ap.add_argument('--disk', action='append', default=[], metavar='FILE[,guest=NAME]',
                    help='attach the raw image FILE as a virtio-blk disk of the driver domain, '
                         "for guest NAME (default GUEST.elf's name); repeatable")
    ap.add_argument('--net', nargs='?', const='', metavar='guest=NAME',
                    help='add a virtio-net device on QEMU\'s user network (restricted: no way '
                         'out of the host) for the domain NAME (default: GUEST.elf\'s, else '
                         'the privileged domain)')
    ap.add_argument('--net-outside', action='store_true',
                    help='--net without restrict=on: the guest may reach the host and beyond')
    ap.add_argument('--forward', action='append', default=[],
                    metavar='HOSTPORT:GUESTPORT[,guest=NAME]',
                    help='forward TCP 127.0.0.1:HOSTPORT to the networked domain\'s '
                         'GUESTPORT at %s (its first DHCP lease), or to guest NAME behind '
                         'its bridge (a vif=NAME word); implies --net; '
                         'repeatable' % qemu.GUEST_IP)
    ap.add_argument('--hv-elf', default=qemu.HV_ELF, metavar='FILE',
                    help='boot this Multiboot kernel instead of build/hv/ringlet.elf')
    ap.add_argument('--no-build', action='store_true',
                    help='do not run boot/build first')
    ap.add_argument('--dry-run', action='store_true',
                    help='print the QEMU command instead of running it')
    ap.add_argument('guest', nargs='?', metavar='GUEST.elf',
                    help='a guest kernel to boot')
    ap.add_argument('args', nargs=argparse.REMAINDER, metavar='ARG',
                    help="the guest's arguments")
    a = ap.parse_args(argv)
    a.boot = a.boot or 'kernel'
    if a.args and a.args[0] == '--':
        a.args = a.args[1:]
    return a


def fail(msg, status=2):
    print('%s: %s' % (PROG, msg), file=sys.stderr)
    sys.exit(status)


def guest_args(args):
    """The guest's arguments as its command line carries them: each quoted
    as the shell would (miniguest/libc/args.c takes the quotes off), except
    NAME=value words, which stay bare so that they reach the environment."""
    return ' '.join(a if ENV_WORD.fullmatch(a) else shlex.quote(a) for a in args)


def domain_name(path, rest):
    """A valid name= for the guest file at path: its file name without
    .elf, every character but letters, digits and _.- made '_', cut to what
    the hypervisor takes (NAME_MAX) and to what the module command line
    (MODULE_CMDLINE_MAX, with rest, the options after the name) leaves."""
    name = os.path.basename(path)
    if name.endswith('.elf'):
        name = name[:-len('.elf')]
    name = re.sub(r'[^A-Za-z0-9_.-]', '_', name) or 'guest'
    room = MODULE_CMDLINE_MAX - len('name=') - len(rest)
    return name[:max(1, min(NAME_MAX, room))]


def dom0_script(a):
    """The shell's commands from --dom0 or --dom0-script, on one line; None
    for no shell, '' for an interactive one."""
    if a.dom0_script is not None:
        try:
            with open(a.dom0_script) as f:
                lines = [l.split('#', 1)[0].strip() for l in f]
        except OSError as e:
            fail('--dom0-script %s: %s' % (a.dom0_script, e.strerror))
        return '; '.join(l for l in lines if l)
    return a.dom0


def dom0_modules(a):
    """dom0 with the shell and its files, when --dom0 or --dom0-script asks."""
    script = dom0_script(a)
    if script is None:
        return []
    rest = 'name=dom0 dom0 -- shell'
    if script:
        rest += ' ' + shlex.quote(script)
    if len(rest) > MODULE_CMDLINE_MAX:
        fail('the dom0 commands take %d bytes quoted; a module command line holds %d'
             % (len(rest), MODULE_CMDLINE_MAX))
    apps = os.path.join(qemu.BUILD_DIR, 'miniguest', 'apps')
    return [(os.path.join(apps, 'dom0.elf'), rest),
            (os.path.join(apps, 'dom0-files.cpio'), 'initrd')]


def guest_modules(a):
    """[(path, module cmdline)] from GUEST.elf, its arguments and --module."""
    modules = dom0_modules(a)
    if a.guest:
        if not os.path.isfile(a.guest):
            fail('%s: no such file' % a.guest)
        rest = ''
        if a.guest_mem is not None:
            if not re.fullmatch(r'[0-9]+[KkMmGg]?', a.guest_mem):
                fail('--guest-mem %s: expected a size such as 64M' % a.guest_mem)
            rest += ' mem=' + a.guest_mem
        if a.args:
            args = guest_args(a.args)
            if len(args) > MAX_GUEST_ARGS:
                fail('the guest arguments take %d bytes quoted; a guest gets at most %d'
                     % (len(args), MAX_GUEST_ARGS))
            rest += ' -- ' + args
        modules.append((a.guest, 'name=' + domain_name(a.guest, rest) + rest))
    if a.initrd is not None:
        if not a.guest:
            fail('--initrd %s: give GUEST.elf too; the initrd is its module' % a.initrd)
        if not os.path.isfile(a.initrd):
            fail('--initrd %s: no such file' % a.initrd)
        modules.append((a.initrd, 'initrd'))
    for m in a.module:
        path, _, cmdline = m.strip().partition(' ')
        if not os.path.isfile(path):
            fail('--module %s: no such file' % path)
        modules.append((path, cmdline.strip()))
    return modules


def parse_disk(spec, default_guest):
    """(path, guest name) from --disk FILE[,guest=NAME]."""
    path, _, opts = spec.partition(',')
    guest = default_guest
    for opt in filter(None, opts.split(',')):
        key, eq, value = opt.partition('=')
        if key != 'guest' or not eq or not re.fullmatch(r'[A-Za-z0-9_.-]{1,31}', value):
            fail('--disk %s: expected FILE or FILE,guest=NAME (NAME of 1-31 letters, digits '
                 'and _.-)' % spec)
        guest = value
    if not os.path.isfile(path):
        fail('--disk %s: no such file (make one with boot/mkdisk or truncate -s)' % path)
    return path, guest


def says_dom0(cmdline):
    return 'dom0' in cmdline.partition(' -- ')[0].split()


def driver_index(modules):
    """The module of the privileged domain: the one that says dom0, else
    the first that is no initrd."""
    for i, (_, cmdline) in enumerate(modules):
        if says_dom0(cmdline):
            return i
    return next(i for i, (_, c) in enumerate(modules) if c.split()[:1] != ['initrd'])


def attach_disks(a, modules, default_guest):
    """The modules with disk=NAME:vdX words added to the driver domain's
    arguments, the QEMU arguments of the disks, and a line for each."""
    disks = [parse_disk(d, default_guest) for d in a.disk]
    if not disks:
        return modules, [], []
    try:
        args = qemu.disk_args([p for p, _ in disks])
    except qemu.QemuError as e:
        fail(str(e))
    words = ' '.join('disk=%s:vd%s' % (g, chr(ord('a') + i)) for i, (_, g) in enumerate(disks))
    i = driver_index(modules)
    path, cmdline = modules[i]
    cmdline += (' ' if ' -- ' in ' ' + cmdline + ' ' else ' -- ') + words
    modules = modules[:i] + [(path, cmdline.strip())] + modules[i + 1:]
    lines = ['%s: disk %s is %s (vd%s) of %s, for %s' % (PROG, p, qemu.disk_bdf(n),
             chr(ord('a') + n), os.path.basename(path), g) for n, (p, g) in enumerate(disks)]
    return modules, args, lines


def module_name(cmdline):
    word = cmdline.split()[:1]
    return word[0][len('name='):] if word and word[0].startswith('name=') else None


def parse_forward(spec, net_guest, bridged):
    """(host port, guest port, guest name or None) from --forward
    HOSTPORT:GUESTPORT[,guest=NAME]; NAME the networked domain or one of
    bridged, the guests behind its bridge."""
    ports, _, opts = spec.partition(',')
    m = re.fullmatch(r'([0-9]{1,5}):([0-9]{1,5})', ports)
    guest = opts[len('guest='):] if opts.startswith('guest=') else None
    if not m or (opts and guest is None):
        fail('--forward %s: expected HOSTPORT:GUESTPORT[,guest=NAME]' % spec)
    if guest is not None and guest != net_guest and guest not in bridged:
        fail('--forward %s: only %s, the domain with the network device, and the guests '
             'its vif= words name have an address QEMU reaches' % (spec, net_guest))
    host, port = int(m.group(1)), int(m.group(2))
    if not (0 < host < 65536 and 0 < port < 65536):
        fail('--forward %s: ports are 1-65535' % spec)
    return host, port, None if guest == net_guest else guest


def vif_guests(cmdline):
    """The guests a domain's vif=NAME[:...] words give vifs."""
    return [w[len('vif='):].split(':')[0] for w in cmdline.split() if w.startswith('vif=')]


def give_address(modules, name, n):
    """The modules with guest name's address fixed (ip=, the n-th bridged
    address unless it says one), and that address."""
    at = next(i for i, (_, c) in enumerate(modules) if module_name(c) == name)
    path, cmdline = modules[at]
    opts, sep, args = cmdline.partition(' -- ')
    said = [w[len('ip='):] for w in args.split() if w.startswith('ip=')] if sep else []
    if said:
        return modules, said[-1]
    ip = qemu.bridged_ip(n)
    cmdline = opts + ' -- ' + ('ip=%s %s' % (ip, args) if sep else 'ip=%s' % ip)
    return modules[:at] + [(path, cmdline.strip())] + modules[at + 1:], ip


def attach_net(a, modules, default_guest):
    """The modules with pci= given to the networked domain (unless it is
    the privileged one, which holds every device no other holds), the QEMU
    arguments, and a line that says where the device went."""
    if a.net is None and not a.forward and not a.net_outside:
        return modules, [], []
    if len(a.disk) > qemu.NET_DISKS_MAX:
        fail('--net takes disk 4\'s interrupt line: at most %d disks with it'
             % qemu.NET_DISKS_MAX)
    priv = driver_index(modules)
    guest = default_guest or module_name(modules[priv][1])
    if a.net:
        if not a.net.startswith('guest=') or not re.fullmatch(r'[A-Za-z0-9_.-]{1,31}',
                                                                a.net[len('guest='):]):
            fail('--net %s: expected --net or --net guest=NAME' % a.net)
        guest = a.net[len('guest='):]
    at = next((i for i, (_, c) in enumerate(modules) if module_name(c) == guest), None)
    if at is None:
        fail('--net: no module is named %s' % guest)
    bridged = [g for g in vif_guests(modules[at][1])
               if any(module_name(c) == g for _, c in modules)]
    forwards, named = [], {}
    for f in a.forward:
        host, port, name = parse_forward(f, guest, bridged)
        if name is None:
            forwards.append((host, port))
            continue
        if name not in named:
            modules, named[name] = give_address(modules, name, len(named))
        forwards.append((host, port, named[name]))
    if at != priv:
        path, cmdline = modules[at]
        opts, sep, args = cmdline.partition(' -- ')
        modules = modules[:at] + [(path, opts + ' pci=' + qemu.net_bdf() + sep + args)] + \
            modules[at + 1:]
    try:
        args = qemu.net_args(forwards, outside=a.net_outside)
    except qemu.QemuError as e:
        fail(str(e))
    lines = ['%s: network device %s of %s (%s)%s' % (
        PROG, qemu.net_bdf(), guest, 'outside reachable' if a.net_outside else 'restricted',
        ''.join('; 127.0.0.1:%d -> %s:%d' % (f[0], f[2] if len(f) > 2 else qemu.GUEST_IP, f[1])
                for f in forwards))]
    return modules, args, lines


class Interrupted:
    """Remembers a Ctrl-C while QEMU (which gets it too) winds down."""
    seen = False

    @classmethod
    def handler(cls, signum, frame):
        cls.seen = True


def main(argv):
    a = parse_args(argv)
    if a.accel == 'kvm' and not os.access('/dev/kvm', os.R_OK | os.W_OK):
        fail('--accel kvm: /dev/kvm is missing or not accessible to this user')
    modules = guest_modules(a)
    demo = not modules and 'selftest' not in (a.hv or '').split()
    if demo:
        modules = [(os.path.join(qemu.BUILD_DIR, p), c) for p, c in DEMO_MODULES]
    shell = a.dom0 is not None or a.dom0_script is not None
    cmdline = a.hv or ''
    # GUEST.elf's own module (not necessarily the first) names it.
    default_guest = 'hello' if demo else next(
        (c.split()[0][len('name='):] for p, c in modules if a.guest and p == a.guest), None)
    if a.disk and not modules:
        fail('--disk needs a guest to drive it (GUEST.elf, --module or the default demo)')
    if a.disk and default_guest is None and any(',guest=' not in d for d in a.disk):
        fail('--disk without GUEST.elf: say whose disk it is with FILE,guest=NAME')
    # A GUEST.elf linked with blkfront reaches its disks over blkif: the
    # demo's dom0 drives the virtio-blk disks and runs the store, the guest
    # is a domU. Any other GUEST.elf drives them itself.
    driver = a.disk and a.guest and not shell and \
        not any(says_dom0(c) for _, c in modules) and 'blkfront_probe' in elfsyms.defined(a.guest)
    if driver:
        modules = [(os.path.join(qemu.BUILD_DIR, DISK_DRIVER[0]), DISK_DRIVER[1])] + modules
    modules, disk_qemu_args, disk_lines = attach_disks(a, modules, default_guest)
    modules, net_qemu_args, net_lines = attach_net(a, modules, default_guest)
    disk_qemu_args += net_qemu_args
    disk_lines += net_lines

    if not a.no_build and not a.dry_run:
        build = subprocess.run([os.path.join(qemu.ROOT, 'boot', 'build')])
        if build.returncode != 0:
            sys.exit(build.returncode)
    for path in [a.hv_elf] + ([p for p, _ in modules] if demo or shell or driver else []):
        if not os.path.isfile(path):
            fail('%s does not exist; build it with boot/build' % path)

    try:
        iso = None
        if a.boot == 'iso':
            iso = isolib.build_iso(qemu.BUILD_DIR, a.hv_elf, cmdline, modules)
        cmd = qemu.command(kernel=a.hv_elf, cmdline=cmdline, modules=modules, iso=iso,
                           accel=a.accel, mem=a.mem, gdb=a.gdb) + disk_qemu_args
    except (isolib.IsoError, qemu.QemuError) as e:
        fail(str(e))

    if a.dry_run:
        print(' '.join(_sh_quote(c) for c in cmd))
        return 0

    what = os.path.relpath(a.hv_elf, os.getcwd())
    if demo:
        what += ' (the default demo)'
    what += ''.join(' + ' + os.path.basename(p) for p, _ in modules)
    print('%s: booting %s via %s (%s); Ctrl-C stops QEMU'
          % (PROG, what, 'GRUB ISO' if iso else '-kernel', a.accel), file=sys.stderr)
    for line in disk_lines:
        print(line, file=sys.stderr)
    if a.gdb:
        print("%s: QEMU waits for gdb; in another terminal run:\n"
              "    gdb %s -ex 'target remote :%d'"
              % (PROG, os.path.relpath(a.hv_elf, os.getcwd()), qemu.GDB_PORT),
              file=sys.stderr)

    signal.signal(signal.SIGINT, Interrupted.handler)
    try:
        proc = subprocess.Popen(cmd)
    except FileNotFoundError:
        fail('%s is not installed (run boot/setup)' % qemu.QEMU)
    while True:
        try:
            status = proc.wait()
            break
        except InterruptedError:
            continue

    if Interrupted.seen:
        print('%s: stopped by Ctrl-C' % PROG, file=sys.stderr)
        return 130
    if status == qemu.STATUS_SUCCESS:
        return 0
    if status == qemu.STATUS_FAILURE:
        print('%s: the hypervisor reported failure (QEMU exit status %d)'
              % (PROG, status), file=sys.stderr)
        return 1
    if status < 0:
        print('%s: QEMU was killed by signal %d' % (PROG, -status), file=sys.stderr)
    else:
        print('%s: QEMU exited with status %d (machine reset or QEMU error)'
              % (PROG, status), file=sys.stderr)
    return 2


def _sh_quote(s):
    import shlex
    return shlex.quote(s)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
