#!/usr/bin/env python3
"""mkfiles.py SRC OUT: httpd's cpio archive: the files of SRC, and
big.bin, 1 MiB made from a fixed seed (so the host can check what it
fetches against the same bytes in OUT.d/).

mkfiles.py --disk OUT: the tree of a disk for httpd root=/disk/www (the
tests make an ext2 image of it): www/ with an index.html, a big.bin of
1 MiB from another seed and docs/notes/deep.txt, and secret.txt beside
www/, which no request may reach."""
import hashlib
import os
import shutil
import subprocess
import sys


def seeded(path, seed, size):
    block, data = seed, bytearray()
    while len(data) < size:
        block = hashlib.sha256(block).digest()
        data += block
    with open(path, 'wb') as f:
        f.write(data[:size])


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)


def disk(out):
    shutil.rmtree(out, ignore_errors=True)
    www = os.path.join(out, 'www')
    write(os.path.join(www, 'index.html'), '<!DOCTYPE html>\n<title>ringlet httpd</title>\n'
          '<p>Served from the ext2 disk.</p>\n')
    write(os.path.join(www, 'docs', 'notes', 'deep.txt'), 'A file two directories down.\n' * 40)
    seeded(os.path.join(www, 'big.bin'), b'ringlet httpd disk', 1 << 20)
    write(os.path.join(out, 'secret.txt'), 'Outside the root: never served.\n')


def cpio(src, out):
    tree = out + '.d'
    shutil.rmtree(tree, ignore_errors=True)
    shutil.copytree(src, tree)
    seeded(os.path.join(tree, 'big.bin'), b'ringlet httpd', 1 << 20)
    mkcpio = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'boot',
                          'mkcpio.py')
    return subprocess.call([sys.executable, mkcpio, tree, out])


if sys.argv[1] == '--disk':
    disk(sys.argv[2])
else:
    sys.exit(cpio(sys.argv[1], sys.argv[2]))
