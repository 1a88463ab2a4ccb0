/* Exception handling of a conformance guest (lib/traps.h). */
#include "traps.h"

#include "console.h"
#include "hypercall.h"
#include "lib/format.h"
#include "pvabi/arch_x86_32.h"
#include "pvabi/mmu.h"
#include "pvabi/sched.h"
#include "pvabi/shared_info.h"
#include "test.h"

#define NR_TRAPS 32

extern const uint32_t trap_stubs[NR_TRAPS];
extern const uint32_t __extable_start[], __extable_end[];

volatile uint32_t exception_count;
volatile struct exinfo last_exception;

/* shared_info, once mapped over this page; for the page-fault address. */
static uint8_t shared_info_page[4096] __attribute__((aligned(4096)));
volatile struct shared_info *shared_info;

static unsigned nesting;

long traps_init(void)
{
	static struct trap_info table[NR_TRAPS + 1];
	long rc;

	for (unsigned v = 0; v < NR_TRAPS; v++) {
		table[v].vector = (uint8_t)v;
		/* int3 and into may be used from any ring, as on hardware. */
		table[v].flags = (v == X86_EXC_BP || v == X86_EXC_OF) ? 3 : 0;
		table[v].cs = FLAT_RING1_CS;
		table[v].address = trap_stubs[v];
	}
	table[NR_TRAPS].address = 0;            /* the end */
	rc = hypercall_set_trap_table(table);
	if (rc) {
		printk("traps: set_trap_table failed: %ld\n", rc);
		return rc;
	}

	uint64_t pte = (uint64_t)start_info->shared_info | PV_PTE_PRESENT | PV_PTE_RW |
		       PV_PTE_ACCESSED | PV_PTE_DIRTY;
	long map = hypercall_update_va_mapping(ptr_arg(shared_info_page), pte, UVMF_INVLPG);
	if (map)
		printk("traps: cannot map shared_info (update_va_mapping: %ld); "
		       "page-fault addresses will read as ~0\n", map);
	else
		shared_info = (volatile struct shared_info *)shared_info_page;
	return 0;
}

static uint32_t fault_address(void)
{
	return shared_info ? shared_info->vcpu_info[0].arch.cr2 : ~0u;
}

const char *exception_name(int vector)
{
	static const char *const names[] = {
		"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", "vector 9",
		"#TS", "#NP", "#SS", "#GP", "#PF", "vector 15", "#MF", "#AC", "#MC", "#XM",
		"#VE", "#CP",
	};
	static char other[16];

	if (vector >= 0 && (unsigned)vector < sizeof(names) / sizeof(names[0]))
		return names[vector];
	format(other, sizeof(other), "vector %d", vector);
	return other;
}

int exinfo_format(char *buf, unsigned size, const struct exinfo *ex)
{
	if (ex->vector == EXINFO_NONE)
		return format(buf, size, "no exception");
	if (ex->vector == X86_EXC_PF)
		return format(buf, size, "#PF[err %#x, cr2 %#x] at %#x", ex->error, ex->cr2,
			      ex->eip);
	return format(buf, size, "%s[err %#x] at %#x", exception_name(ex->vector), ex->error,
		      ex->eip);
}

static const uint32_t *find_fixup(uint32_t eip)
{
	for (const uint32_t *e = __extable_start; e + 1 < __extable_end; e += 2)
		if (e[0] == eip)
			return e;
	return 0;
}

static void dump(const struct trap_frame *f, uint32_t cr2)
{
	bool from_user = (f->cs & 3) == 3;
	/* Where the interrupted code's stack was: above the hypervisor's part
	 * of the frame, unless the exception came from ring 3. */
	uint32_t esp = from_user ? f->esp : (uint32_t)(uintptr_t)&f->esp;

	printk("unexpected %s (vector %u), error code %#x\n", exception_name((int)f->vector),
	       f->vector, f->error);
	printk("  eip %08x  cs %04x  eflags %08x  saved_upcall_mask %u\n", f->eip,
	       f->cs & 0xffff, f->eflags, (f->cs >> 16) & 0xff);
	printk("  eax %08x  ebx %08x  ecx %08x  edx %08x\n", f->eax, f->ebx, f->ecx, f->edx);
	printk("  esi %08x  edi %08x  ebp %08x  esp %08x\n", f->esi, f->edi, f->ebp, esp);
	printk("  ds %04x  es %04x  fs %04x  gs %04x%s\n", f->ds & 0xffff, f->es & 0xffff,
	       f->fs & 0xffff, f->gs & 0xffff, from_user ? "  (from ring 3)" : "");
	if (f->vector == X86_EXC_PF)
		printk("  cr2 %08x (%s, %s%s)\n", cr2,
		       f->error & PFEC_PRESENT ? "protection" : "not present",
		       f->error & PFEC_WRITE ? "write" : "read",
		       f->error & PFEC_INSN ? ", instruction fetch" : "");
	if (!from_user) {
		const uint32_t *sp = (const uint32_t *)(uintptr_t)esp;
		printk("  stack %08x %08x %08x %08x %08x %08x\n", sp[0], sp[1], sp[2], sp[3],
		       sp[4], sp[5]);
	}
}

void trap_dispatch(struct trap_frame *f);

void trap_dispatch(struct trap_frame *f)
{
	uint32_t cr2 = f->vector == X86_EXC_PF ? fault_address() : ~0u;
	const uint32_t *fixup;

	if (++nesting > 1) {
		printk("PANIC: %s at %#x while handling an exception\n",
		       exception_name((int)f->vector), f->eip);
		/* Do not try anything clever: crash the domain. */
		for (;;) {
			struct sched_shutdown arg = { .reason = SHUTDOWN_crash };
			hypercall_sched_op(SCHEDOP_shutdown, &arg);
		}
	}

	fixup = find_fixup(f->eip);
	if (fixup) {
		last_exception.vector = (int)f->vector;
		last_exception.error = f->error;
		last_exception.cr2 = cr2;
		last_exception.eip = f->eip;
		exception_count++;
		f->eip = fixup[1];
		nesting--;
		return;
	}

	dump(f, cr2);
	panic("unexpected %s at %#x in ring %u", exception_name((int)f->vector), f->eip,
	      f->cs & 3);
}

/* ---- probes -------------------------------------------------------------- */

static bool probe_result(uint32_t before, struct exinfo *ex)
{
	bool faulted = exception_count != before;

	if (ex) {
		if (faulted) {
			ex->vector = last_exception.vector;
			ex->error = last_exception.error;
			ex->cr2 = last_exception.cr2;
			ex->eip = last_exception.eip;
		} else {
			ex->vector = EXINFO_NONE;
			ex->error = ex->cr2 = ex->eip = 0;
		}
	}
	return !faulted;
}

bool probe_read8(uint32_t addr, uint8_t *val, struct exinfo *ex)
{
	uint32_t before = exception_count;
	uint8_t v = 0;

	asm volatile("1: movb (%[a]), %[v]\n2:\n\t" EXTABLE(1b, 2b)
		     : [v] "+q"(v) : [a] "r"(addr) : "memory");
	if (val)
		*val = v;
	return probe_result(before, ex);
}

bool probe_read32(uint32_t addr, uint32_t *val, struct exinfo *ex)
{
	uint32_t before = exception_count;
	uint32_t v = 0;

	asm volatile("1: movl (%[a]), %[v]\n2:\n\t" EXTABLE(1b, 2b)
		     : [v] "+r"(v) : [a] "r"(addr) : "memory");
	if (val)
		*val = v;
	return probe_result(before, ex);
}

bool probe_write8(uint32_t addr, uint8_t val, struct exinfo *ex)
{
	uint32_t before = exception_count;

	asm volatile("1: movb %[v], (%[a])\n2:\n\t" EXTABLE(1b, 2b)
		     : : [v] "q"(val), [a] "r"(addr) : "memory");
	return probe_result(before, ex);
}

bool probe_write32(uint32_t addr, uint32_t val, struct exinfo *ex)
{
	uint32_t before = exception_count;

	asm volatile("1: movl %[v], (%[a])\n2:\n\t" EXTABLE(1b, 2b)
		     : : [v] "r"(val), [a] "r"(addr) : "memory");
	return probe_result(before, ex);
}

bool probe_hypercall(uint32_t nr, const uint32_t args[5], long *rc, struct exinfo *ex)
{
	uint32_t before = exception_count;
	uint32_t a = nr, b = args[0], c = args[1], d = args[2], s = args[3], di = args[4];

	asm volatile("1: int $0x82\n2:\n\t" EXTABLE(1b, 2b)
		     : "+a"(a), "+b"(b), "+c"(c), "+d"(d), "+S"(s), "+D"(di)
		     : : "memory");
	if (rc)
		*rc = (long)a;
	return probe_result(before, ex);
}
