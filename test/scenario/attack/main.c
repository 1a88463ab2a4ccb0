/* Scenario guest: asks the hypervisor for as much work as one call can
 * carry, beside the neighbour guest (test/scenario/neighbour), which must
 * keep its timer and its share (ISO-4). The first word of the command line
 * picks the attack; each is legitimate work that must complete, correctly,
 * only in slices:
 *
 *   mc-mmuext N    one multicall entry: an mmuext_op batch of N no-op
 *                  invalidations, read from a 4 KiB page mapped again and
 *                  again (one L1 hooked into many L2 slots)
 *   mc-console N   one multicall entry: a console_io write of N NUL bytes
 *                  (which print nothing) from the same kind of mirror
 *   pinpairs N     one mmuext_op of N pin/unpin pairs of an L2 whose
 *                  entries lead to as many full L1s as the domain can spare
 *   reservation N  N rounds of giving 256 frames back and asking for them
 *                  again (increase_reservation), at whatever memory size
 *
 *   HCALL-4  the call gives the CPU back part-way and the guest still sees
 *            one call and one result
 *   MC-4     a multicall entry continues part-way, as the multicall does */
#include "guest.h"
#include "pagetable.h"
#include "systime.h"

const char test_title[] = "attack: as much work as one hypercall can carry";

#define MIRROR_SLOTS 400u     /* 800 MiB of mirrored view */

static uint32_t number_arg(void)
{
	const char *s = strchr(start_info->cmd_line, ' ');
	uint32_t v = 0;

	for (s = s ? s + 1 : ""; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (uint32_t)(*s - '0');
	return v;
}

static bool is(const char *name)
{
	size_t n = strlen(name);
	return strncmp(start_info->cmd_line, name, n) == 0 &&
	       (start_info->cmd_line[n] == ' ' || start_info->cmd_line[n] == 0);
}

/* A frame filled with word, mapped read-only 512 times by one L1. */
static bool mirror_l1(uint32_t word, struct pt_frame *l1)
{
	struct pt_frame page;

	if (!pt_alloc_frame(&page) || !pt_alloc_frame(l1))
		return false;
	for (uint32_t i = 0; i < PAGE_SIZE / 4; i++)
		((uint32_t *)page.va)[i] = word;
	for (unsigned i = 0; i < 512; i++)
		pt_set(l1, i, PT_ENTRY(page.mfn, PT_RO));
	return pt_table(l1);
}

/* MIRROR_SLOTS x 2 MiB of the same page from the scratch address on. */
static uint32_t mirror(uint32_t word)
{
	struct pt_frame l1;
	uint32_t va = pt_scratch_va();

	if (!va || !mirror_l1(word, &l1))
		return 0;
	uint32_t l2 = pt_l2_mfn(va);
	for (unsigned i = 0; i < MIRROR_SLOTS; i++) {
		if (PT_L2_INDEX(va) + i >= 512 ||
		    pt_update(pt_maddr(l2, PT_L2_INDEX(va) + i), PT_ENTRY(l1.mfn, PT_TABLE)) != 0) {
			test_error("cannot hook the mirror L1 into L2 slot %u", PT_L2_INDEX(va) + i);
			return 0;
		}
	}
	return va;
}

static long one_entry_multicall(uint32_t op, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4)
{
	static struct multicall_entry mc;

	mc = (struct multicall_entry){ .op = op, .args = { a1, a2, a3, a4 } };
	long rc = hypercall_multicall(&mc, 1);
	return rc ? rc : (long)(int32_t)mc.result;
}

static void mc_mmuext(uint32_t n)
{
	static uint32_t done;
	uint32_t va = mirror(MMUEXT_INVLPG_LOCAL);   /* cmd 7, arg1 7, arg2 7 */

	if (!va || n > MIRROR_SLOTS * (2u << 20) / sizeof(struct mmuext_op))
		return test_error("no mirror for %u requests", n);
	long rc = one_entry_multicall(__HYPERVISOR_mmuext_op, va, n, ptr_arg(&done), DOMID_SELF);
	check_rc("MC-4", "a multicall entry of a huge mmuext_op batch", rc, 0);
	check_eq("HCALL-4", "requests done", done, n);
}

static void mc_console(uint32_t n)
{
	uint32_t va = mirror(0);

	if (!va || n > MIRROR_SLOTS * (2u << 20))
		return test_error("no mirror for %u bytes", n);
	long rc = one_entry_multicall(__HYPERVISOR_console_io, CONSOLEIO_write, n, va, 0);
	check_rc("MC-4", "a multicall entry of a huge console write", rc, 0);
}

static void pinpairs(uint32_t pairs)
{
	static struct mmuext_op ops[2 * 512];
	static struct pt_frame l1s[512];
	struct pt_frame l2;
	uint32_t n = 0, done = 0;

	if (pairs > 512)
		return test_error("at most 512 pairs");
	/* Every L1 maps the first one's frame 512 times. */
	if (!pt_alloc_frame(&l2))
		return;
	while (n < 512 && pt_alloc_frame(&l1s[n]))
		n++;
	if (n < 16)
		return test_error("only %u frames to spare for L1s", n);
	uint32_t target = l1s[0].mfn;
	for (uint32_t i = 0; i < n; i++) {
		for (unsigned e = 0; e < 512; e++)
			pt_set(&l1s[i], e, PT_ENTRY(target, PT_RO));
		pt_set(&l2, i, PT_ENTRY(l1s[i].mfn, PT_TABLE));
	}
	for (uint32_t i = 0; i < n; i++)
		if (!pt_table(&l1s[i]))
			return;
	if (!pt_table(&l2))
		return;
	for (uint32_t i = 0; i < pairs; i++) {
		ops[2 * i] = (struct mmuext_op){ .cmd = MMUEXT_PIN_L2_TABLE, .arg1.mfn = l2.mfn };
		ops[2 * i + 1] = (struct mmuext_op){ .cmd = MMUEXT_UNPIN_TABLE, .arg1.mfn = l2.mfn };
	}
	printk("%u pin/unpin pairs of an L2 over %u full L1s (%u entries each time)\n", pairs, n,
	       n * 512);
	long rc = hypercall_mmuext_op(ops, 2 * pairs, &done, DOMID_SELF);
	check_rc("HCALL-4", "one mmuext_op of pin/unpin pairs", rc, 0);
	check_eq("HCALL-4", "requests done", done, 2 * pairs);
	/* Everything was let go: the L1s can be written again. */
	check_rc("HCALL-4", "an L1 of the tree mapped writable afterwards", pt_remap_rw(&l1s[n - 1]), 0);
}

static long reserve(uint32_t cmd, xen_pfn_t *frames, uint32_t n)
{
	struct xen_memory_reservation r = { .nr_extents = n, .domid = DOMID_SELF };

	set_xen_guest_handle(r.extent_start, frames);
	return hypercall_memory_op(cmd, &r);
}

static void reservation(uint32_t rounds)
{
	static xen_pfn_t frames[256];
	uint32_t nr = start_info->nr_pages, ok = 0;
	const xen_pfn_t *p2m = (const xen_pfn_t *)start_info->mfn_list;

	if (nr < pt_region_pages() + 256)
		return test_error("no 256 frames outside the initial region");
	for (unsigned i = 0; i < 256; i++)
		frames[i] = p2m[nr - 256 + i];
	for (uint32_t r = 0; r < rounds; r++) {
		if (reserve(XENMEM_decrease_reservation, frames, 256) != 256 ||
		    reserve(XENMEM_increase_reservation, frames, 256) != 256)
			break;
		ok++;
	}
	check_eq("HCALL-4", "rounds of 256 frames given back and taken again", ok, rounds);
}

/* The neighbour measures its wake-ups: attack once it is asleep. */
static void let_the_neighbour_settle(void)
{
	uint64_t until = system_time_ns(NULL) + 300000000ull;

	while (system_time_ns(NULL) < until)
		hypercall_sched_op(SCHEDOP_yield, NULL);
}

void test_main(void)
{
	uint32_t n = number_arg();

	let_the_neighbour_settle();

	if (is("mc-mmuext"))
		mc_mmuext(n);
	else if (is("mc-console"))
		mc_console(n);
	else if (is("pinpairs"))
		pinpairs(n);
	else if (is("reservation"))
		reservation(n);
	else
		return test_error("unknown attack '%s'", start_info->cmd_line);
	test_success();
}
