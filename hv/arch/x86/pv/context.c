/* Switching the CPU between guests: registers through the trap frame at the
 * top of the stack, then page tables, descriptor tables and the FPU (lazily,
 * through CR0.TS). */
#include "arch/arch.h"
#include "arch/x86/pv/cpuid.h"
#include "arch/x86/pv/int80.h"
#include "console/log.h"
#include "arch/x86/pv/pv.h"
#include "arch/x86/selectors.h"
#include "domain/domain.h"
#include "mm/mm.h"
#include "sched/sched.h"
#include "time/guest_time.h"

extern char boot_stack[];
static uint64_t empty_gdt_mfn;
static const struct vcpu *gdt_shown;       /* whose descriptor frames the GDT area shows */
static struct vcpu *fpu_owner;

struct cpu_regs *guest_frame(void)
{
	return (struct cpu_regs *)(boot_stack + BOOT_STACK_SIZE) - 1;
}

void pv_init(uint32_t nr_frames)
{
	m2p_init(nr_frames);
	paging_populate(GDT_AREA_START, GDT_AREA_END, alloc_frame);
	empty_gdt_mfn = alloc_frame();
	memset(map_frame(empty_gdt_mfn), 0, PAGE_SIZE);
	gdt_use_area(empty_gdt_mfn);
	if (cpu_has.fxsr)
		write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	/* A guest's x87 errors arrive as #MF, the native way, and not on the
	 * legacy IRQ 13, which nobody listens to. */
	write_cr0(read_cr0() | CR0_NE);
	log_info("CPUID faulting %s", cpuid_faulting_init() ?
		 "on: a guest's plain cpuid sees its policy" : "not offered by this CPU");
}

void pv_show_gdt(const struct vcpu *v)
{
	for (unsigned i = 0; i < GUEST_GDT_PAGES; i++) {
		bool guest = i * 512 < v->arch.gdt_ents;
		hv_map(GDT_AREA_START + i * PAGE_SIZE, guest ? v->arch.gdt_mfns[i] : empty_gdt_mfn,
		       guest ? PTE_RW | pte_nx : pte_nx);
	}
	gdt_shown = v;
	segments_stale = 1;
}

/* A guest's fs and gs, which trap entry leaves on the CPU. A selector the
 * CPU refuses (the guest changed its GDT under it) becomes null. */
static void load_user_segments(uint32_t fs, uint32_t gs)
{
	asm volatile("1:\tmovl %0, %%fs\n"
		     "2:\tmovl %1, %%gs\n"
		     "3:\n"
		     "\t.pushsection .text.fixup, \"ax\"\n"
		     "4:\txorl %%eax, %%eax\n\tmovl %%eax, %%fs\n\tmovl %%eax, %%gs\n\tjmp 3b\n"
		     "\t.popsection\n\t"
		     EXTABLE_ENTRY(1b, 4b) EXTABLE_ENTRY(2b, 4b)
		     : : "r"(fs), "r"(gs) : "rax");
}

static void load_context(struct vcpu *v)
{
	guest_time_update(v);
	load_guest_l3(v->arch.cr3_mfn);         /* flushes: global pages stay off */
	segments_stale = 1;                     /* its selectors name its own descriptors */
	if (gdt_shown != v && (v->arch.gdt_ents || (gdt_shown && gdt_shown->arch.gdt_ents)))
		pv_show_gdt(v);
	pv_int80_refresh(v);
	pv_load_debugregs(v);
	write_cr0(read_cr0() | CR0_TS);
}

void context_switch(struct vcpu *prev, struct vcpu *next, struct cpu_regs *frame)
{
	if (prev) {
		prev->arch.regs = *frame;
		asm volatile("movl %%fs, %0; movl %%gs, %1"
			     : "=r"(prev->arch.regs.fs), "=r"(prev->arch.regs.gs));
	}
	*frame = next->arch.regs;
	load_context(next);
	load_user_segments(next->arch.regs.fs, next->arch.regs.gs);
	current = next;
}

_Noreturn void enter_guest(struct vcpu *v)
{
	struct cpu_regs *frame = guest_frame();

	*frame = v->arch.regs;
	load_context(v);
	load_user_segments(v->arch.regs.fs, v->arch.regs.gs);
	current = v;
	asm volatile("movq %0, %%rsp\n\tjmp trap_return" : : "r"(frame) : "memory");
	__builtin_unreachable();
}

/* What a reset FPU holds, in FXSAVE's layout: x87 control word 0x37f and
 * MXCSR 0x1f80 (every exception masked), everything else zero. */
static const uint8_t fpu_reset_state[512] __attribute__((aligned(16))) = {
	[0] = 0x7f, [1] = 0x03, [24] = 0x80, [25] = 0x1f,
};

/* #NM from a guest: its FPU state goes back on the CPU; if the guest had
 * asked to see the trap itself (fpu_taskswitch), it sees it too. */
void pv_fpu_trap(struct vcpu *v, struct cpu_regs *frame)
{
	asm volatile("clts");
	if (fpu_owner != v) {
		if (fpu_owner)
			asm volatile("fxsave (%0)" : : "r"(fpu_owner->arch.fxsave) : "memory");
		if (!v->arch.fxsave)
			v->arch.fxsave = xzalloc(512);
		if (!v->arch.fxsave) {
			domain_destroy(v->d, "no memory for its FPU state");
			return;
		}
		if (v->arch.fpu_used) {
			asm volatile("fxrstor (%0)" : : "r"(v->arch.fxsave) : "memory");
		} else {
			/* Every register, not just the control words: fninit
			 * would leave the x87 and XMM data registers as the
			 * last domain had them. */
			asm volatile("fxrstor %0" : : "m"(fpu_reset_state));
			v->arch.fpu_used = true;
		}
		fpu_owner = v;
	}
	if (v->arch.guest_ts) {
		v->arch.guest_ts = false;
		pv_deliver(v, frame, VEC_NM, 0);
	}
}

void arch_vcpu_destroy(struct vcpu *v)
{
	if (fpu_owner == v)
		fpu_owner = NULL;
	if (int80_fast.in_failsafe == &v->arch.in_failsafe)
		pv_int80_forget();
	if (v == current || !current) {
		struct vcpu none = { 0 };
		pv_load_debugregs(&none);          /* its breakpoints go with it */
	}
	if (gdt_shown == v) {
		gdt_shown = NULL;
		struct vcpu none = { 0 };
		pv_show_gdt(&none);
		gdt_shown = NULL;
	}
	xfree(v->arch.fxsave);
	v->arch.fxsave = NULL;
}
