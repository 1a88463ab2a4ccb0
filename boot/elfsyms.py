"""The symbols an ELF file defines (its .symtab), to tell what a guest
links: e.g. boot/run gives a guest with blkfront a driver domain."""

import struct

SHT_SYMTAB = 2
SHN_UNDEF = 0
MAX_SYMBOLS = 1 << 20          # a bound on what a file's header may claim


def defined(path):
    """The names of the symbols path defines, an empty set for a file that
    is no ELF, has no symbol table or is cut short."""
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError:
        return set()
    if data[:4] != b'\x7fELF' or data[4] not in (1, 2) or data[5] != 1:
        return set()
    wide = data[4] == 2
    try:
        if wide:
            shoff, = struct.unpack_from('<Q', data, 0x28)
            shentsize, shnum = struct.unpack_from('<HH', data, 0x3a)
        else:
            shoff, = struct.unpack_from('<I', data, 0x20)
            shentsize, shnum = struct.unpack_from('<HH', data, 0x2e)
        sections = []
        for i in range(shnum):
            at = shoff + i * shentsize
            if wide:
                _, kind, _, _, off, size, link, _, _, entsize = struct.unpack_from(
                    '<IIQQQQIIQQ', data, at)
            else:
                _, kind, _, _, off, size, link, _, _, entsize = struct.unpack_from(
                    '<IIIIIIIIII', data, at)
            sections.append((kind, off, size, link, entsize))
        names = set()
        for kind, off, size, link, entsize in sections:
            if kind != SHT_SYMTAB or not entsize or link >= len(sections):
                continue
            strs = sections[link][1]
            for i in range(min(size // entsize, MAX_SYMBOLS)):
                at = off + i * entsize
                if wide:
                    name, _, _, shndx = struct.unpack_from('<IBBH', data, at)
                else:
                    name, shndx = struct.unpack_from('<I', data, at)[0], \
                        struct.unpack_from('<H', data, at + 14)[0]
                if shndx != SHN_UNDEF and name:
                    end = data.index(b'\0', strs + name)
                    names.add(data[strs + name:end].decode('ascii', 'replace'))
        return names
    except (struct.error, ValueError):
        return set()
