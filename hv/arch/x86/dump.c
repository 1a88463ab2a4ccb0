/* Register dumps: what a reader needs to find a fault in the source. */
#include "arch/x86/cpu.h"
#include "arch/x86/layout.h"
#include "arch/x86/traps.h"
#include "console/log.h"
#include "ksyms.h"
#include "lib/format.h"

#define BACKTRACE_MAX 16

static const char *const names[32] = {
	[VEC_DE] = "#DE divide error", [VEC_DB] = "#DB debug", [VEC_NMI] = "NMI",
	[VEC_BP] = "#BP breakpoint", [VEC_OF] = "#OF overflow", [VEC_BR] = "#BR bound range",
	[VEC_UD] = "#UD invalid opcode", [VEC_NM] = "#NM device not available",
	[VEC_DF] = "#DF double fault", [VEC_TS] = "#TS invalid TSS",
	[VEC_NP] = "#NP segment not present", [VEC_SS] = "#SS stack fault",
	[VEC_GP] = "#GP general protection", [VEC_PF] = "#PF page fault",
	[VEC_MF] = "#MF x87 error", [VEC_AC] = "#AC alignment check",
	[VEC_MC] = "#MC machine check", [VEC_XM] = "#XM SIMD error",
};

const char *exception_name(unsigned vector)
{
	if (vector < 32 && names[vector])
		return names[vector];
	return vector < 32 ? "reserved exception" : "interrupt";
}

static void describe_pf(char *buf, size_t size, uint32_t ec)
{
	format(buf, size, " [%s %s %s%s%s]",
	       ec & 1 ? "protection" : "not-present", ec & 2 ? "write" : "read",
	       ec & 4 ? "user" : "supervisor", ec & 8 ? " reserved-bit" : "",
	       ec & 16 ? " instruction-fetch" : "");
}

/* Follow saved frame pointers while they stay inside the hypervisor. */
static void backtrace(uint32_t ebp)
{
	char sym[96];

	log_err("Call trace:");
	for (int depth = 0; depth < BACKTRACE_MAX; depth++) {
		if (ebp < DIRECTMAP_START || ebp >= DIRECTMAP_END - 8 || (ebp & 3))
			break;
		uint32_t ret = ((uint32_t *)ebp)[1];
		if (!ret)
			break;
		ksym_describe(sym, sizeof(sym), ret);
		log_err("  [<%08x>] %s", ret, sym);
		uint32_t next = ((uint32_t *)ebp)[0];
		if (next <= ebp)
			break;
		ebp = next;
	}
}

void dump_regs(const char *why, const struct cpu_regs *r, uint32_t cr2)
{
	char sym[96], pf[80] = "";

	if (r->vector == VEC_PF)
		describe_pf(pf, sizeof(pf), r->error_code);
	ksym_describe(sym, sizeof(sym), r->eip);
	log_err("*** %s: %s (vector %u), error code 0x%04x%s",
		why, exception_name(r->vector), r->vector, r->error_code, pf);
	log_err("EIP: 0x%08x <%s>  CS: 0x%04x  EFLAGS: 0x%08x", r->eip, sym, r->cs, r->eflags);
	log_err("EAX: 0x%08x  EBX: 0x%08x  ECX: 0x%08x  EDX: 0x%08x", r->eax, r->ebx, r->ecx, r->edx);
	log_err("ESI: 0x%08x  EDI: 0x%08x  EBP: 0x%08x  ESP: 0x%08x", r->esi, r->edi, r->ebp,
		trap_esp(r));
	uint32_t fs, gs;
	asm volatile("movl %%fs, %0; movl %%gs, %1" : "=r"(fs), "=r"(gs));
	log_err("DS: 0x%04x  ES: 0x%04x  FS: 0x%04x  GS: 0x%04x", r->ds & 0xffff, r->es & 0xffff,
		fs & 0xffff, gs & 0xffff);
	log_err("CR0: 0x%08x  CR2: 0x%08x  CR3: 0x%08x  CR4: 0x%08x", read_cr0(), cr2,
		read_cr3(), read_cr4());
	backtrace(r->ebp);
}
