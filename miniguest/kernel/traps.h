/* Exceptions: every vector has a handler that prints a dump (registers,
 * CR2, the function it happened in, a backtrace) and crashes the domain.
 * miniguest does not recover from exceptions: a fault is a bug. */
#ifndef MG_TRAPS_H
#define MG_TRAPS_H

#include <stdint.h>

/* What entry.S saves, from the stack pointer up. */
struct trap_frame {
	uint32_t edi, esi, ebp, esp_at_pushal, ebx, edx, ecx, eax;  /* pushal */
	uint32_t gs, fs, es, ds;
	uint32_t vector, error;
	uint32_t eip, cs, eflags;   /* cs bits 16-23: saved upcall mask */
	uint32_t esp, ss;           /* only when the exception came from ring 3 */
};

void traps_init(void);
void trap_dispatch(struct trap_frame *f);

/* Prints the return addresses of the frame-pointer chain from ebp. */
void backtrace(uint32_t ebp);

#endif
