#!/usr/bin/env python3
"""Copy a guest image with its PT_NOTE program headers made PT_NULL, so its
Xen notes are found only in its .note.Xen section, as in an image linked
without a PT_NOTE header (Mini-OS's, for one).

  drop_pt_note.py IN OUT

Fails when IN has no PT_NOTE header or no SHT_NOTE section, so the image it
makes cannot boot for the wrong reason.
"""

import struct
import sys

PT_NULL, PT_NOTE, SHT_NOTE = 0, 4, 7


def main(src, dst):
    elf = bytearray(open(src, 'rb').read())
    phoff, = struct.unpack_from('<I', elf, 28)
    phnum, = struct.unpack_from('<H', elf, 44)
    shoff, = struct.unpack_from('<I', elf, 32)
    shnum, = struct.unpack_from('<H', elf, 48)
    dropped = 0
    for i in range(phnum):
        at = phoff + 32 * i
        if struct.unpack_from('<I', elf, at)[0] == PT_NOTE:
            struct.pack_into('<I', elf, at, PT_NULL)
            dropped += 1
    sections = [struct.unpack_from('<I', elf, shoff + 40 * i + 4)[0] for i in range(shnum)]
    if not dropped or SHT_NOTE not in sections:
        sys.exit('drop_pt_note.py: %s needs a PT_NOTE header and a note section' % src)
    open(dst, 'wb').write(elf)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
