/* The trap table and what runs on an exception. */
#include "kernel/traps.h"

#include "kernel/console.h"
#include "kernel/hypervisor.h"
#include "kernel/shutdown.h"
#include "kernel/thread.h"
#include "ksyms.h"
#include "pvabi/arch_x86_32.h"

#define NR_TRAPS 32

/* x86 facts: the vectors used below and the page-fault error code bits. */
enum { VEC_BREAKPOINT = 3, VEC_OVERFLOW = 4, VEC_PAGE_FAULT = 14 };
enum { PF_PRESENT = 1u << 0, PF_WRITE = 1u << 1, PF_FETCH = 1u << 4 };

extern const uint32_t trap_stubs[NR_TRAPS];

void traps_init(void)
{
	static struct trap_info table[NR_TRAPS + 1];

	for (unsigned v = 0; v < NR_TRAPS; v++) {
		table[v].vector = (uint8_t)v;
		/* int3 and into may be used from any ring, as on hardware. */
		table[v].flags = (v == VEC_BREAKPOINT || v == VEC_OVERFLOW) ? 3 : 0;
		table[v].cs = FLAT_RING1_CS;
		table[v].address = trap_stubs[v];
	}
	long rc = hypercall_set_trap_table(table);
	if (rc)
		printk("miniguest: set_trap_table failed (%ld): a fault will kill the domain "
		       "without a dump\n", rc);
}

static const char *name_of(uint32_t vector)
{
	static const char *const names[] = {
		"divide error", "debug", "NMI", "breakpoint", "overflow", "bound range",
		"invalid opcode", "device not available", "double fault", "vector 9",
		"invalid TSS", "segment not present", "stack fault", "general protection",
		"page fault", "vector 15", "x87 FPU error", "alignment check",
		"machine check", "SIMD floating point",
	};
	return vector < sizeof(names) / sizeof(names[0]) ? names[vector] : "reserved vector";
}

void backtrace(uint32_t ebp)
{
	const struct thread *t = thread_current();
	char where[80];

	/* Follow the chain only while it stays on this thread's stack. */
	for (int depth = 0; depth < 16; depth++) {
		if (ebp & 3 || !thread_stack_contains(t, ebp, 8))
			break;
		const uint32_t *frame = (const uint32_t *)(uintptr_t)ebp;
		if (frame[1] == 0)
			break;
		ksym_describe(where, sizeof(where), frame[1]);
		printk("    called from %s\n", where);
		if (frame[0] <= ebp)
			break;
		ebp = frame[0];
	}
}

void trap_dispatch(struct trap_frame *f)
{
	char where[80];
	uint32_t cr2 = shared_info ? vcpu0()->arch.cr2 : 0;
	const char *thread = thread_current() ? thread_current()->name : "start of day";

	ksym_describe(where, sizeof(where), f->eip);
	printk("miniguest: %s (vector %u, error code %#x) in thread '%s' at %s\n",
	       name_of(f->vector), f->vector, f->error, thread, where);
	if (f->vector == VEC_PAGE_FAULT)
		printk("  cr2 %08x: %s %s%s\n", cr2,
		       f->error & PF_PRESENT ? "protection violation on" : "not-present page,",
		       f->error & PF_WRITE ? "write" : "read",
		       f->error & PF_FETCH ? " (instruction fetch)" : "");
	printk("  eip %08x  cs %04x  eflags %08x\n", f->eip, f->cs & 0xffff, f->eflags);
	printk("  eax %08x  ebx %08x  ecx %08x  edx %08x\n", f->eax, f->ebx, f->ecx, f->edx);
	printk("  esi %08x  edi %08x  ebp %08x  esp %08x\n", f->esi, f->edi, f->ebp,
	       (f->cs & 3) == 3 ? f->esp : (uint32_t)(uintptr_t)&f->esp);
	printk("  ds %04x  es %04x  fs %04x  gs %04x\n", f->ds & 0xffff, f->es & 0xffff,
	       f->fs & 0xffff, f->gs & 0xffff);
	backtrace(f->ebp);
	mg_crash("unhandled exception");
}

/* Called by failsafe_callback_entry with the hypervisor's frame. */
void failsafe_report(const uint32_t *frame);
void failsafe_report(const uint32_t *frame)
{
	printk("miniguest: the hypervisor could not return to eip %#x (cs %#x): bad segments "
	       "ds %#x es %#x fs %#x gs %#x\n", frame[4], frame[5], frame[0], frame[1],
	       frame[2], frame[3]);
	mg_crash("failsafe callback");
}
