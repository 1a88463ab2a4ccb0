/* Benchmark: grant tables, each figure beside what it replaces.
 *
 *   map_unmap          map one granted page (GNTMAP_host_map) and unmap it;
 *                      floor: a null hypercall
 *   copy_4k            GNTTABOP_copy of 4 KiB from a grant into an own frame;
 *                      floor: memcpy of 4 KiB in the guest
 *   transfer_bN        GNTTABOP_transfer of N pages in one call, per page
 *                      (page flipping: ownership moves, no bytes do);
 *                      floor: copy_bN, GNTTABOP_copy of the same N pages in
 *                      one call, per page
 *
 * The guest grants to and transfers to itself (it is domain 0): the
 * hypervisor's work is the same as between two domains. Each figure is the
 * median over REPS runs, in TSC cycles, printed as "BENCH {json}". */
#include "guest.h"
#include "gnttab.h"
#include "pagetable.h"
#include "systime.h"

#define REPS 7
#define ITER 200
#define MAX_BATCH 64

const char test_title[] = "grant table costs: map, copy, transfer";

static volatile struct grant_entry_v1 *gt;
static struct pt_frame src, host, pages;
static uint8_t buf[4096] __attribute__((aligned(4096)));

/* Cycles per page of body(n), which handles n pages per call. */
static uint32_t measure(void (*body)(unsigned), unsigned n, unsigned iter)
{
	uint32_t v[REPS];

	body(n);
	for (unsigned r = 0; r < REPS; r++) {
		uint64_t t0 = rdtsc();
		for (unsigned i = 0; i < iter; i++)
			body(n);
		v[r] = (uint32_t)((rdtsc() - t0) / ((uint64_t)iter * n));
	}
	return median_u32(v, REPS);
}

static void null_hypercall(unsigned n)
{
	(void)n;
	hypercall_xen_version(XENVER_version, NULL);
}

static void map_unmap(unsigned n)
{
	uint32_t h = 0;

	(void)n;
	if (gnt_map(host.va, GNTMAP_host_map, 8, GNT_SELF_ID, &h) != GNTST_okay ||
	    gnt_unmap(host.va, 0, h) != GNTST_okay)
		test_failure("map or unmap failed");
}

static void copy_pages(unsigned n)
{
	static struct gnttab_copy ops[MAX_BATCH];

	for (unsigned i = 0; i < n; i++)
		ops[i] = (struct gnttab_copy){
			.source = { .ref_or_gmfn = 8, .domid = GNT_SELF_ID },
			.dest = { .ref_or_gmfn = pt_pfn_to_mfn(pages.pfn + i), .domid = DOMID_SELF },
			.len = 4096, .flags = GNTCOPY_source_gref,
		};
	long rc = gnt_op(GNTTABOP_copy, ops, n);
	for (unsigned i = 0; i < n; i++)
		if (rc != 0 || ops[i].status != GNTST_okay) {
			test_failure("copy %u of %u: rc %d, status %d", i, n, (int)rc, ops[i].status);
			break;
		}
}

static void guest_memcpy(unsigned n)
{
	(void)n;
	memcpy(buf, (const void *)src.va, sizeof(buf));
	asm volatile("" ::: "memory");
}

/* The pages go to the guest itself: each entry offered again first. */
static void transfer_pages(unsigned n)
{
	static struct gnttab_transfer ops[MAX_BATCH];

	for (unsigned i = 0; i < n; i++) {
		gnt_grant(100 + i, GNT_SELF_ID, pages.pfn + i, GTF_accept_transfer);
		ops[i] = (struct gnttab_transfer){
			.mfn = pt_pfn_to_mfn(pages.pfn + i), .domid = GNT_SELF_ID, .ref = 100 + i,
		};
	}
	long rc = gnt_op(GNTTABOP_transfer, ops, n);
	if (rc != 0 || ops[0].status != GNTST_okay || ops[n - 1].status != GNTST_okay)
		test_failure("transfer of %u failed: %ld, %d, %d", n, rc, ops[0].status,
			     ops[n - 1].status);
}

static void report(const char *metric, uint32_t value, uint32_t floor)
{
	printk("BENCH {\"metric\": \"%s\", \"value\": %u, \"unit\": \"cycles\", \"floor\": %u}\n",
	       metric, value, floor);
}

void test_main(void)
{
	gt = gnt_setup(1);
	if (!gt || !pt_alloc_frame(&src) || !pt_alloc_frame(&host) ||
	    !pt_alloc_frames(&pages, MAX_BATCH))
		return;
	gnt_grant(8, GNT_SELF_ID, src.mfn, GTF_permit_access);
	/* The pages to flip: nothing but their allocation left on them. */
	for (unsigned i = 0; i < MAX_BATCH; i++)
		if (pt_unmap(pages.va + i * PAGE_SIZE) != 0)
			return;
	report("map_unmap", measure(map_unmap, 1, ITER), measure(null_hypercall, 1, ITER));
	report("copy_4k", measure(copy_pages, 1, ITER), measure(guest_memcpy, 1, ITER));
	static const unsigned batches[] = { 1, 16, 64 };
	for (unsigned b = 0; b < 3; b++) {
		unsigned n = batches[b], iter = ITER / n + 4;
		char name[24];
		uint32_t copy = measure(copy_pages, n, iter);
		format(name, sizeof(name), "transfer_b%u", n);
		report(name, measure(transfer_pages, n, iter), copy);
	}
	test_success();
}
