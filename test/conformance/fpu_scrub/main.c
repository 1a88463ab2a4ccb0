/* fpu_scrub: a vCPU's first FPU state is clean -- no other domain's
 * registers -- and its x87 errors arrive as #MF.
 *
 * Rules checked (pvabi/ABI.md):
 *   FPU-3  the first x87 or SSE instruction of a vCPU finds the state of a
 *          freshly reset FPU: control word 0x37f, MXCSR 0x1f80, status and
 *          tags clear, every x87 data register and XMM0-7 zero -- never
 *          what another domain left in them
 *   FPU-4  an unmasked x87 exception is delivered to the guest as #MF
 *          (vector 16) at the next waiting x87 instruction
 *
 * Alone it reads its own first state. With "writer" on its command line it
 * fills every register with a pattern and keeps them there for a while,
 * yielding; the section [fpu_scrub-two-domains] boots a writer and, beside
 * it, a reader ("after=MS") that waits without touching the FPU, so that
 * the writer's state is on the CPU when the reader first uses it. */
#include "guest.h"

#include "capture.h"
#include "systime.h"

const char test_title[] = "fpu_scrub: a vCPU's first FPU state is clean: no other domain's "
			  "registers, x87 errors arrive as #MF";

static uint8_t fx[512] __attribute__((aligned(16)));
static const uint32_t pattern[4] __attribute__((aligned(16))) = {
	0xdeadbeef, 0x0badf00d, 0x5ca1ab1e, 0xfeedface
};
__attribute__((used)) static const uint16_t cw_zero_divide_unmasked = 0x037b;

FAULT_FN(f_mf, "fninit; fldcw cw_zero_divide_unmasked; fldz; fld1; fdiv %st(1), %st", "fwait");

/* Where key starts in the command line, or NULL. */
static const char *find(const char *key)
{
	size_t n = strlen(key);

	for (const char *s = start_info->cmd_line; *s; s++)
		if (strncmp(s, key, n) == 0)
			return s;
	return NULL;
}

static uint64_t arg(const char *key)
{
	const char *s = find(key);
	uint64_t v = 0;

	if (!s)
		return 0;
	for (s += strlen(key); *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (uint64_t)(*s - '0');
	return v;
}

static void wait_ms(uint64_t ms)
{
	uint64_t until = system_time_ns(NULL) + ms * 1000000;

	while (system_time_ns(NULL) < until)
		hypercall_sched_op(SCHEDOP_yield, NULL);
}

static bool all_zero(const uint8_t *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

/* Each x87 register is 10 bytes of a 16-byte slot; FXSAVE need not write
 * the other 6. */
static bool x87_data_zero(void)
{
	for (unsigned r = 0; r < 8; r++)
		if (!all_zero(fx + 32 + 16 * r, 10))
			return false;
	return true;
}

static void fill_registers(void)
{
	asm volatile("movaps %0, %%xmm0; movaps %%xmm0, %%xmm1; movaps %%xmm0, %%xmm2;"
		     "movaps %%xmm0, %%xmm3; movaps %%xmm0, %%xmm4; movaps %%xmm0, %%xmm5;"
		     "movaps %%xmm0, %%xmm6; movaps %%xmm0, %%xmm7;"
		     "fninit; fldpi; fldl2e; fldl2t; fldlg2; fldln2; fldpi; fldl2e; fldl2t"
		     : : "m"(pattern));
}

static void writer(void)
{
	fill_registers();
	wait_ms(arg("hold=") ? arg("hold=") : 400);
	asm volatile("fxsave %0" : "=m"(fx));
	check("FPU-1", memcmp(fx + 160 + 7 * 16, pattern, 16) == 0 && !x87_data_zero(),
	      "the writer's own registers are still there after it yielded");
}

static void first_state(void)
{
	memset(fx, 0xa5, sizeof(fx));
	asm volatile("fxsave %0" : "=m"(fx));
	uint16_t fcw = fx[0] | fx[1] << 8, fsw = fx[2] | fx[3] << 8;
	uint32_t mxcsr = fx[24] | fx[25] << 8 | fx[26] << 16 | (uint32_t)fx[27] << 24;
	check_eq_hex("FPU-3", "x87 control word", fcw, 0x37f);
	check_eq_hex("FPU-3", "x87 status word", fsw, 0);
	check_eq_hex("FPU-3", "x87 tags (abridged: all empty)", fx[4], 0);
	check_eq_hex("FPU-3", "MXCSR", mxcsr, 0x1f80);
	check("FPU-3", x87_data_zero(), "x87 data registers ST0-ST7 are zero");
	check("FPU-3", all_zero(fx + 160, 8 * 16), "XMM0-XMM7 are zero");
}

static void x87_error(void)
{
	struct trap_info t[2] = {
		{ .vector = X86_EXC_MF, .cs = FLAT_RING1_CS, .address = (uint32_t)(uintptr_t)cap_noec },
		{ 0 },
	};
	if (hypercall_set_trap_table(t) != 0)
		return test_error("set_trap_table(#MF) failed");
	capture_reset();
	f_mf();
	asm volatile("fnclex; fninit");
	check("FPU-4", cap_count == 1 && cap_words[0] == (uint32_t)(uintptr_t)f_mf_insn,
	      "1/0 with zero-divide unmasked: #MF at the fwait (%u #MF, eip 0x%x, want 0x%x)",
	      cap_count, cap_words[0], (uint32_t)(uintptr_t)f_mf_insn);
}

void test_main(void)
{
	if (find("writer")) {
		writer();
	} else {
		wait_ms(arg("after="));
		first_state();
		x87_error();
	}
	test_success();
}
