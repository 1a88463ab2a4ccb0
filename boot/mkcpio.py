#!/usr/bin/env python3
"""Write a cpio "newc" archive of a directory: boot/mkcpio.py DIR OUT.cpio

The archive is what an initrd holds and what miniguest's ramfs_load_cpio
reads. Names are relative to DIR ("etc/motd"), in sorted order, parents
before their contents; DIR itself is not an entry. Directories, regular
files and symbolic links are written (miniguest skips the links); devices,
fifos and sockets are left out with a warning. Each file is written whole
with its own inode number, so hard links become separate copies. Owners
are written as 0.

`find . | cpio -o -H newc` makes archives the same reader accepts.
"""

import os
import stat
import sys

HEADER_MAGIC = b'070701'
FIELD_MAX = 0xFFFFFFFF


class ArchiveError(Exception):
    pass


def pad4(data_len):
    """The zero bytes that bring data_len up to a multiple of 4."""
    return b'\0' * (-data_len % 4)


def header(ino, mode, nlink, mtime, size, namesize):
    fields = [ino, mode, 0, 0, nlink, mtime, size, 0, 0, 0, 0, namesize, 0]
    for value in fields:
        if not 0 <= value <= FIELD_MAX:
            raise ArchiveError('a header field does not fit 32 bits: %d' % value)
    return HEADER_MAGIC + b''.join(b'%08X' % v for v in fields)


def entry(ino, name, mode, nlink, mtime, data):
    """One entry: header, name, padding, data, padding."""
    encoded = name + b'\0'
    head = header(ino, mode, nlink, mtime, len(data), len(encoded)) + encoded
    return head + pad4(len(head)) + data + pad4(len(data))


def walk(top):
    """(relative name, path) for everything under top, parents first."""
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        rel = os.path.relpath(dirpath, top)
        for name in sorted(dirnames + filenames):
            path = os.path.join(dirpath, name)
            yield (name if rel == '.' else os.path.join(rel, name)), path


def archive(top):
    parts = []
    ino = 1
    for name, path in walk(top):
        st = os.lstat(path)
        mode = stat.S_IFMT(st.st_mode)
        if stat.S_ISDIR(mode):
            data, nlink = b'', 2
        elif stat.S_ISREG(mode):
            with open(path, 'rb') as f:
                data = f.read()
            nlink = 1
        elif stat.S_ISLNK(mode):
            data, nlink = os.fsencode(os.readlink(path)), 1
        else:
            print('mkcpio: %s: not a file, directory or link; left out' % path,
                  file=sys.stderr)
            continue
        parts.append(entry(ino, os.fsencode(name), st.st_mode, nlink,
                           int(st.st_mtime), data))
        ino += 1
    parts.append(entry(0, b'TRAILER!!!', 0, 1, 0, b''))
    return b''.join(parts)


def main(argv):
    if len(argv) != 3 or argv[1].startswith('-'):
        print('usage: %s DIR OUT.cpio' % argv[0], file=sys.stderr)
        return 2
    top, out = argv[1], argv[2]
    if not os.path.isdir(top):
        print('mkcpio: %s: not a directory' % top, file=sys.stderr)
        return 1
    try:
        data = archive(top)
        with open(out, 'wb') as f:
            f.write(data)
    except (OSError, ArchiveError) as e:
        print('mkcpio: %s' % e, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
