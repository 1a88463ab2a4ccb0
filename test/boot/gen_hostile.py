#!/usr/bin/env python3
"""Make a hostile guest image from a real one by patching one ELF field.

  gen_hostile.py hypercall-page VALUE IN OUT
      the Xen note HYPERCALL_PAGE says VALUE
  gen_hostile.py paddr-wrap IN OUT
      the last non-empty PT_LOAD is placed at p_paddr 0xfffff000 with a
      p_memsz of at least 8 KiB, so p_paddr + p_memsz wraps past 4 GiB
      while p_vaddr stays where it was
  gen_hostile.py pae-mode VALUE IN OUT
      the Xen note PAE_MODE (4 bytes) says VALUE, padded with NULs
  gen_hostile.py no-xen-notes IN OUT
      every note named "Xen" is renamed "Xem", in its segment and its
      section alike (they are the same bytes): the image has no Xen notes

Every mode fails loudly when IN lacks what it patches, so a test built on
it cannot silently boot the healthy image.
"""

import struct
import sys

PT_LOAD, PT_NOTE = 1, 4
NOTE_HYPERCALL_PAGE = 2
NOTE_PAE_MODE = 9


def phdrs(elf):
    phoff, = struct.unpack_from('<I', elf, 28)
    phnum, = struct.unpack_from('<H', elf, 44)
    return [phoff + 32 * i for i in range(phnum)]


def notes(elf):
    """(name offset, namesz, descriptor offset, descsz, type) of every note
    of the PT_NOTE segments."""
    for ph in phdrs(elf):
        ptype, off, _, _, size = struct.unpack_from('<5I', elf, ph)
        if ptype != PT_NOTE:
            continue
        at, end = off, off + size
        while at + 12 <= end:
            namesz, descsz, ntype = struct.unpack_from('<3I', elf, at)
            name = at + 12
            desc = name + ((namesz + 3) & ~3)
            yield name, namesz, desc, descsz, ntype
            at = desc + ((descsz + 3) & ~3)


def xen_note_desc(elf, note_type):
    """The file offset of the descriptor of the Xen note note_type."""
    for name, namesz, desc, descsz, ntype in notes(elf):
        if elf[name:name + namesz] == b'Xen\0' and ntype == note_type:
            if descsz != 4:
                sys.exit('gen_hostile.py: note %d is %d bytes, not 4' % (note_type, descsz))
            return desc
    sys.exit('gen_hostile.py: no Xen note of type %d' % note_type)


def rename_xen_notes(elf):
    renamed = 0
    for name, namesz, _, _, _ in notes(elf):
        if elf[name:name + namesz] == b'Xen\0':
            elf[name:name + 4] = b'Xem\0'
            renamed += 1
    if not renamed:
        sys.exit('gen_hostile.py: no Xen notes to rename')


def patch_note(elf, note_type, value):
    struct.pack_into('<I', elf, xen_note_desc(elf, note_type), value & 0xffffffff)


def paddr_wrap(elf):
    loads = [ph for ph in phdrs(elf)
             if struct.unpack_from('<I', elf, ph)[0] == PT_LOAD
             and struct.unpack_from('<I', elf, ph + 20)[0]]
    if len(loads) < 2:
        sys.exit('gen_hostile.py: needs two loadable segments, so the wrapped one '
                 'is not the lowest')
    ph = loads[-1]
    memsz = max(struct.unpack_from('<I', elf, ph + 20)[0], 0x2000)
    struct.pack_into('<I', elf, ph + 12, 0xfffff000)
    struct.pack_into('<I', elf, ph + 20, memsz)


def main(argv):
    if len(argv) == 5 and argv[1] == 'hypercall-page':
        value, src, out = int(argv[2], 0), argv[3], argv[4]
    elif len(argv) == 5 and argv[1] == 'pae-mode':
        value, src, out = argv[2].encode()[:3], argv[3], argv[4]
    elif len(argv) == 4 and argv[1] in ('paddr-wrap', 'no-xen-notes'):
        value, src, out = None, argv[2], argv[3]
    else:
        sys.exit(__doc__)
    with open(src, 'rb') as f:
        elf = bytearray(f.read())
    if argv[1] == 'hypercall-page':
        patch_note(elf, NOTE_HYPERCALL_PAGE, value)
    elif argv[1] == 'pae-mode':
        at = xen_note_desc(elf, NOTE_PAE_MODE)
        elf[at:at + 4] = value.ljust(4, b'\0')
    elif argv[1] == 'no-xen-notes':
        rename_xen_notes(elf)
    else:
        paddr_wrap(elf)
    with open(out, 'wb') as f:
        f.write(elf)


if __name__ == '__main__':
    main(sys.argv)
