/* What the page-type tests share: a domain and a foreign one, entry
 * shorthands, operations that check no mapping is left behind, checks of a
 * frame's counts and of a whole machine against a snapshot, and a small
 * valid tree. Include after fakehv.h, in one file of a test program. */
#ifndef PAGETYPE_CHECK_H
#define PAGETYPE_CHECK_H

#include <limits.h>
#include <stdbool.h>

#include "unit.h"
#include "fakehv.h"
#include "arch/x86/pv/pagetype.h"
#include "pvabi/errno.h"

static struct domain dom = { .domid = 1 }, other = { .domid = 2 };

__attribute__((constructor)) static void register_domains(void)
{
	fake_domains[0] = &dom;
	fake_domains[1] = &other;
}

#define PTE(mfn, flags) (((pte_t)(mfn) << PAGE_SHIFT) | (pte_t)(flags))
#define L1_RW   (PTE_P | PTE_RW | PTE_US)
#define L1_RO   (PTE_P | PTE_US)
#define L2_E    (PTE_P | PTE_RW | PTE_US | PTE_A)
#define L3_E    PTE_P
#define REFUSED INT_MIN        /* for CHECK_RC: any negative error number */
#define DENIED  (-XEN_EPERM)

/* ---- checking helpers ---- */

/* Every operation releases every mapping it made. */
static inline int settled(int rc, const char *what, const char *file, int line)
{
	if (fake_mapped != 0) {
		printf("#   %s:%d: %s left %d frame(s) mapped\n", file, line, what,
		       fake_mapped);
		unit_failed_checks++;
		fake_mapped = 0;
	}
	return rc;
}

#define GET(mfn, t) \
	settled(get_page_and_type((mfn), &dom, (t)), "get_page_and_type", __FILE__, __LINE__)
#define PUT(mfn) \
	((void)settled((put_page_and_type(mfn), 0), "put_page_and_type", __FILE__, __LINE__))
#define UPDATE(mfn, idx, val) settled(pt_update_entry((mfn), (idx), (val), &dom, false), \
				      "pt_update_entry", __FILE__, __LINE__)
#define UPDATE_AD(mfn, idx, val) settled(pt_update_entry((mfn), (idx), (val), &dom, true), \
					 "pt_update_entry", __FILE__, __LINE__)

/* A return code, with a word on the case when it is wrong. REFUSED stands
 * for any negative error: which one is the guest ABI's business (and Xen's
 * numbering), what a unit test of the type system checks is that the
 * operation was refused and changed nothing. */
#define CHECK_RC(rc, want, what) check_rc((rc), (want), (what), __FILE__, __LINE__)
static inline void check_rc(int rc, int want, const char *what, const char *file, int line)
{
	if (want == REFUSED ? rc >= 0 : rc != want) {
		printf("#   %s:%d: %s: returned %d, expected %s%d\n", file, line, what, rc,
		       want == REFUSED ? "an error, not " : "", want == REFUSED ? rc : want);
		unit_failed_checks++;
	}
}

/* A frame's general count, type and type count. */
#define EXPECT(mfn, count, type, tcount) \
	expect((mfn), (count), (type), (tcount), __FILE__, __LINE__)
static inline void expect(uint32_t mfn, uint32_t count, enum frame_type t, uint32_t tcount,
			  const char *file, int line)
{
	const struct frame *f = &frame_table.f[mfn];
	uint32_t tc = f->type_info & FT_COUNT_MASK;

	if (f->count != count || frame_type(f) != t || tc != tcount) {
		printf("#   %s:%d: frame %u: count %u, %s x%u; expected count %u, %s x%u\n",
		       file, line, mfn, f->count, frame_type_name(frame_type(f)), tc, count,
		       frame_type_name(t), tcount);
		unit_failed_checks++;
	}
}

/* The whole machine before an operation, to compare with afterwards. */
static struct {
	struct frame f[FAKE_FRAMES];
	pte_t page[FAKE_FRAMES][512];
	uint32_t free_head, nr_free;
} before;

static inline void remember(void)
{
	memcpy(before.f, fake_frames, sizeof(before.f));
	for (uint32_t i = 0; i < FAKE_FRAMES; i++)
		memcpy(before.page[i], fake_page(i), PAGE_SIZE);
	before.free_head = frame_table.free_head;
	before.nr_free = frame_table.nr_free;
}

/* Whether a frame is as it was, as far as a refused operation goes. A frame
 * left without type references may come out under another name: remembered
 * as writable (a refused table mapped it writable for a moment) or as
 * nothing (a refused retyping flushed before it looked). */
static inline bool same_state(const struct frame *a, const struct frame *b)
{
	if (a->count != b->count || a->owner != b->owner || a->flags != b->flags ||
	    a->next != b->next)
		return false;
	if (a->type_info == b->type_info)
		return true;
	if ((a->type_info & FT_COUNT_MASK) || (b->type_info & FT_COUNT_MASK) ||
	    (b->type_info & (FT_PINNED | FT_VALIDATED)))
		return false;
	return frame_type(b) == FT_NONE || frame_type(b) == FT_WRITABLE;
}

#define UNCHANGED(what) unchanged(true, (what), __FILE__, __LINE__)
#define COUNTS_UNCHANGED(what) unchanged(false, (what), __FILE__, __LINE__)
static inline void unchanged(bool pages, const char *what, const char *file, int line)
{
	int bad = 0;

	for (uint32_t i = 0; i < FAKE_FRAMES; i++) {
		const struct frame *a = &before.f[i], *b = &fake_frames[i];
		if (!same_state(a, b) && bad++ < 6)
			printf("#   %s:%d: %s: frame %u changed: count %u -> %u, "
			       "type_info 0x%08x -> 0x%08x, owner 0x%x -> 0x%x, "
			       "flags 0x%x -> 0x%x\n", file, line, what, i, a->count, b->count,
			       a->type_info, b->type_info, a->owner, b->owner, a->flags, b->flags);
		if (pages && memcmp(before.page[i], fake_page(i), PAGE_SIZE) != 0 && bad++ < 6)
			printf("#   %s:%d: %s: the contents of frame %u changed\n", file, line,
			       what, i);
	}
	if (frame_table.free_head != before.free_head || frame_table.nr_free != before.nr_free) {
		printf("#   %s:%d: %s: the free list changed\n", file, line, what);
		bad++;
	}
	if (bad)
		unit_failed_checks++;
}

/* What decrease_reservation does: the domain gives up the allocation
 * reference; mappings keep the frame alive until they go. */
static inline void give_back(uint32_t mfn)
{
	frame_table.f[mfn].flags &= ~FRAME_ALLOCATED;
	put_page(mfn);
}

/* ---- a valid tree ----
 *
 *   L3      slot 0 -> L2, slot 3 -> L2_HV (an available bit), junk beyond the 4 entries
 *   L2      0 -> L1a, 1 not present (junk)
 *   L2_HV   5 -> L1b; hypervisor slots hold junk the guest wrote
 *   L1a     0 d0 writable, 1 d1 read-only, 2 L1b read-only
 *   L1b     3 d0 writable (A, D), 4 d1 read-only NX, 9 not present (junk)  */
struct tree {
	uint32_t l3, l2, hv, l1a, l1b, d0, d1;
};

static inline struct tree build_tree(void)
{
	struct tree t;

	t.l3 = fake_alloc(&dom);
	t.l2 = fake_alloc(&dom);
	t.hv = fake_alloc(&dom);
	t.l1a = fake_alloc(&dom);
	t.l1b = fake_alloc(&dom);
	t.d0 = fake_alloc(&dom);
	t.d1 = fake_alloc(&dom);
	fake_page(t.l3)[0] = PTE(t.l2, L3_E);
	fake_page(t.l3)[3] = PTE(t.hv, L3_E | 0x200);
	for (unsigned i = L3_ENTRIES; i < 512; i++)
		fake_page(t.l3)[i] = 0xdeadbeefcafef00dull;
	fake_page(t.l2)[0] = PTE(t.l1a, L2_E);
	fake_page(t.l2)[1] = 0x7ff0beef00000ffeull;
	fake_page(t.hv)[5] = PTE(t.l1b, L2_E);
	for (unsigned i = HOLE_FIRST_L2_SLOT; i < 512; i++)
		fake_page(t.hv)[i] = PTE(i, L1_RW | PTE_PS) | (1ull << 52);
	fake_page(t.l1a)[0] = PTE(t.d0, L1_RW);
	fake_page(t.l1a)[1] = PTE(t.d1, L1_RO);
	fake_page(t.l1a)[2] = PTE(t.l1b, L1_RO);
	fake_page(t.l1b)[3] = PTE(t.d0, L1_RW | PTE_A | PTE_D);
	fake_page(t.l1b)[4] = PTE(t.d1, L1_RO) | PTE_NX;
	fake_page(t.l1b)[9] = 0xfff0000000000ffeull;
	return t;
}

static inline struct tree pinned_tree(void)
{
	struct tree t = build_tree();

	CHECK_RC(GET(t.l3, FT_L3), 0, "pinning the valid tree");
	return t;
}

/* Bits of an entry: the address a 32-bit frame number can name, and what a
 * PAE PDPTE may hold besides (P, PWT, PCD, the available bits). */
#define ADDR_BITS  0x00000ffffffff000ull
#define PDPTE_BITS (ADDR_BITS | PTE_P | PTE_PWT | PTE_PCD | 0xe00)

#endif
