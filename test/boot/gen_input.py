#!/usr/bin/env python3
"""Make the inputs of the boot tests that are not worth keeping in git.

  gen_input.py random SEED SIZE OUT   SIZE deterministic pseudo-random bytes
  gen_input.py head N IN OUT          the first N bytes of IN
  gen_input.py empty OUT              a zero-length file
  gen_input.py repeat TEXT N OUT      TEXT N times (no newline)
"""

import sys


def random_bytes(seed, size):
    """xorshift32: the same bytes on every machine and Python version."""
    x = (seed & 0xffffffff) or 1
    out = bytearray()
    while len(out) < size:
        x ^= (x << 13) & 0xffffffff
        x ^= x >> 17
        x ^= (x << 5) & 0xffffffff
        out += x.to_bytes(4, 'little')
    return bytes(out[:size])


def main(argv):
    if len(argv) == 5 and argv[1] == 'random':
        data = random_bytes(int(argv[2], 0), int(argv[3], 0))
        if data[:4] == b'\x7fELF':
            sys.exit('gen_input.py: seed %s happens to make an ELF header; pick another'
                     % argv[2])
        out = argv[4]
    elif len(argv) == 5 and argv[1] == 'head':
        with open(argv[3], 'rb') as f:
            data = f.read(int(argv[2], 0))
        out = argv[4]
    elif len(argv) == 3 and argv[1] == 'empty':
        data, out = b'', argv[2]
    elif len(argv) == 5 and argv[1] == 'repeat':
        data, out = (argv[2] * int(argv[3], 0)).encode(), argv[4]
    else:
        sys.exit(__doc__)
    with open(out, 'wb') as f:
        f.write(data)


if __name__ == '__main__':
    main(sys.argv)
