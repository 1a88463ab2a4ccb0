#!/usr/bin/env python3
"""Write the seed corpus of one libFuzzer target (test/fuzz/host).

  gen_seeds.py NAME OUTDIR INPUT...

INPUTs are real guest ELF images and a cpio archive (by suffix). ELF seeds
are cut after their last loaded or note byte (the section headers and debug
information are nothing the loader reads); the boot-information seeds are
structures laid out as QEMU's Multiboot1 and GRUB's Multiboot2 hand them
over, describing those same images as modules.
"""

import os
import struct
import sys

INFO_PA = 0x10000          # where the multiboot targets place their input


def loaded_part(elf):
    phoff, = struct.unpack_from('<I', elf, 28)
    phnum, = struct.unpack_from('<H', elf, 44)
    end = phoff + 32 * phnum
    for i in range(phnum):
        ptype, off, _, _, filesz = struct.unpack_from('<5I', elf, phoff + 32 * i)
        if ptype in (1, 4):
            end = max(end, off + filesz)
    return elf[:end]


def compact(elf):
    """The same guest in a few hundred bytes: its headers and notes, and
    the first 64 bytes of each loadable segment (memory sizes unchanged),
    so that mutations land on the fields more often than on code."""
    phoff, = struct.unpack_from('<I', elf, 28)
    phnum, = struct.unpack_from('<H', elf, 44)
    out = bytearray(elf[:52])
    struct.pack_into('<I', out, 28, 52)
    struct.pack_into('<I', out, 32, 0)                 # no section headers
    struct.pack_into('<H', out, 48, 0)
    phdrs = [list(struct.unpack_from('<8I', elf, phoff + 32 * i)) for i in range(phnum)]
    body = bytearray()
    at = 52 + 32 * phnum
    for ph in phdrs:
        if ph[0] not in (1, 4):
            continue
        size = ph[4] if ph[0] == 4 else min(ph[4], 64)
        data = elf[ph[1]:ph[1] + size]
        ph[1], ph[4] = at + len(body), size
        body += data + b'\0' * (-len(data) % 4)
    for ph in phdrs:
        out += struct.pack('<8I', *ph)
    return bytes(out + body)


def builder_seeds(elfs):
    """The header fuzz_builder.c describes, then the image: as it is, and
    with every field the header can move set to its own value."""
    own = struct.pack('<BBh', 1, 0, 0) * 6
    out = []
    for elf in elfs:
        for pages, mod, flags in ((4096, 0, 1), (4096, 512, 0), (1024, 0, 0), (2048, 9000, 0)):
            out.append(struct.pack('<HHBB', pages, mod, flags, 0) + own + elf)
        for ph in (1, 2):
            out.append(struct.pack('<HHBB', 4096, 0, 0, 0x0f | ph << 4) + own + elf)
        if len(elf) > 4096:
            continue
        # Each field alone at 4 GiB (0) and at the hole, the edges where
        # arithmetic on it wraps or meets the hypervisor.
        for field in range(6):
            for anchor in (0, 2):
                values = bytearray(own)
                values[4 * field] = anchor
                which = 1 << field if field < 4 else 0x20
                out.append(struct.pack('<HHBB', 4096, 0, 0, which) + values + elf)
    return out


def multiboot1_seed(elfs):
    """flags: mem, cmdline, mods, mmap, loader name; the pointed-to data
    follows the 116-byte structure."""
    data = bytearray(0x400)
    strings = bytearray()

    def string(s):
        at = INFO_PA + 0x200 + len(strings)
        strings.extend(s.encode() + b'\0')
        return at
    cmdline = string('/boot/ringlet.elf loglvl=info -- x')
    loader = string('qemu')
    mods_at, mmap_at = INFO_PA + 0x80, INFO_PA + 0x100
    mods = bytearray()
    start = 0x200000
    for i, elf in enumerate(elfs[:2]):
        mods += struct.pack('<4I', start, start + len(elf), string('guest%d.elf name=g%d' % (i, i)), 0)
        start += (len(elf) + 0xfff) & ~0xfff
    mmap = bytearray()
    for base, length, kind in ((0, 0x9fc00, 1), (0x9fc00, 0x400, 2), (0xf0000, 0x10000, 2),
                               (0x100000, 0xfee0000, 1), (0xfffc0000, 0x40000, 2)):
        mmap += struct.pack('<IQQI', 20, base, length, kind)
    struct.pack_into('<10I', data, 0, 0x24d, 639, 261120, 0, cmdline, len(mods) // 16,
                     mods_at, 0, 0, 0)
    struct.pack_into('<2I', data, 44, len(mmap), mmap_at)
    struct.pack_into('<I', data, 64, loader)
    data[0x80:0x80 + len(mods)] = mods
    data[0x100:0x100 + len(mmap)] = mmap
    data[0x200:0x200 + len(strings)] = strings
    return [bytes(data)]


def multiboot2_seed(elfs):
    tags = bytearray()

    def tag(kind, body):
        tags.extend(struct.pack('<II', kind, 8 + len(body)) + body)
        tags.extend(b'\0' * (-len(tags) % 8))
    tag(1, b'loglvl=info sched=bvt\0')
    tag(2, b'GRUB 2.06\0')
    start = 0x200000
    for i, elf in enumerate(elfs[:2]):
        tag(3, struct.pack('<II', start, start + len(elf)) + b'g%d.elf name=g%d -- a\0' % (i, i))
        start += (len(elf) + 0xfff) & ~0xfff
    tag(4, struct.pack('<II', 639, 261120))
    entries = b''.join(struct.pack('<QQII', b, n, k, 0) for b, n, k in
                       ((0, 0x9fc00, 1), (0x9fc00, 0x400, 2), (0x100000, 0xfee0000, 1)))
    tag(6, struct.pack('<II', 24, 0) + entries)
    tag(0, b'')
    return [struct.pack('<II', 8 + len(tags), 0) + bytes(tags)]


def memmap_seeds():
    ranges = ((0, 0x9fc00, 1), (0x9fc00, 0xa0000, 2), (0xf0000, 0x100000, 2),
              (0x100000, 0x7fe0000, 1), (0x7fe0000, 0x8000000, 3), (0xfffc0000, 1 << 32, 2))
    body = b''.join(struct.pack('<QQII', s, e, k, 0) for s, e, k in ranges)
    return [body + struct.pack('<QQ', 0x100000, 0x180000),
            body + struct.pack('<QQ', 0x1234, 0x5678)]


TEXT = {
    'cmdline': ['loglvl=info sched=bvt timer=pit selftest', 'fault=pf -- a b c',
                'mem=64M x=0x10 y=1G\tz', ''],
    'module_opts': ['name=hello mem=16M weight=2 -- hello world', 'initrd',
                    'name=w clones=3 sched=atropos period=1000 slice=500 latency=100 extra=1',
                    'dom0 warp=100 warpl=1000 warpu=2000 quantum=50 -- NAME=v x'],
    'args': ['hello world', 'opts -- a b NAME=value _X=1 =no', 'x\ty  z', '--'],
}


def pagetype_seeds():
    """Operation streams (8 bytes a choice) from a fixed generator: long
    enough for a few hundred operations, in and out of budgeted slices."""
    state, seeds = 0x452821e638d01377, []
    for n in (64, 512, 4096):
        out = bytearray()
        for _ in range(n):
            state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
            out += struct.pack('<Q', state)
        seeds.append(bytes(out))
    return seeds


def store_seeds():
    """Request sequences as fuzz_store.c reads them: a domain byte, an
    xs_wire header, the payload."""
    XS = dict(DIRECTORY=1, READ=2, GET_PERMS=3, WATCH=4, UNWATCH=5, TRANSACTION_START=6,
              TRANSACTION_END=7, INTRODUCE=8, RELEASE=9, GET_DOMAIN_PATH=10, WRITE=11,
              MKDIR=12, RM=13, SET_PERMS=14, IS_DOMAIN_INTRODUCED=17, RESET_WATCHES=21)

    def msg(dom, kind, payload, tx=0, req=7):
        return bytes([dom]) + struct.pack('<4I', XS[kind], req, tx, len(payload)) + payload

    sessions = [
        [(0, 'WRITE', b'/a/b\0hello'), (0, 'READ', b'/a/b\0'), (0, 'DIRECTORY', b'/a\0'),
         (0, 'RM', b'/a\0'), (0, 'GET_PERMS', b'/\0')],
        [(1, 'WRITE', b'data/x\0v'), (1, 'SET_PERMS', b'data/x\0n1\0r2\0'),
         (2, 'READ', b'/local/domain/1/data/x\0'), (1, 'MKDIR', b'dev/vbd\0'),
         (2, 'WRITE', b'/local/domain/1/data/x\0w')],
        [(1, 'WATCH', b'dev\0tok\0'), (0, 'WRITE', b'/local/domain/1/dev/x\0y'),
         (1, 'UNWATCH', b'dev\0tok\0'), (0, 'WATCH', b'@releaseDomain\0r\0'),
         (0, 'RELEASE', b'2\0'), (0, 'IS_DOMAIN_INTRODUCED', b'2\0')],
        [(1, 'TRANSACTION_START', b'\0'), (2, 'TRANSACTION_START', b'\0')],
        [(0, 'INTRODUCE', b'3\0' b'77\0' b'5\0'), (3, 'WRITE', b'x\0y'),
         (3, 'GET_DOMAIN_PATH', b'3\0'), (3, 'RESET_WATCHES', b'\0')],
    ]
    out = [b''.join(msg(*m) for m in s) for s in sessions]
    # Transactions: ids are handed out from 1.
    out.append(msg(1, 'TRANSACTION_START', b'\0') + msg(1, 'WRITE', b'a\0in', tx=1) +
               msg(2, 'TRANSACTION_START', b'\0') + msg(2, 'WRITE', b'b\0in', tx=2) +
               msg(1, 'TRANSACTION_END', b'T\0', tx=1) + msg(2, 'TRANSACTION_END', b'T\0', tx=2))
    return out


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    name, outdir, inputs = argv[1], argv[2], argv[3:]
    elfs, cpios = [], []
    for path in inputs:
        with open(path, 'rb') as f:
            data = f.read()
        (cpios if path.endswith('.cpio') else elfs).append(loaded_part(data) if data[:4] == b'\x7fELF' else data)
    seeds = {
        'builder': lambda: builder_seeds(elfs + [compact(e) for e in elfs]),
        'elf': lambda: elfs + [compact(e) for e in elfs],
        'xen_notes': lambda: elfs + [compact(e) for e in elfs],
        'multiboot1': lambda: multiboot1_seed(elfs),
        'multiboot2': lambda: multiboot2_seed(elfs),
        'memmap': memmap_seeds,
        'cpio': lambda: cpios,
        'pagetype': pagetype_seeds,
        'store': store_seeds,
    }
    if name in seeds:
        found = seeds[name]()
    elif name in TEXT:
        found = [t.encode() for t in TEXT[name]]
    else:
        sys.exit('gen_seeds.py: no seeds for target %s' % name)
    if not found:
        sys.exit('gen_seeds.py: the inputs give target %s no seed' % name)
    os.makedirs(outdir, exist_ok=True)
    for old in os.listdir(outdir):
        os.remove(os.path.join(outdir, old))
    for i, seed in enumerate(found):
        with open(os.path.join(outdir, 'seed-%d' % i), 'wb') as f:
            f.write(seed)


if __name__ == '__main__':
    main(sys.argv)
