/* priv_op: the privileged instructions a ring-1 kernel may use.
 *
 * Rules checked (pvabi/ABI.md):
 *   PRIV-1  "mov %crN, %reg" reads CR0 (paging and protection on, TS as
 *           fpu_taskswitch and clts left it), CR2 (the last page fault's
 *           address), CR3 (the machine address of the current L3) and CR4
 *           (PAE on)
 *   PRIV-2  "mov %reg, %cr0" may change TS alone; any other bit is a #GP.
 *           clts clears TS. "mov %reg, %cr3" switches page tables as
 *           MMUEXT_NEW_BASEPTR does; a frame that is not a valid L3 is a #GP
 *   PRIV-3  wbinvd completes; invlpg is a #GP, as on Xen (a PV kernel
 *           flushes with MMUEXT_INVLPG_LOCAL) */
#include "guest.h"
#include "region.h"

const char test_title[] = "priv_op: control registers, clts and wbinvd from ring 1";

#define CR0_PE  (1u << 0)
#define CR0_TS  (1u << 3)
#define CR0_WP  (1u << 16)
#define CR0_PG  (1u << 31)
#define CR4_PAE (1u << 5)

#define READ_CR(n) \
static uint32_t read_cr##n(void) \
{ uint32_t v; asm volatile("mov %%cr" #n ", %0" : "=r"(v)); return v; }
READ_CR(0)
READ_CR(2)
READ_CR(3)
READ_CR(4)

/* A write that must fault with #GP: true when it did. */
static bool write_faults(int cr, uint32_t v)
{
	uint32_t before = exception_count;

	if (cr == 0)
		asm volatile("1:\tmov %0, %%cr0\n2:\n\t" EXTABLE(1b, 2b) : : "r"(v) : "memory");
	else
		asm volatile("1:\tmov %0, %%cr3\n2:\n\t" EXTABLE(1b, 2b) : : "r"(v) : "memory");
	return exception_count == before + 1 && last_exception.vector == X86_EXC_GP;
}

static void check_cr0(void)
{
	uint32_t cr0 = read_cr0();
	check("PRIV-1", (cr0 & (CR0_PE | CR0_PG)) == (CR0_PE | CR0_PG),
	      "CR0 (%#x) has protection and paging on", cr0);
	check_rc("PRIV-1", "fpu_taskswitch(1)", hypercall_fpu_taskswitch(1), 0);
	check("PRIV-1", read_cr0() & CR0_TS, "CR0.TS reads 1 after fpu_taskswitch(1)");
	asm volatile("clts");
	check("PRIV-2", !(read_cr0() & CR0_TS), "clts clears it");
	uint32_t now = read_cr0();
	asm volatile("mov %0, %%cr0" : : "r"(now | CR0_TS) : "memory");
	check("PRIV-2", read_cr0() & CR0_TS, "mov to CR0 sets TS");
	asm volatile("mov %0, %%cr0" : : "r"(now & ~CR0_TS) : "memory");
	check("PRIV-2", !(read_cr0() & CR0_TS), "mov to CR0 clears TS");
	check("PRIV-2", write_faults(0, now ^ CR0_WP), "mov to CR0 changing WP: #GP");
	check("PRIV-2", write_faults(0, now & ~CR0_PG), "mov to CR0 clearing PG: #GP");
}

static void check_cr2_cr4(void)
{
	uint32_t addr = initial_region_end() + 0x123, val;
	struct exinfo ex;
	bool done = probe_read32(addr, &val, &ex);
	check("PRIV-1", !done && ex.vector == X86_EXC_PF, "a read at %#x faults", addr);
	check_eq_hex("PRIV-1", "CR2 after it", read_cr2(), addr);
	check("PRIV-1", read_cr4() & CR4_PAE, "CR4 (%#x) has PAE on", read_cr4());
}

static void check_cr3(void)
{
	uint32_t pt_pfn = ((uint32_t)start_info->pt_base - (uint32_t)__image_start) >> 12;
	uint32_t l3 = ((const uint32_t *)start_info->mfn_list)[pt_pfn] << 12;
	uint32_t cr3 = read_cr3();
	check_eq_hex("PRIV-1", "CR3 is the machine address of the L3", cr3, l3);
	asm volatile("mov %0, %%cr3" : : "r"(cr3) : "memory");
	check_eq_hex("PRIV-2", "mov of the same L3 to CR3, then CR3", read_cr3(), cr3);
	uint32_t data_mfn = ((const uint32_t *)start_info->mfn_list)[0];
	check("PRIV-2", write_faults(3, data_mfn << 12), "mov of a data frame to CR3: #GP");
	check_eq_hex("PRIV-2", "... and CR3 is unchanged", read_cr3(), cr3);
}

void test_main(void)
{
	check_cr0();
	check_cr2_cr4();
	check_cr3();
	uint32_t before = exception_count;
	asm volatile("1:\twbinvd\n2:\n\t" EXTABLE(1b, 2b) : : : "memory");
	check("PRIV-3", exception_count == before, "wbinvd completes without a fault");
	uint32_t at = (uint32_t)&before, zero = 0;
	before = exception_count;
	asm volatile("1:\tinvlpg (%0)\n2:\n\t" EXTABLE(1b, 2b) : : "r"(at) : "memory");
	asm volatile("1:\tinvlpg 0x10(%0,%1,4)\n2:\n\t" EXTABLE(1b, 2b)
		     : : "r"(at), "r"(zero) : "memory");
	asm volatile("1:\tinvlpg 0x12345678\n2:\n\t" EXTABLE(1b, 2b) : : : "memory");
	check("PRIV-3", exception_count == before + 3 && last_exception.vector == X86_EXC_GP,
	      "invlpg, three ways of addressing: three #GP (%u exception(s), the last %s)",
	      exception_count - before, exception_name(last_exception.vector));
	test_success();
}
