/* Hypercalls: "int $0x82" with the number in eax and up to five arguments
 * in ebx, ecx, edx, esi, edi; the result goes back in eax. Each handler
 * lives in a file named after its hypercall; hypercall/table.c maps the
 * numbers to them. */
#ifndef HYPERCALL_HYPERCALL_H
#define HYPERCALL_HYPERCALL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arch/x86/traps.h"
#include "pvabi/errno.h"
#include "pvabi/hypercall.h"

typedef int32_t (*hypercall_fn)(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
				uint32_t a5);

#define NR_HYPERCALLS 64
extern const hypercall_fn hypercall_table[NR_HYPERCALLS];

void hypercall_dispatch(struct cpu_regs *regs);

/* Run one hypercall. */
int32_t hypercall_call(uint32_t nr, const uint32_t args[5]);

/* A multicall entry that gave the CPU back: the call and arguments it is
 * to be issued with again. */
struct nested_continuation {
	bool pending;
	uint32_t nr;
	uint32_t args[5];
};
/* Run a multicall entry; *c says whether (and how) it is to continue. */
int32_t hypercall_call_nested(uint32_t nr, const uint32_t args[5], struct nested_continuation *c);

/* Make the guest issue hypercall nr again with these arguments when it next
 * runs (the way long operations give the CPU back, once budget_spent()).
 * The handler returns HYPERCALL_CONTINUED's value, which leaves eax alone.
 * A handler may instead return -XEN_ERESTART before it changed anything:
 * it is issued again with the same arguments. */
#define HYPERCALL_CONTINUED 0x7fffffff
int32_t hypercall_continue(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
			   uint32_t a5);

struct vcpu;
/* Run count requests of size bytes from list_va through one(), as
 * mmu_update and mmuext_op do (see hypercall/batch.c); a4 and a5 are the
 * call's other arguments, which a continuation keeps. */
int32_t hypercall_batch(uint32_t nr, uint32_t list_va, uint32_t count, uint32_t pdone_va,
			uint32_t a4, uint32_t a5, size_t size,
			int (*one)(const void *elem, struct vcpu *v));
/* 0 when a request may name foreigndom as the domain it works on. */
int hypercall_foreigndom_ok(uint16_t foreigndom);

#define HYPERCALL(name) \
	int32_t do_##name(uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4, uint32_t a5)

HYPERCALL(set_trap_table);
HYPERCALL(mmu_update);
HYPERCALL(set_debugreg);
HYPERCALL(get_debugreg);
HYPERCALL(set_gdt);
HYPERCALL(stack_switch);
HYPERCALL(set_callbacks);
HYPERCALL(callback_op);
HYPERCALL(fpu_taskswitch);
HYPERCALL(sched_op_compat);
HYPERCALL(update_descriptor);
HYPERCALL(memory_op);
HYPERCALL(multicall);
HYPERCALL(update_va_mapping);
HYPERCALL(console_io);
HYPERCALL(xen_version);
HYPERCALL(vm_assist);
HYPERCALL(iret);
HYPERCALL(mmuext_op);
HYPERCALL(sched_op);
HYPERCALL(set_timer_op);
HYPERCALL(vcpu_op);
HYPERCALL(domctl);
HYPERCALL(event_channel_op);
HYPERCALL(event_channel_op_compat);
HYPERCALL(grant_table_op);
HYPERCALL(physdev_op);
HYPERCALL(physdev_op_compat);

#endif
