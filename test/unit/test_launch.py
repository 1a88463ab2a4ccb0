#!/usr/bin/env python3
"""boot/run's module list (boot/launch.py), through --dry-run: the QEMU
command it would run says which modules go in, in which order, with which
command lines. Speaks TAP, one case per function below.

    test_launch.py BOOT/launch.py
"""

import os
import re
import shlex
import struct
import subprocess
import sys
import tempfile


def run(launch, *args):
    """(exit status, stdout, stderr) of boot/run --no-build --dry-run ARGS."""
    p = subprocess.run([sys.executable, launch, '--no-build', '--dry-run',
                        '--hv-elf', launch] + list(args),
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def modules(stdout, d):
    """The -initrd value of a dry run, split into its modules, their paths
    relative to d."""
    words = shlex.split(stdout)
    if '-initrd' not in words[:-1]:
        return []
    return words[words.index('-initrd') + 1].replace(d + '/', '').split(',')


def case_initrd_follows_the_guest(launch, d):
    rc, out, err = run(launch, '--initrd', d + '/files.cpio', '--module', d + '/other.elf x',
                       d + '/app.elf', '--', 'a', 'b')
    return rc == 0 and modules(out, d) == ['app.elf name=app -- a b', 'files.cpio initrd',
                                        'other.elf x'], (rc, out, err)


def case_no_initrd_no_module(launch, d):
    rc, out, err = run(launch, d + '/app.elf')
    return rc == 0 and modules(out, d) == ['app.elf name=app'], (rc, out, err)


def case_initrd_needs_a_guest(launch, d):
    rc, out, err = run(launch, '--initrd', d + '/files.cpio')
    return rc == 2 and 'give GUEST.elf too' in err and not out, (rc, out, err)


def case_initrd_must_exist(launch, d):
    rc, out, err = run(launch, '--initrd', d + '/missing.cpio', d + '/app.elf')
    return rc == 2 and 'missing.cpio: no such file' in err and not out, (rc, out, err)


def case_initrd_needs_a_value(launch, d):
    rc, out, err = run(launch, '--initrd')
    return rc == 2 and '--initrd' in err and not out, (rc, out, err)


def demo_section_modules(root):
    """The modules of [demo] in test/miniguest/miniguest.tests, which boots
    the default demo as a test: the two must not drift apart."""
    lines, inside, grab = [], False, False
    with open(os.path.join(root, 'test', 'miniguest', 'miniguest.tests')) as f:
        for line in f:
            if line.startswith('['):
                inside = line.strip() == '[demo]'
                grab = False
            elif inside and line.startswith('modules ='):
                grab = True
                lines.append(line.split('=', 1)[1])
            elif inside and grab and line.startswith((' ', '\t')):
                lines.append(line)
            else:
                grab = False
    return [' '.join(m.split()) for m in lines if m.strip()]


def case_demo_without_guest(launch, d):
    root = os.path.dirname(os.path.dirname(os.path.abspath(launch)))
    build = os.path.join(root, 'build')
    rc, out, err = run(launch)
    want = demo_section_modules(root)
    return rc == 0 and want and modules(out, build) == want, (rc, out, err, want)


def case_selftest_boots_no_guest(launch, d):
    rc, out, err = run(launch, '--hv', 'selftest')
    return rc == 0 and '-initrd' not in out and 'selftest' in out, (rc, out, err)


def guest_cmdline(stdout):
    """The first module's command line in a dry run's -initrd, unquoted as
    the shell and QEMU (",," for a comma) read it."""
    words = shlex.split(stdout)
    if '-initrd' not in words:
        return None
    value = words[words.index('-initrd') + 1]
    first = re.split(r'(?<!,),(?!,)', value)[0].replace(',,', ',')
    return first.split(' ', 1)[1]


ODD_ARGS = ['-e', 'print("a b")', "it's", '', 'a,b', 'tab\there', '\\', '$HOME', 'X=1']


def case_arguments_are_quoted(launch, d):
    rc, out, err = run(launch, d + '/app.elf', '--', *ODD_ARGS)
    cmdline = guest_cmdline(out) or ''
    head, _, args = cmdline.partition(' -- ')
    # The guest splits as sh does (miniguest/libc/args.c, test_args.c).
    return rc == 0 and head == 'name=app' and shlex.split(args) == ODD_ARGS and \
        ' X=1' in args, (rc, out, err)


def case_arguments_too_long(launch, d):
    rc, out, err = run(launch, d + '/app.elf', '--', 'x' * 1000, 'y' * 30)
    return rc == 2 and 'at most 1023' in err and not out, (rc, out, err)


def case_guest_mem(launch, d):
    rc, out, err = run(launch, '--guest-mem', '64M', d + '/app.elf', '--', 'a')
    return rc == 0 and guest_cmdline(out) == 'name=app mem=64M -- a', (rc, out, err)


def case_guest_mem_must_be_a_size(launch, d):
    rc, out, err = run(launch, '--guest-mem', '64 MiB', d + '/app.elf')
    return rc == 2 and 'expected a size' in err and not out, (rc, out, err)

def case_odd_file_name(launch, d):
    rc, out, err = run(launch, d + '/my-guest(v2)+\u00e9#1.elf')
    return rc == 0 and modules(out, d) == ['my-guest(v2)+\u00e9#1.elf name=my-guest_v2____1'], \
        (rc, out, err)


def case_long_file_name(launch, d):
    rc, out, err = run(launch, d + '/' + 'x' * 250 + '.elf', '--', 'a')
    return rc == 0 and modules(out, d) == ['x' * 250 + '.elf name=' + 'x' * 250 + ' -- a'], \
        (rc, out, err)


def case_name_cut_to_the_command_line(launch, d):
    """A long name beside long arguments is cut so that the module's command
    line stays within the hypervisor's 1023 characters."""
    args = ['y' * 900]
    rc, out, err = run(launch, d + '/' + 'x' * 250 + '.elf', '--', *args)
    mods = modules(out, d)
    cmdline = mods[0].split(' ', 1)[1] if mods else ''
    name = 'x' * (1023 - len('name=') - len(' -- ') - 900)
    return rc == 0 and cmdline == 'name=' + name + ' -- ' + 'y' * 900, (rc, out, err)


def case_name_of_odd_characters_only(launch, d):
    rc, out, err = run(launch, d + '/.elf')
    return rc == 0 and modules(out, d) == ['.elf name=guest'], (rc, out, err)


def case_disk_for_the_guest(launch, d):
    rc, out, err = run(launch, '--disk', d + '/a.img', d + '/app.elf', '--', 'x')
    return rc == 0 and modules(out, d) == ['app.elf name=app -- x disk=app:vda'] and \
        '-drive file=%s/a.img,format=raw,if=none,id=disk0,cache=writeback' % d in out and \
        '-device virtio-blk-pci,drive=disk0,addr=0x10' in out, (rc, out, err)


def case_two_disks_one_for_another(launch, d):
    rc, out, err = run(launch, '--disk', d + '/a.img', '--disk', d + '/b.img,guest=web',
                       d + '/app.elf')
    return rc == 0 and modules(out, d) == ['app.elf name=app -- disk=app:vda disk=web:vdb'] \
        and 'virtio-blk-pci,drive=disk1,addr=0x11' in out, (rc, out, err)


def case_disk_in_the_demo_goes_to_dom0(launch, d):
    rc, out, err = run(launch, '--disk', d + '/a.img')
    mods = modules(out, d)
    return rc == 0 and any(m.endswith('dom0.elf name=dom0 dom0 -- disk=hello:vda')
                           for m in mods), (rc, out, err)


def case_disk_for_the_shells_dom0(launch, d):
    """--dom0 with a disk of its own: the word after the shell's commands."""
    rc, out, err = run(launch, '--dom0', 'list; sleep 100', '--disk', d + '/a.img,guest=dom0')
    mods = modules(out, d)
    return rc == 0 and len(mods) == 2 and mods[1].endswith('dom0-files.cpio initrd') and \
        mods[0].endswith("dom0.elf name=dom0 dom0 -- shell 'list; sleep 100' disk=dom0:vda"), \
        (rc, out, err)


def elf32_defining(path, name):
    """A minimal ELF32 file whose .symtab defines name (and refers to
    undefined, which it does not define)."""
    strtab = b'\0' + name.encode() + b'\0undefined\0'
    sym = struct.pack('<IIIBBH', 0, 0, 0, 0, 0, 0) + \
        struct.pack('<IIIBBH', 1, 0x1000, 4, 0x12, 0, 1) + \
        struct.pack('<IIIBBH', 2 + len(name), 0, 0, 0x22, 0, 0)
    shoff = 52 + len(strtab) + len(sym)
    header = b'\x7fELF\x01\x01\x01' + bytes(9) + struct.pack(
        '<HHIIIIIHHHHHH', 2, 3, 1, 0, 0, shoff, 0, 52, 0, 0, 40, 3, 0)
    sections = bytes(40) + struct.pack('<IIIIIIIIII', 0, 3, 0, 0, 52, len(strtab), 0, 0, 1, 0) + \
        struct.pack('<IIIIIIIIII', 0, 2, 0, 0, 52 + len(strtab), len(sym), 1, 1, 4, 16)
    with open(path, 'wb') as f:
        f.write(header + strtab + sym + sections)


def case_disk_for_a_blkfront_guest(launch, d):
    """GUEST.elf linked with blkfront gets the demo's dom0 as its driver
    domain; one that only refers to it (the libc's weak call) does not."""
    elf32_defining(d + '/front.elf', 'blkfront_probe')
    rc, out, err = run(launch, '--disk', d + '/a.img', d + '/front.elf', '--', 'x')
    mods = modules(out, d)
    ok = rc == 0 and len(mods) == 2 and mods[1] == 'front.elf name=front -- x' and \
        mods[0].endswith('/miniguest/apps/dom0.elf name=dom0 dom0 mem=24M -- disk=front:vda')
    elf32_defining(d + '/other-front.elf', 'other')
    rc2, out2, err2 = run(launch, '--disk', d + '/a.img', d + '/other-front.elf')
    return ok and modules(out2, d) == ['other-front.elf name=other-front -- disk=other-front:vda'], \
        (rc, out + out2, err + err2)


def case_disk_with_a_dom0_module(launch, d):
    """A module that says dom0 is the driver domain; none is added."""
    elf32_defining(d + '/front.elf', 'blkfront_probe')
    rc, out, err = run(launch, '--disk', d + '/a.img', '--module', d + '/other.elf name=d0 dom0',
                       d + '/front.elf')
    return rc == 0 and modules(out, d) == ['front.elf name=front',
                                           'other.elf name=d0 dom0 -- disk=front:vda'], \
        (rc, out, err)


def case_disk_refusals(launch, d):
    seen = []
    for args, why in [(['--disk', d + '/missing.img', d + '/app.elf'], 'no such file'),
                      (['--disk', d + '/a.img,guest=', d + '/app.elf'], 'FILE,guest=NAME'),
                      (['--disk', d + '/a.img,size=3', d + '/app.elf'], 'FILE,guest=NAME'),
                      (['--disk', d + '/a.img'] * 5 + [d + '/app.elf'], 'at most 4 disks'),
                      (['--hv', 'selftest', '--disk', d + '/a.img'], 'needs a guest')]:
        rc, out, err = run(launch, *args)
        seen.append((rc, out, err))
        if rc != 2 or why not in err or out:
            return False, seen[-1]
    return True, seen[-1]


def case_net_forward(launch, d):
    """--forward: the restricted user network with the port forwarded to
    the first DHCP lease, the device at its slot; the lone guest, the
    privileged domain, needs no pci= word."""
    rc, out, err = run(launch, '--forward', '8080:80', d + '/app.elf')
    return rc == 0 and modules(out, d) == ['app.elf name=app'] and \
        '-netdev user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:8080-10.0.2.15:80' in out and \
        '-device virtio-net-pci,netdev=n0,addr=0x17,romfile=' in out, (rc, out, err)


def case_net_outside_for_another(launch, d):
    rc, out, err = run(launch, '--net', 'guest=other', '--net-outside', '--module',
                       d + '/other.elf name=other -- y', d + '/app.elf')
    return rc == 0 and 'restrict' not in out and '-netdev user,id=n0 ' in out + ' ' and \
        modules(out, d) == ['app.elf name=app', 'other.elf name=other pci=00:17.0 -- y'], \
        (rc, out, err)


def case_net_forward_behind_the_bridge(launch, d):
    """--forward ...,guest=NAME for guests of dom0's vif= words: each gets
    a fixed address (ip=10.0.2.100, .101) unless it says one, and the
    forwards go there; a guest without a vif is refused."""
    rc, out, err = run(launch, '--forward', '8080:80,guest=web', '--forward', '8081:81,guest=b',
                       '--forward', '8082:82,guest=web', '--forward', '8083:83,guest=c',
                       '--module', d + '/other.elf name=d0 dom0 -- vif=web vif=b:rx=flip vif=c',
                       '--module', d + '/app.elf name=web', '--module', d + '/app.elf name=b -- x',
                       '--module', d + '/app.elf name=c -- ip=10.0.2.7 y')
    ok = rc == 0 and modules(out, d) == [
        'other.elf name=d0 dom0 -- vif=web vif=b:rx=flip vif=c',
        'app.elf name=web -- ip=10.0.2.100', 'app.elf name=b -- ip=10.0.2.101 x',
        'app.elf name=c -- ip=10.0.2.7 y'] and \
        'hostfwd=tcp:127.0.0.1:8080-10.0.2.100:80,hostfwd=tcp:127.0.0.1:8081-10.0.2.101:81,' \
        'hostfwd=tcp:127.0.0.1:8082-10.0.2.100:82,hostfwd=tcp:127.0.0.1:8083-10.0.2.7:83' in out
    rc2, out2, err2 = run(launch, '--forward', '8080:80,guest=lone',
                          '--module', d + '/other.elf name=d0 dom0 -- vif=web',
                          '--module', d + '/app.elf name=lone')
    return ok and rc2 == 2 and 'only d0' in err2 and not out2, (rc, out + out2, err + err2)


def case_net_refusals(launch, d):
    seen = []
    for args, why in [(['--forward', '80', d + '/app.elf'], 'HOSTPORT:GUESTPORT'),
                      (['--forward', '0:80', d + '/app.elf'], 'ports are 1-65535'),
                      (['--forward', '8080:80,guest=nobody', d + '/app.elf'], 'only app'),
                      (['--net', 'guest=nobody', d + '/app.elf'], 'no module is named nobody'),
                      (['--net', 'x', d + '/app.elf'], 'expected --net or --net guest=NAME'),
                      (['--net'] + ['--disk', d + '/a.img'] * 4 + [d + '/app.elf'],
                       'at most 3 disks')]:
        rc, out, err = run(launch, *args)
        seen.append((rc, out, err))
        if rc != 2 or why not in err or out:
            return False, seen[-1]
    return True, seen[-1]


CASES = [case_demo_without_guest, case_selftest_boots_no_guest, case_initrd_follows_the_guest,
         case_no_initrd_no_module, case_initrd_needs_a_guest,
         case_initrd_must_exist, case_initrd_needs_a_value, case_arguments_are_quoted,
         case_arguments_too_long, case_guest_mem, case_guest_mem_must_be_a_size,
         case_odd_file_name, case_long_file_name, case_name_cut_to_the_command_line,
         case_name_of_odd_characters_only, case_disk_for_the_guest,
         case_two_disks_one_for_another, case_disk_in_the_demo_goes_to_dom0, case_disk_refusals,
         case_disk_for_a_blkfront_guest, case_disk_with_a_dom0_module, case_net_forward,
         case_net_outside_for_another, case_net_forward_behind_the_bridge, case_net_refusals,
         case_disk_for_the_shells_dom0]


def main(argv):
    launch = os.path.abspath(argv[1])
    failed = 0
    print('1..%d' % len(CASES))
    with tempfile.TemporaryDirectory() as d:
        for name in ('app.elf', 'other.elf', 'files.cpio', 'a.img', 'b.img', 'my-guest(v2)+\u00e9#1.elf',
                     'x' * 250 + '.elf', '.elf'):
            open(os.path.join(d, name), 'wb').close()
        for i, case in enumerate(CASES, 1):
            ok, seen = case(launch, d)
            if not ok:
                failed += 1
                print('#   got status %d\n#   stdout: %r\n#   stderr: %r' % seen)
            print('%s %d - %s' % ('ok' if ok else 'not ok', i, case.__name__[len('case_'):]))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
