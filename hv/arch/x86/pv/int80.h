/* Where the int $0x80 fast path (entry.S) sends the running vCPU's system
 * calls; eip 0 sends them to C. Offsets are entry.S's. */
#ifndef ARCH_X86_PV_INT80_H
#define ARCH_X86_PV_INT80_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct vcpu;
struct vcpu_info;

struct int80_fast {
	uint32_t eip, cs;                /* the handler; eip 0: no fast path */
	uint32_t ss, sp;                 /* the stack_switch stack */
	struct vcpu_info *vcpu_info;     /* its event flags */
	bool *in_failsafe;               /* cleared by every trap */
};
_Static_assert(offsetof(struct int80_fast, ss) == 8, "entry.S's offsets");
_Static_assert(offsetof(struct int80_fast, vcpu_info) == 16, "entry.S's offsets");
_Static_assert(offsetof(struct int80_fast, in_failsafe) == 24, "entry.S's offsets");

extern struct int80_fast int80_fast;

/* After anything that changes where v's int $0x80 goes (its trap table,
 * its stack, the CPU switching to it); forget when no vCPU runs. */
void pv_int80_refresh(struct vcpu *v);
void pv_int80_forget(void);

#endif
