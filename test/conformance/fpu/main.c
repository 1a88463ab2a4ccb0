/* fpu: FPU and SSE state: fpu_taskswitch, #NM delivery, registers kept
 * across hypercalls, exceptions, ring 3 and yields.
 *
 * Rules checked (pvabi/ABI.md):
 *   FPU-1  the x87 and SSE registers (with the x87 control word and MXCSR)
 *          are the guest's own: whatever the hypervisor does between two
 *          instructions -- hypercalls, exception delivery, a trip to ring
 *          3, #NM handling, yields to other domains -- they read back as
 *          they were left
 *   FPU-2  fpu_taskswitch(1) makes the next x87 or SSE instruction, in ring
 *          1 or ring 3, raise #NM in the guest (a fault: eip at the
 *          instruction, no error code), once: after the #NM the flag is
 *          clear and the instruction runs; hypercalls and yields keep the
 *          flag; fpu_taskswitch(0) clears it without an #NM
 *
 * One domain checks the lazy path through fpu_taskswitch and #NM; the
 * section [fpu-two-domains] of conformance.tests boots two of them side by
 * side (on ringlet only: the referee boots one domain), each with its own
 * register values, sleeping (SCHEDOP_poll with a timeout) between the
 * checks so that the other runs, which exercises the save and restore on a
 * switch between domains. */
#include "guest.h"

#include "capture.h"
#include "ring3.h"

const char test_title[] = "fpu: FPU and SSE state: fpu_taskswitch, #NM delivery, registers "
			  "kept across hypercalls, exceptions, ring 3 and yields";

FAULT_FN(f_fld1, "", "fld1");
FAULT_FN(f_sse, "", "xorps %xmm7, %xmm7");
FAULT_FN(f_fnop, "", "fnop");
FAULT_FN(f_ud, "", "ud2");

/* ---- the state and how it is set and read --------------------------------- */

static uint8_t fx_ref[512] __attribute__((aligned(16)));
static uint8_t fx_now[512] __attribute__((aligned(16)));
static int32_t x87_in[8];
static uint32_t xmm_in[8][4] __attribute__((aligned(16)));
static uint16_t x87_cw = 0x0f7f;       /* round toward zero, 64-bit precision */
static uint32_t mxcsr = 0x7f80;        /* every exception masked, round toward zero */

static void load_state(uint32_t seed)
{
	for (unsigned i = 0; i < 8; i++) {
		x87_in[i] = (int32_t)(seed * 7919u + i * 104729u);
		for (unsigned k = 0; k < 4; k++)
			xmm_in[i][k] = seed ^ (0x01010101u * (i * 4 + k + 1)) ^ (k << 28);
	}
	asm volatile("fninit\n\t"
		     "fldcw %[cw]\n\t"
		     "ldmxcsr %[mx]\n\t"
		     "fildl 28(%[x])\n\tfildl 24(%[x])\n\tfildl 20(%[x])\n\tfildl 16(%[x])\n\t"
		     "fildl 12(%[x])\n\tfildl 8(%[x])\n\tfildl 4(%[x])\n\tfildl 0(%[x])\n\t"
		     "movaps 0(%[m]), %%xmm0\n\tmovaps 16(%[m]), %%xmm1\n\t"
		     "movaps 32(%[m]), %%xmm2\n\tmovaps 48(%[m]), %%xmm3\n\t"
		     "movaps 64(%[m]), %%xmm4\n\tmovaps 80(%[m]), %%xmm5\n\t"
		     "movaps 96(%[m]), %%xmm6\n\tmovaps 112(%[m]), %%xmm7\n\t"
		     "fxsave %[ref]"
		     : [ref] "=m"(fx_ref)
		     : [cw] "m"(x87_cw), [mx] "m"(mxcsr), [x] "r"(x87_in), [m] "r"(xmm_in)
		     : "memory");
}

static void save_now(void)
{
	asm volatile("fxsave %0" : "=m"(fx_now) : : "memory");
}

/* Compares what FXSAVE shows of the registers a program sees: FCW, FSW,
 * the abridged tag word, MXCSR, ST0-7 (10 bytes each), XMM0-7. The
 * last-instruction pointers are left out (CPUs differ on when they save
 * them). Returns a description of the first difference, or NULL. */
static const char *compare_state(void)
{
	static char why[96];
	static const struct { unsigned off, len; const char *what; } parts[] = {
		{ 0, 2, "the x87 control word" }, { 2, 2, "the x87 status word" },
		{ 4, 1, "the x87 tag word" }, { 24, 4, "MXCSR" },
	};

	for (unsigned i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (memcmp(fx_ref + parts[i].off, fx_now + parts[i].off, parts[i].len)) {
			format(why, sizeof(why), "%s", parts[i].what);
			return why;
		}
	for (unsigned i = 0; i < 8; i++)
		if (memcmp(fx_ref + 32 + 16 * i, fx_now + 32 + 16 * i, 10)) {
			format(why, sizeof(why), "ST%u", i);
			return why;
		}
	for (unsigned i = 0; i < 8; i++)
		if (memcmp(fx_ref + 160 + 16 * i, fx_now + 160 + 16 * i, 16)) {
			format(why, sizeof(why), "XMM%u", i);
			return why;
		}
	return 0;
}

static bool set_vector(uint8_t v, void (*handler)(void))
{
	struct trap_info t[2] = {
		{ .vector = v, .cs = FLAT_RING1_CS, .address = (uint32_t)(uintptr_t)handler },
		{ 0 },
	};

	return hypercall_set_trap_table(t) == 0;
}

static void yield(void)
{
	hypercall_sched_op(SCHEDOP_yield, NULL);
}

/* Blocks for about 1 ms of system time (SCHEDOP_poll with no ports): a
 * domain beside this one surely runs meanwhile, which a yield does not
 * promise. */
static void nap(void)
{
	struct sched_poll p = { .timeout = shared_info->vcpu_info[0].time.system_time + 1000000 };

	hypercall_sched_op(SCHEDOP_poll, &p);
}

/* ---- FPU-2 -------------------------------------------------------------- */

/* Runs fn (in ring 1 or 3) and checks how many #NM it raised. */
static void check_nm(const char *what, void (*fn)(void), int ring, unsigned want)
{
	capture_reset();
	if (ring == 3)
		ring3_run(fn, RING3_BY_IRET);
	else
		fn();
	if (want == 0) {
		check("FPU-2", cap_count == 0, "%s: no #NM (%u)", what, cap_count);
		return;
	}
	uint32_t top = ring == 3 ? (uint32_t)(uintptr_t)ring3_kernel_stack_top : pre_esp;
	uint32_t n = ring == 3 ? 5 : 3;
	uint32_t insn = fn == f_fld1 ? (uint32_t)(uintptr_t)f_fld1_insn :
			(uint32_t)(uintptr_t)f_sse_insn;
	check("FPU-2", cap_count == 1 && cap_esp == top - 4 * n && cap_words[0] == insn,
	      "%s: one #NM, frame without error code at %#x (want %#x), eip %#x (want %#x); "
	      "%u #NM", what, cap_esp, top - 4 * n, cap_words[0], insn, cap_count);
}

static void taskswitch(void)
{
	check_rc("FPU-2", "fpu_taskswitch(0)", hypercall_fpu_taskswitch(0), 0);
	check_nm("fld1 after it", f_fld1, 1, 0);

	check_rc("FPU-2", "fpu_taskswitch(1)", hypercall_fpu_taskswitch(1), 0);
	check_nm("fld1 after it", f_fld1, 1, 1);
	check_nm("fld1 again", f_fld1, 1, 0);

	hypercall_fpu_taskswitch(1);
	check_nm("xorps after fpu_taskswitch(1)", f_sse, 1, 1);
	check_nm("xorps again", f_sse, 1, 0);

	hypercall_fpu_taskswitch(1);
	hypercall_fpu_taskswitch(1);
	check_nm("fld1 after fpu_taskswitch(1) twice", f_fld1, 1, 1);

	check_rc("FPU-2", "fpu_taskswitch(2) (any non-zero value sets it)",
		 hypercall_fpu_taskswitch(2), 0);
	check_nm("fld1 after it", f_fld1, 1, 1);

	hypercall_fpu_taskswitch(1);
	hypercall_fpu_taskswitch(0);
	check_nm("fld1 after fpu_taskswitch(1) then (0)", f_fld1, 1, 0);

	hypercall_fpu_taskswitch(1);
	hypercall_xen_version(XENVER_version, NULL);
	yield();
	yield();
	check_nm("fld1 after fpu_taskswitch(1), a hypercall and two yields", f_fld1, 1, 1);

	hypercall_fpu_taskswitch(1);
	check_nm("fld1 in ring 3 after fpu_taskswitch(1)", f_fld1, 3, 1);
	check_nm("fld1 in ring 3 again", f_fld1, 3, 0);
}

/* ---- FPU-1 -------------------------------------------------------------- */

static void check_kept(const char *what)
{
	save_now();
	const char *diff = compare_state();
	check("FPU-1", !diff, "the registers after %s%s%s", what, diff ? ": changed: " : "",
	      diff ? diff : "");
}

static void state(uint32_t seed, unsigned rounds)
{
	hypercall_fpu_taskswitch(0);
	load_state(seed);
	check_kept("loading them (FXSAVE twice)");

	hypercall_xen_version(XENVER_version, NULL);
	check_kept("a hypercall");
	yield();
	check_kept("a yield");

	set_vector(X86_EXC_UD, cap_noec);
	f_ud();
	check_kept("an exception delivered to the guest (#UD)");

	ring3_run(f_ud, RING3_BY_IRET);
	check_kept("a trip to ring 3 and an exception there");

	hypercall_fpu_taskswitch(1);
	capture_reset();
	f_fnop();                  /* #NM, delivered; fnop itself skipped */
	check("FPU-1", cap_count == 1, "fnop after fpu_taskswitch(1) raised #NM (%u)", cap_count);
	check_kept("fpu_taskswitch(1) and the #NM");
	hypercall_fpu_taskswitch(1);
	yield();
	hypercall_fpu_taskswitch(0);
	check_kept("fpu_taskswitch(1), a yield and fpu_taskswitch(0)");

	/* With another domain beside this one, each nap lets it run (and use
	 * its own values); alone, the naps change nothing. */
	unsigned bad = 0;
	const char *first = 0;
	for (unsigned i = 0; i < rounds; i++) {
		yield();
		nap();
		save_now();
		const char *diff = compare_state();
		if (diff && !bad++)
			first = diff;
	}
	check("FPU-1", bad == 0, "the registers after each of %u yields and naps%s%s", rounds,
	      bad ? ": first changed: " : "", bad ? first : "");
}

void test_main(void)
{
	uint32_t a = 1, b, c, d;

	asm volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	if (!(d & (1u << 24)) || !(d & (1u << 25))) {
		test_skip("the CPU has no FXSR or no SSE (cpuid 1: edx %#x)", d);
		return;
	}
	long rc = ring3_init();
	if (!shared_info) {
		test_error("shared_info is not mapped: no system time");
		return;
	}
	if (rc || !set_vector(X86_EXC_NM, cap_noec)) {
		test_error("set-up failed: %ld", rc);
		return;
	}
	taskswitch();
	/* A seed of this domain's own: its shared_info frame. */
	state(start_info->shared_info >> 12, 200);
	test_success();
}
