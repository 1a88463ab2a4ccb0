/* hypercall_numbers: the hypercall page and numbers with no hypercall behind
 * them (pvabi/hypercall.h).
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   HCALL-1  stub N of the hypercall page is "mov $N, %eax; int $0x82; ret"
 *            (b8 N:32 cd 82 c3), for all 128 stubs but __HYPERVISOR_iret's,
 *            which is "push %eax; mov $23, %eax; int $0x82"
 *   HCALL-2  "int $0x82" from ring 1 reaches the hypervisor: it gives the
 *            same answer as the hypercall page (the ring-3 half of the rule,
 *            a #GP, needs user mappings and is not checked here)
 *   HCALL-3  a number with no hypercall behind it returns -XEN_ENOSYS,
 *            whatever its size: through the page for the unused numbers
 *            below 128 (11, 43-47, the unused architecture numbers 50-55,
 *            56-127), and with "int $0x82" for 128 up to 0xffffffff, which
 *            must not raise an exception either
 */
#include "guest.h"

const char test_title[] = "hypercall_numbers: the hypercall page and unknown hypercall numbers";

static void stubs(void)
{
	const uint8_t *page = (const uint8_t *)hypercall_page;
	unsigned bad = 0;
	char what[96];

	for (uint32_t nr = 0; nr < HYPERCALL_PAGE_STUBS; nr++) {
		const uint8_t *s = page + nr * HYPERCALL_STUB_SIZE;
		uint8_t want[8];

		if (nr == __HYPERVISOR_iret) {
			const uint8_t iret[8] = { 0x50, 0xb8, nr, 0, 0, 0, 0xcd, 0x82 };
			memcpy(want, iret, sizeof(want));
		} else {
			const uint8_t call[8] = { 0xb8, nr, 0, 0, 0, 0xcd, 0x82, 0xc3 };
			memcpy(want, call, sizeof(want));
		}
		if (memcmp(s, want, sizeof(want)) != 0) {
			format(what, sizeof(what),
			       "stub %u is %02x %02x %02x %02x %02x %02x %02x %02x", nr, s[0],
			       s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
			expect("HCALL-1", false, "%s, want %02x %02x %02x %02x %02x %02x %02x %02x",
			       what, want[0], want[1], want[2], want[3], want[4], want[5], want[6],
			       want[7]);
			bad++;
		}
	}
	check("HCALL-1", bad == 0, "the %u stubs of the hypercall page are as specified: %u differ",
	      HYPERCALL_PAGE_STUBS, bad);
}

static void int82(void)
{
	static const uint32_t none[5];
	struct exinfo ex;
	char exs[80];
	long via_page = hypercall_xen_version(XENVER_version, NULL);
	long via_int = 0;

	probe_hypercall(__HYPERVISOR_xen_version, none, &via_int, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("HCALL-2", ex.vector == EXINFO_NONE && via_int == via_page,
	      "xen_version(XENVER_version) by int $0x82 = %#lx, by the page %#lx (%s)", via_int,
	      via_page, exs);
}

static bool unused_in_page(uint32_t nr)
{
	return nr == 11 || (nr >= 43 && nr <= 47) || (nr >= 50 && nr < HYPERCALL_PAGE_STUBS);
}

static void unknown_in_page(void)
{
	unsigned tried = 0, bad = 0;
	char what[64];

	for (uint32_t nr = 0; nr < HYPERCALL_PAGE_STUBS; nr++) {
		if (!unused_in_page(nr))
			continue;
		tried++;
		format(what, sizeof(what), "hypercall %u through the page", nr);
		if (!expect_rc("HCALL-3", what, page_hypercall(nr, 0, 0, 0, 0, 0), -XEN_ENOSYS))
			bad++;
	}
	check("HCALL-3", bad == 0, "%u unused numbers below %u return -XEN_ENOSYS (%u do not)",
	      tried, HYPERCALL_PAGE_STUBS, bad);
}

static void unknown_beyond_page(void)
{
	static const uint32_t nrs[] = {
		128, 129, 200, 255, 256, 0x111, 0x1000, 0x10000, 0x7fffffff, 0x80000000,
		0x80000011, 0xfffffffe, 0xffffffff,
	};
	static const uint32_t args[5] = { 0, 0, 0, 0, 0 };
	char what[64], exs[80];

	for (unsigned i = 0; i < sizeof(nrs) / sizeof(nrs[0]); i++) {
		struct exinfo ex;
		long rc = 0;

		format(what, sizeof(what), "hypercall %#x by int $0x82", nrs[i]);
		if (!probe_hypercall(nrs[i], args, &rc, &ex)) {
			exinfo_format(exs, sizeof(exs), &ex);
			check("HCALL-3", false, "%s raised %s", what, exs);
			continue;
		}
		check_rc("HCALL-3", what, rc, -XEN_ENOSYS);
	}
}

void test_main(void)
{
	stubs();
	int82();
	unknown_in_page();
	unknown_beyond_page();
	test_success();
}
