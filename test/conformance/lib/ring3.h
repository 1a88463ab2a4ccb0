/* Ring 3 for conformance guests: run a C function as guest user code.
 *
 * ring3_init() prepares what a PV kernel needs for user code, the way the
 * ABI has it:
 *   - every page of the image gets the user bit (update_va_mapping over the
 *     current L1 entry, which keeps its frame and its other bits), so ring 3
 *     can run the image's code and use its data;
 *   - stack_switch names ring3_kernel_stack as the ring-1 stack that traps
 *     from ring 3 land on;
 *   - RING3_EXIT_VECTOR gets a trap-table entry with DPL 3, the way back
 *     (and so does softint_vector(RING3_EXIT_VECTOR) where that is another
 *     vector, see lib/platform.h: 0xe2 on the referee).
 *
 * ring3_run(fn, way) then enters ring 3 at a trampoline on ring3_user_stack,
 * with %ds and %es holding FLAT_RING3_DS. The trampoline calls fn() and
 * raises "int $RING3_EXIT_VECTOR"; its handler (ring 1, on the kernel
 * stack) keeps the frame the hypervisor built in ring3_exit and returns
 * from ring3_run with %ds and %es back at FLAT_RING1_DS. The event mask is
 * what it was before ring3_run.
 *
 * Code in ring 3 may call the probe_* helpers of traps.h (their fixups work
 * from any ring) but MUST NOT print or make hypercalls: "int $0x82" from
 * ring 3 is a #GP (HCALL-2). It records what it sees in globals instead.
 *
 * A test that replaces the trap table (set_trap_table(NULL), say) calls
 * traps_init() and ring3_register_exit() again before it goes back to
 * ring 3. */
#ifndef CONFORMANCE_RING3_H
#define CONFORMANCE_RING3_H

#include <stdint.h>

#define RING3_EXIT_VECTOR  0xf1
#define RING3_STACK_SIZE   8192

/* How ring3_run gets to ring 3. */
enum ring3_way {
	RING3_BY_IRET,                  /* the iret instruction, ring 1 to ring 3 */
	RING3_BY_IRET_HYPERCALL,        /* HYPERVISOR_iret through the hypercall page */
};

/* The frame the hypervisor pushed when ring 3 raised RING3_EXIT_VECTOR. */
struct ring3_frame {
	uint32_t eip, cs, eflags, esp, ss;
};

extern char ring3_kernel_stack[], ring3_kernel_stack_top[];
extern char ring3_user_stack[], ring3_user_stack_top[];

/* Filled on each return from ring 3: the frame and where it was (its
 * lowest address). */
extern volatile struct ring3_frame ring3_exit;
extern volatile uint32_t ring3_exit_esp;

/* %eax as ring 3 found it on entry: HYPERVISOR_iret restores it from the
 * frame (ring3_run pushes 0x3e3e3e3e there). */
extern volatile uint32_t ring3_entry_eax;

/* When not 0, the eflags ring3_run puts in its return frame (a test of
 * the return itself sets it); 0, the default: the current ones. */
extern volatile uint32_t ring3_eflags;

/* See above. Returns 0, or the result of the hypercall that failed. */
long ring3_init(void);

/* The first step of ring3_init() alone: the user bit on every page of the
 * image (0, -1 when a page is not mapped, or update_va_mapping's error). */
long ring3_map_image(void);

/* stack_switch(FLAT_RING1_SS, ring3_kernel_stack_top) again. */
long ring3_stack_switch(void);

/* Registers RING3_EXIT_VECTOR (DPL 3, FLAT_RING1_CS) again. */
long ring3_register_exit(void);

/* Runs fn() in ring 3; returns when it returns. */
void ring3_run(void (*fn)(void), enum ring3_way way);

#endif
