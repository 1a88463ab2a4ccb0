/* The 64-bit task-state segment: the hypervisor's stack for traps from
 * guests, a separate stack for double faults, and the I/O permission bitmap
 * through which a driver domain later reaches its devices' ports. */
#ifndef ARCH_X86_TSS_H
#define ARCH_X86_TSS_H

#include <stddef.h>
#include <stdint.h>

#define IO_BITMAP_BYTES 8192
#define IST_DF          1           /* the double fault's own stack */

struct tss {
	uint32_t r0;
	uint64_t rsp0, rsp1, rsp2;
	uint64_t r1;
	uint64_t ist[7];                /* ist[n - 1] is IST n */
	uint64_t r2;
	uint16_t r3, iomap_base;
	uint8_t io_bitmap[IO_BITMAP_BYTES + 1];   /* 1 = denied; the last byte stays 0xff */
} __attribute__((packed));

_Static_assert(offsetof(struct tss, ist) == 36, "TSS layout");
_Static_assert(offsetof(struct tss, iomap_base) == 102, "TSS layout");
_Static_assert(offsetof(struct tss, io_bitmap) == 104, "TSS layout");

extern struct tss hv_tss;

#endif
