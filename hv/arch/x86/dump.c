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

/* Follow saved frame pointers while they stay inside the hypervisor's
 * stacks and image. */
static void backtrace(uint64_t rbp)
{
	char sym[96];

	log_err("Call trace:");
	for (int depth = 0; depth < BACKTRACE_MAX; depth++) {
		if (rbp < HV_VIRT_OFFSET || rbp >= ~0ull - 16 || (rbp & 7))
			break;
		uint64_t ret = ((uint64_t *)rbp)[1];
		if (!ret)
			break;
		ksym_describe(sym, sizeof(sym), ret);
		log_err("  [<%016llx>] %s", (unsigned long long)ret, sym);
		uint64_t next = ((uint64_t *)rbp)[0];
		if (next <= rbp)
			break;
		rbp = next;
	}
}

#define X(v) ((unsigned long long)(v))

void dump_regs(const char *why, const struct cpu_regs *r, uint64_t cr2)
{
	char sym[96], pf[80] = "";

	if (r->vector == VEC_PF)
		describe_pf(pf, sizeof(pf), r->error_code);
	ksym_describe(sym, sizeof(sym), r->rip);
	log_err("*** %s: %s (vector %u), error code 0x%04x%s",
		why, exception_name(r->vector), r->vector, r->error_code, pf);
	log_err("RIP: %016llx <%s>  CS: %04x  RFLAGS: %08llx", X(r->rip), sym, r->cs, X(r->rflags));
	log_err("RAX: %016llx  RBX: %016llx  RCX: %016llx", X(r->rax), X(r->rbx), X(r->rcx));
	log_err("RDX: %016llx  RSI: %016llx  RDI: %016llx", X(r->rdx), X(r->rsi), X(r->rdi));
	log_err("RBP: %016llx  RSP: %016llx  R8:  %016llx", X(r->rbp), X(r->rsp), X(r->r8));
	log_err("R9:  %016llx  R10: %016llx  R11: %016llx", X(r->r9), X(r->r10), X(r->r11));
	log_err("R12: %016llx  R13: %016llx  R14: %016llx", X(r->r12), X(r->r13), X(r->r14));
	log_err("R15: %016llx  SS: %04x", X(r->r15), r->ss);
	uint32_t fs, gs;
	asm volatile("movl %%fs, %0; movl %%gs, %1" : "=r"(fs), "=r"(gs));
	log_err("DS: %04x  ES: %04x  FS: %04x  GS: %04x", r->ds & 0xffff, r->es & 0xffff,
		fs & 0xffff, gs & 0xffff);
	log_err("CR0: %08llx  CR2: %016llx  CR3: %016llx  CR4: %08llx", X(read_cr0()), X(cr2),
		X(read_cr3()), X(read_cr4()));
	backtrace(r->rbp);
}
