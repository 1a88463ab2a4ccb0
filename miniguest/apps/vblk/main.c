/* vblk: run as the driver domain (dom0) of a machine with virtio-blk
 * disks. Finds every disk, says whose it is (the disk=NAME:vdX words
 * boot/run --disk passes), and then by its first argument:
 *   check         (the default) reads sector 0; writes, reads back and
 *                 flushes a pattern at the disk's end; bad requests
 *   write SEED    writes a pattern of SEED near the start and flushes it
 *   verify SEED   checks that pattern (after a new boot on the same image)
 *   bench         64 KiB sequential MB/s, 4 KiB random reads (BENCH lines)
 * It ends with a "Test result:" line. */
#include "vblk.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;
unsigned failures;

bool check(bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("vblk: %s ", ok ? "ok  " : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	failures += !ok;
	return ok;
}

void pattern(uint8_t *buf, uint64_t sector, uint32_t sectors, uint32_t seed)
{
	for (uint32_t s = 0; s < sectors; s++) {
		uint32_t x = seed ^ (uint32_t)((sector + s) * 2654435761u);
		for (uint32_t i = 0; i < 512; i++) {
			x = x * 1103515245u + 12345u;
			buf[s * 512 + i] = (uint8_t)(x >> 16);
		}
	}
}

/* The disk= words of the command line: "disk=NAME:vdX". */
static void owners(void)
{
	for (char **e = environ; e && *e; e++) {
		if (strncmp(*e, "disk=", 5))
			continue;
		const char *colon = strrchr(*e, ':');
		if (!colon)
			printf("vblk: %s: not disk=NAME:vdX\n", *e);
		else
			printf("vblk: disk %s is for %.*s\n", colon + 1, (int)(colon - *e - 5), *e + 5);
	}
}

static void describe(struct virtio_blk *b)
{
	struct virtio_blk_info in;

	virtio_blk_info(b, &in);
	printf("vblk: %s at %s: %llu sectors of 512 bytes (block %u)%s%s%s, %s, features %#llx\n",
	       in.name, in.pci, (unsigned long long)in.capacity, in.blk_size,
	       in.flush ? ", flush" : "", in.discard ? ", discard" : "",
	       in.read_only ? ", read-only" : "", in.irq_mode, (unsigned long long)in.features);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "check";
	uint32_t seed = argc > 2 ? (uint32_t)strtoul(argv[2], 0, 0) : 1;
	unsigned n = virtio_blk_probe_all();

	printf("vblk: %u virtio-blk disk(s)\n", n);
	owners();
	if (n == 0) {
		printf("Test result: FAILURE no virtio-blk disk to drive\n");
		return 1;
	}
	for (unsigned i = 0; i < VIRTIO_BLK_MAX; i++) {
		struct virtio_blk *b = virtio_blk_get(i);
		if (!b)
			continue;
		describe(b);
		if (!strcmp(mode, "check")) {
			check_disk(b);
			bad_requests(b);
		} else if (!strcmp(mode, "write")) {
			persist_write(b, seed + i);
		} else if (!strcmp(mode, "verify")) {
			persist_verify(b, seed + i);
		} else if (!strcmp(mode, "bench")) {
			bench(b);
			break;
		} else {
			printf("Test result: ERROR unknown mode %s\n", mode);
			return 2;
		}
	}
	if (failures)
		printf("Test result: FAILURE %u check(s) failed\n", failures);
	else
		printf("Test result: SUCCESS\n");
	return failures != 0;
}
