/* Which vCPU runs: the policy chosen with sched= (sched/policy.h) decides,
 * when the slice it gave runs out and whenever a vCPU wakes, blocks or
 * yields.
 * The hypervisor has no threads of its own, so switching happens on the way
 * back from a trap to a guest. */
#ifndef SCHED_SCHED_H
#define SCHED_SCHED_H

#include <stdbool.h>
#include "domain/vcpu.h"


extern struct vcpu *current;

void sched_init(void);
void sched_wake(struct vcpu *v);       /* make runnable */
void sched_remove(struct vcpu *v);     /* never run it again */
void sched_yield(void);                /* let the others run first */
void sched_block(struct vcpu *v);      /* off the CPU until vcpu_kick */

/* Start the first vCPU; never returns. */
_Noreturn void sched_start(void);

/* On the way back to a guest: pick who runs next and, when that changes,
 * switch the frame on the stack over to it. */
void sched_exit_trap(struct cpu_regs *frame);

/* The arch side of a switch (arch/x86/pv/context.c). */
void context_switch(struct vcpu *prev, struct vcpu *next, struct cpu_regs *frame);
_Noreturn void enter_guest(struct vcpu *v);

/* Set when the scheduler must decide before a guest runs on; a trap path
 * that skips sched_exit_trap() (the int $0x80 fast path) must not skip it
 * then. */
extern bool need_resched;

#endif
