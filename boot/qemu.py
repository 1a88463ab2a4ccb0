"""The one place that builds ringlet's QEMU command line.

The launcher (boot/run), the test runner and the benchmarks all boot through
here, so a test boots exactly what a user boots. Two boot paths:

  kernel  QEMU loads the hypervisor itself through Multiboot1 (-kernel, fast);
          guest modules go in -initrd as "file args,file args".
  iso     GRUB2 loads it through Multiboot2 from an ISO built by boot/mkiso.

The hypervisor ends QEMU through isa-debug-exit: writing v to port 0xf4 makes
QEMU exit with status (v << 1) | 1.
"""

import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD_DIR = os.path.join(ROOT, 'build')
HV_ELF = os.path.join(BUILD_DIR, 'hv', 'ringlet.elf')

QEMU = 'qemu-system-x86_64'
ACCELS = ('tcg', 'kvm')
DEFAULT_MEM = '256M'
DEFAULT_CPU = 'max'

EXIT_SUCCESS = 0x10             # what the hypervisor writes on success
EXIT_FAILURE = 0x11             # ... and on failure
STATUS_SUCCESS = (EXIT_SUCCESS << 1) | 1    # 33
STATUS_FAILURE = (EXIT_FAILURE << 1) | 1    # 35
STATUS_RESET = 0                # -no-reboot: the machine reset (triple fault) or powered off

GDB_PORT = 1234


class QemuError(Exception):
    pass


def status_name(status):
    """'success', 'failure', 'reset', or a description of anything else."""
    if status == STATUS_SUCCESS:
        return 'success'
    if status == STATUS_FAILURE:
        return 'failure'
    if status == STATUS_RESET:
        return 'reset'
    if status < 0:
        return 'killed by signal %d' % -status
    return 'status %d' % status


def initrd_arg(modules):
    """-initrd's value: "file args,file args"; QEMU reads ",," as a comma."""
    parts = []
    for path, args in modules:
        path = os.path.abspath(path)
        if any(c.isspace() for c in path):
            raise QemuError("%s: QEMU's -initrd cannot pass a module whose path "
                            "contains white space; move or link it elsewhere" % path)
        entry = path + (' ' + args if args else '')
        parts.append(entry.replace(',', ',,'))
    return ','.join(parts)


# Raw disk images as virtio-blk-pci devices at fixed bus-0 slots, so that a
# disk's PCI address (and the INTx line q35 routes it to, GSIs 20-23) is
# known from its place in the list: disk i is at 00:(DISK_SLOT + i).0.
DISK_SLOT = 0x10
DISKS_MAX = 4


def disk_bdf(i):
    return '00:%02x.0' % (DISK_SLOT + i)


def disk_args(paths, device_opts=()):
    """-drive and -device arguments for raw images, in order; device_opts,
    if given, more virtio-blk-pci options for each (e.g. 'packed=on'). An
    image named *.qcow2 is in QEMU's qcow2 format and opened with
    cache=none: QEMU's own tables for it then reach the file only when the
    guest flushes (test/harness/qcow2.py)."""
    if len(paths) > DISKS_MAX:
        raise QemuError('at most %d disks (they get GSIs of their own)' % DISKS_MAX)
    args = []
    for i, path in enumerate(paths):
        path = os.path.abspath(path)
        if ',' in path:
            raise QemuError("%s: QEMU's -drive cannot take a path with a comma" % path)
        more = device_opts[i] if i < len(device_opts) and device_opts[i] else ''
        fmt, cache = ('qcow2', 'none') if path.endswith('.qcow2') else ('raw', 'writeback')
        args += ['-drive', 'file=%s,format=%s,if=none,id=disk%d,cache=%s' % (path, fmt, i, cache),
                 '-device', 'virtio-blk-pci,drive=disk%d,addr=0x%x%s'
                 % (i, DISK_SLOT + i, ',' + more if more else '')]
    return args


# The network: QEMU's user network (slirp: 10.0.2.0/24, gateway and DNS
# 10.0.2.2, DHCP leasing from 10.0.2.15) behind a virtio-net-pci device at
# a fixed slot, 00:17.0, whose INTA q35 routes to GSI 23 (disk 3's line,
# so with the network at most 3 disks). restrict=on keeps the guest from
# reaching the host or the outside; forwarded ports still reach it.
NET_SLOT = 0x17
NET_DISKS_MAX = 3
GUEST_IP = '10.0.2.15'
# Guests behind the driver domain's bridge that a forward reaches get a
# fixed address from here up: above the 16 that QEMU's DHCP leases (from
# .15), which lease first being no business of ours.
BRIDGED_IP_FIRST = 100


def bridged_ip(n):
    """The fixed address of the n-th forwarded guest behind the bridge."""
    return '10.0.2.%d' % (BRIDGED_IP_FIRST + n)


def net_bdf():
    return '00:%02x.0' % NET_SLOT


def net_address_ok(ip):
    """Whether ip is a guest's address on QEMU's user network."""
    return bool(re.fullmatch(r'10\.0\.2\.[0-9]{1,3}', ip)) and 0 < int(ip.split('.')[3]) < 255


def net_args(forwards=(), outside=False, guest_ip=GUEST_IP):
    """-netdev and -device arguments for the network; forwards, a list of
    (host port, guest port[, guest address]), become hostfwd rules from
    127.0.0.1 (to guest_ip when the forward names no address)."""
    netdev = 'user,id=n0' + ('' if outside else ',restrict=on')
    for f in forwards:
        host, guest, ip = f[0], f[1], f[2] if len(f) > 2 else guest_ip
        if not (0 < host < 65536 and 0 < guest < 65536):
            raise QemuError('forward %s:%s: ports are 1-65535' % (host, guest))
        if not net_address_ok(ip):
            raise QemuError('forward %s:%s: %s is not an address of 10.0.2.0/24'
                            % (host, guest, ip))
        netdev += ',hostfwd=tcp:127.0.0.1:%d-%s:%d' % (host, ip, guest)
    # romfile= : no option ROM (nothing boots from the network).
    return ['-netdev', netdev,
            '-device', 'virtio-net-pci,netdev=n0,addr=0x%x,romfile=' % NET_SLOT]


# Virtual time from the instruction count (icount): 4 ns an instruction, and
# no sleeping through idle time. What a guest then measures in time depends on
# what runs, not on how busy the host is: for tests whose checks are times.
ICOUNT = ['-icount', 'shift=2,sleep=off']


def command(kernel=HV_ELF, cmdline='', modules=(), iso=None, accel='tcg',
            mem=DEFAULT_MEM, gdb=False, cpu=DEFAULT_CPU, icount=False):
    """The QEMU argument list.

    With iso, boot that ISO through GRUB (kernel, cmdline and modules are
    already inside it); otherwise load kernel with -kernel, the hypervisor
    command line in -append and modules, a list of (path, module cmdline),
    in -initrd."""
    if accel not in ACCELS:
        raise QemuError('unknown accelerator %r (choose %s)' % (accel, ' or '.join(ACCELS)))
    cmd = [QEMU, '-machine', 'q35', '-nodefaults', '-accel', accel, '-cpu', cpu,
           '-m', str(mem), '-display', 'none', '-no-reboot', '-serial', 'stdio',
           '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04']
    if iso is not None:
        cmd += ['-cdrom', iso, '-boot', 'order=d']
    else:
        cmd += ['-kernel', os.path.abspath(kernel)]
        if cmdline:
            cmd += ['-append', cmdline]
        if modules:
            cmd += ['-initrd', initrd_arg(modules)]
    if gdb:
        cmd += ['-s', '-S']
    if icount:
        cmd += ICOUNT
    return cmd


# The reference Xen (boot/xen/): a 64-bit hypervisor, so the 64-bit QEMU. It
# never ends QEMU itself; whoever runs it watches the serial output instead.
XEN_QEMU = 'qemu-system-x86_64'
XEN_REF_DIR = os.path.join(BUILD_DIR, 'xen-ref')
XEN_DEFAULT_MEM = '512M'
XEN_CMDLINE = 'console=com1 loglvl=all guest_loglvl=all noreboot'
# dom0's memory unless told otherwise: what a domain gets on ringlet without
# mem= (MODULE_MEM_DEFAULT, hv/domain/module_opts.h), so that a guest sees
# the same memory on both; Xen alone would give dom0 nearly all the machine's.
XEN_DOM0_MEM = '16M'
# Xen's own words when dom0 stops (with "noreboot" the machine then idles
# rather than ending QEMU) or when Xen itself dies.
XEN_DOM0_ENDED = re.compile(r'Hardware Dom0 (halted|crashed|shutdown)|Panic on CPU|'
                            r'Could not set up DOM0 guest OS|Reboot in five seconds')


def newest_xen():
    """build/xen-ref/<version>/xen of the highest version, or None."""
    try:
        versions = [v for v in os.listdir(XEN_REF_DIR)
                    if os.path.isfile(os.path.join(XEN_REF_DIR, v, 'xen'))]
    except FileNotFoundError:
        return None
    if not versions:
        return None

    def key(v):
        return [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r'(\d+)', v) if p]
    return os.path.join(XEN_REF_DIR, max(versions, key=key), 'xen')


def xen_command(xen, modules, cmdline=XEN_CMDLINE, accel='tcg', mem=XEN_DEFAULT_MEM,
                cpu=DEFAULT_CPU, dom0_mem=XEN_DOM0_MEM):
    """The QEMU argument list that boots the Xen image xen with modules, a
    list of (path, module cmdline): the first becomes dom0, with dom0_mem of
    memory, and the second, if any, dom0's initrd. Xen passes dom0 its
    module's command line without the leading file name."""
    if accel not in ACCELS:
        raise QemuError('unknown accelerator %r (choose %s)' % (accel, ' or '.join(ACCELS)))
    return [XEN_QEMU, '-machine', 'q35', '-nodefaults', '-accel', accel, '-cpu', cpu,
            '-m', str(mem), '-display', 'none', '-no-reboot', '-serial', 'stdio',
            '-kernel', os.path.abspath(xen),
            '-append', '%s dom0_mem=%s' % (cmdline, dom0_mem),
            '-initrd', initrd_arg(modules)]
