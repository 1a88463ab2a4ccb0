/* The 32-bit task-state segment: ring-0 stack for traps from guests, and the
 * I/O permission bitmap through which a driver domain later reaches its
 * devices' ports. */
#ifndef ARCH_X86_TSS_H
#define ARCH_X86_TSS_H

#include <stddef.h>
#include <stdint.h>

#define IO_BITMAP_BYTES 8192

struct tss {
	uint16_t back_link, r0;
	uint32_t esp0;
	uint16_t ss0, r1;
	uint32_t esp1;
	uint16_t ss1, r2;
	uint32_t esp2;
	uint16_t ss2, r3;
	uint32_t cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint16_t es, r4, cs, r5, ss, r6, ds, r7, fs, r8, gs, r9, ldt, r10;
	uint16_t trap, iomap_base;
	uint8_t io_bitmap[IO_BITMAP_BYTES + 1];   /* 1 = denied; the last byte stays 0xff */
} __attribute__((packed));

_Static_assert(offsetof(struct tss, iomap_base) == 102, "TSS layout");
_Static_assert(offsetof(struct tss, io_bitmap) == 104, "TSS layout");

extern struct tss hv_tss;

#endif
