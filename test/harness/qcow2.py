"""QEMU's qcow2 image format, as much as the disk tests need: a raw image
made into a qcow2 one (version 2, 64 KiB clusters, only the clusters that
hold something allocated) and back.

Why: a raw image keeps every write QEMU made, flush or no flush, through a
SIGKILL of QEMU (the host's page cache holds it). qcow2 does not: QEMU
keeps the tables that map clusters it allocated in its own memory until
the guest flushes (cache=none or writeback; not writethrough or
directsync, which flush after every write). After a kill, what was
written to new clusters since the last flush is gone, so a test that
kills QEMU can tell whether a guest's fsync reached the device."""
import struct

MAGIC = 0x514649fb
CLUSTER_BITS = 16
CLUSTER = 1 << CLUSTER_BITS
L2_ENTRIES = CLUSTER // 8
COPIED = 1 << 63                  # refcount 1: written in place
COMPRESSED = 1 << 62
OFFSET_MASK = 0x00fffffffffffe00
HEADER = '>IIQIIQIIQQIIQ'         # version 2's 72 bytes


class Qcow2Error(Exception):
    pass


def from_raw(raw, out):
    """Write the qcow2 image of the raw image at path raw to path out."""
    with open(raw, 'rb') as f:
        data = f.read()
    size = len(data)
    l1_size = max(1, -(-size // (CLUSTER * L2_ENTRIES)))
    # Clusters: header, refcount table, refcount block, L1, the L2 tables,
    # then the data.
    l2_first = 4
    nxt = l2_first + l1_size
    l2 = [bytearray(CLUSTER) for _ in range(l1_size)]
    clusters = []
    for i in range(0, size, CLUSTER):
        chunk = data[i:i + CLUSTER]
        if chunk.count(0) == len(chunk):
            continue
        struct.pack_into('>Q', l2[i // CLUSTER // L2_ENTRIES], i // CLUSTER % L2_ENTRIES * 8,
                         (nxt << CLUSTER_BITS) | COPIED)
        clusters.append(chunk.ljust(CLUSTER, b'\0'))
        nxt += 1
    if nxt > CLUSTER // 2:
        raise Qcow2Error('%s: too large for one refcount block' % raw)
    header = struct.pack(HEADER, MAGIC, 2, 0, 0, CLUSTER_BITS, size, 0, l1_size,
                         3 * CLUSTER, 1 * CLUSTER, 1, 0, 0)
    reftable = struct.pack('>Q', 2 * CLUSTER)
    refblock = struct.pack('>%dH' % nxt, *([1] * nxt))
    l1 = b''.join(struct.pack('>Q', ((l2_first + k) << CLUSTER_BITS) | COPIED)
                  for k in range(l1_size))
    with open(out, 'wb') as f:
        for part in (header, reftable, refblock, l1):
            f.write(part.ljust(CLUSTER, b'\0'))
        for part in l2 + clusters:
            f.write(part)


def to_raw(image, out):
    """Write the raw contents of the qcow2 image at path image to path out
    (clusters not allocated read as zeroes)."""
    with open(image, 'rb') as f:
        img = f.read()
    if len(img) < 72:
        raise Qcow2Error('%s: too short for a qcow2 header' % image)
    (magic, version, _, _, bits, size, crypt, l1_size, l1_off, _, _, _,
     _) = struct.unpack_from(HEADER, img)
    if magic != MAGIC or version not in (2, 3) or crypt or not 9 <= bits <= 21:
        raise Qcow2Error('%s: not a qcow2 image this reader takes' % image)
    cluster = 1 << bits
    per_l2 = cluster // 8
    raw = bytearray(size)
    for k in range(l1_size):
        (l2_off,) = struct.unpack_from('>Q', img, l1_off + 8 * k)
        l2_off &= OFFSET_MASK
        if not l2_off:
            continue
        for j in range(per_l2):
            at = (k * per_l2 + j) * cluster
            if at >= size:
                break
            (entry,) = struct.unpack_from('>Q', img, l2_off + 8 * j)
            if entry & COMPRESSED:
                raise Qcow2Error('%s: compressed clusters are not read here' % image)
            off = entry & OFFSET_MASK
            # Version 3's zero flag (bit 0) reads as zeroes, as unallocated.
            if off and not entry & 1:
                n = min(cluster, size - at)
                raw[at:at + n] = img[off:off + n].ljust(n, b'\0')
    with open(out, 'wb') as f:
        f.write(raw)
