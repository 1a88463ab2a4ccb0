#!/usr/bin/env python3
"""mkfiles.py SRC OUT: httpd's cpio archive: the files of SRC, and
big.bin, 1 MiB made from a fixed seed (so the host can check what it
fetches against the same bytes in OUT.d/)."""
import hashlib
import os
import shutil
import subprocess
import sys

src, out = sys.argv[1], sys.argv[2]
tree = out + '.d'
shutil.rmtree(tree, ignore_errors=True)
shutil.copytree(src, tree)
block, data = b'ringlet httpd', bytearray()
while len(data) < 1 << 20:
    block = hashlib.sha256(block).digest()
    data += block
with open(os.path.join(tree, 'big.bin'), 'wb') as f:
    f.write(data[:1 << 20])
mkcpio = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'boot',
                      'mkcpio.py')
sys.exit(subprocess.call([sys.executable, mkcpio, tree, out]))
