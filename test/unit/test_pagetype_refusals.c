/* The tables a hostile guest builds, refused by the page-type system
 * (hv/arch/x86/pv/pagetype.c) on a fake machine of 64 frames: foreign and
 * bogus frames, reserved bits, superpages, bad PDPTEs, the hypervisor's L2
 * shared or missing, writable mappings of page tables and tables of
 * writable frames, tables that refer to themselves, and failures part-way
 * that must leave every count as it found it. */
#include "unit.h"
#include "fakehv.h"
#include "pagetype_check.h"

#define NR_BAD_KINDS 10
static const char *const bad_kind_name[NR_BAD_KINDS] = {
	"a frame of another domain",
	"a frame of the hypervisor",
	"a hypervisor frame with references",
	"a free frame",
	"a free frame that claims the domain as owner",
	"a frame that is not RAM (owner and count as if it were the domain's)",
	"the first frame beyond the frame table",
	"the last frame below 4 GiB (beyond the table)",
	"the largest 32-bit frame number",
	"a frame of the domain with no reference left",
};

static uint64_t bad_frame(unsigned kind)
{
	uint32_t m;

	switch (kind) {
	case 0:
		return fake_alloc(&other);
	case 1:
		return 2;
	case 2:
		m = frame_alloc(&frame_table, DOMID_XEN);
		frame_table.f[m].count = 1;
		return m;
	case 3:
		return frame_table.free_head;
	case 4:
		m = frame_table.free_head;
		frame_table.f[m].owner = dom.domid;
		frame_table.f[m].count = 1;
		return m;
	case 5:
		m = FAKE_HOLE_START + 1;
		frame_table.f[m].owner = dom.domid;
		frame_table.f[m].count = 1;
		return m;
	case 6:
		return FAKE_FRAMES;
	case 7:
		return 0xfffff;
	case 8:
		return 0xffffffffu;
	default:
		m = fake_alloc(&dom);
		frame_table.f[m].count = 0;
		return m;
	}
}

static void test_l1_entries_refuse_bad_frames(void)
{
	for (unsigned k = 0; k < NR_BAD_KINDS; k++) {
		for (unsigned how = 0; how < 4; how++) {
			fake_setup();
			uint32_t x = fake_alloc(&dom), d = fake_alloc(&dom);
			uint64_t bad = bad_frame(k);      /* after allocating: it may be free */
			pte_t flags = how & 1 ? L1_RW : L1_RO;
			int rc;
			if (how < 2) {
				/* In a table being validated, after a good entry. */
				fake_page(x)[0] = PTE(d, L1_RW);
				fake_page(x)[1] = PTE(bad, flags);
				remember();
				rc = GET(x, FT_L1);
			} else {
				/* Written into a table in use. */
				fake_page(x)[0] = PTE(d, L1_RW);
				CHECK_RC(GET(x, FT_L1), 0, bad_kind_name[k]);
				remember();
				rc = UPDATE(x, 1, PTE(bad, flags));
			}
			if (rc >= 0) {
				printf("#   %s, %s, %s: returned %d\n", bad_kind_name[k],
				       how & 1 ? "writable" : "read-only",
				       how < 2 ? "validated" : "updated", rc);
				unit_failed_checks++;
			}
			UNCHANGED(bad_kind_name[k]);
		}
	}
}

static void test_l2_l3_entries_refuse_bad_frames(void)
{
	for (unsigned k = 0; k < NR_BAD_KINDS; k++) {
		fake_setup();
		uint32_t l2 = fake_alloc(&dom), l1 = fake_alloc(&dom);
		uint32_t l3 = fake_alloc(&dom), hv = fake_alloc(&dom);
		uint64_t bad = bad_frame(k);
		fake_page(l2)[0] = PTE(l1, L2_E);
		fake_page(l2)[1] = PTE(bad, L2_E);
		remember();
		CHECK_RC(GET(l2, FT_L2), REFUSED, bad_kind_name[k]);
		UNCHANGED(bad_kind_name[k]);

		fake_page(l3)[0] = PTE(l2, L3_E);
		fake_page(l2)[1] = 0;
		fake_page(l3)[1] = PTE(bad, L3_E);
		fake_page(l3)[3] = PTE(hv, L3_E);
		remember();
		CHECK_RC(GET(l3, FT_L3), REFUSED, bad_kind_name[k]);
		UNCHANGED(bad_kind_name[k]);
		fake_page(l3)[1] = 0;
		fake_page(l3)[3] = PTE(bad, L3_E);
		remember();
		CHECK_RC(GET(l3, FT_L3), REFUSED, bad_kind_name[k]);
		UNCHANGED(bad_kind_name[k]);
	}
}

/* Frame numbers are 32 bits, but PAE entries have address bits up to 51:
 * an entry naming a frame at or above 2^32 must not be taken for the
 * frame its low 32 bits name. */
static void test_address_bits_beyond_frame_numbers(void)
{
	for (unsigned bit = 44; bit <= 51; bit++) {
		fake_setup();
		uint32_t x = fake_alloc(&dom), d = fake_alloc(&dom);
		fake_page(x)[0] = PTE(d, L1_RO) | (1ull << bit);
		remember();
		CHECK_RC(GET(x, FT_L1), REFUSED, "L1 entry beyond 2^32 frames");
		UNCHANGED("L1 entry beyond 2^32 frames");
	}

	fake_setup();
	struct tree t = build_tree();
	fake_page(t.l2)[0] |= 1ull << 44;
	remember();
	CHECK_RC(GET(t.l3, FT_L3), REFUSED, "L2 entry beyond 2^32 frames");
	UNCHANGED("L2 entry beyond 2^32 frames");
	fake_page(t.l2)[0] &= ~(1ull << 44);
	fake_page(t.l3)[0] |= 1ull << 44;
	remember();
	CHECK_RC(GET(t.l3, FT_L3), REFUSED, "L3 entry beyond 2^32 frames");
	UNCHANGED("L3 entry beyond 2^32 frames");
	fake_page(t.l3)[0] &= ~(1ull << 44);

	/* The same frame's low bits, written over an entry in use: not a
	 * change of flags alone. */
	CHECK_RC(GET(t.l3, FT_L3), 0, "the repaired tree");
	remember();
	CHECK_RC(UPDATE(t.l1a, 1, PTE(t.d1, L1_RO) | (1ull << 44)), REFUSED, "update beyond 2^32");
	CHECK_RC(UPDATE(t.l2, 0, PTE(t.l1a, L2_E) | (1ull << 47)), REFUSED, "update beyond 2^32");
	CHECK_RC(UPDATE(t.l3, 3, PTE(t.hv, L3_E) | (1ull << 51)), REFUSED, "update beyond 2^32");
	UNCHANGED("updates beyond 2^32 frames");
}

/* ---- bits a guest may not set ---- */

static void test_reserved_bits(void)
{
	for (unsigned bit = 52; bit <= 62; bit++) {
		pte_t r = 1ull << bit;

		fake_setup();
		struct tree t = build_tree();
		fake_page(t.l1a)[1] |= r;
		remember();
		CHECK_RC(GET(t.l3, FT_L3), REFUSED, "reserved bit in an L1 entry");
		UNCHANGED("reserved bit in an L1 entry");
		fake_page(t.l1a)[1] &= ~r;

		fake_page(t.hv)[5] |= r;
		remember();
		CHECK_RC(GET(t.l3, FT_L3), REFUSED, "reserved bit in an L2 entry");
		UNCHANGED("reserved bit in an L2 entry");
		fake_page(t.hv)[5] &= ~r;

		for (unsigned slot = 0; slot < 4; slot += 3) {
			fake_page(t.l3)[slot] |= r;
			remember();
			CHECK_RC(GET(t.l3, FT_L3), REFUSED, "reserved bit in an L3 entry");
			UNCHANGED("reserved bit in an L3 entry");
			fake_page(t.l3)[slot] &= ~r;
		}

		/* In use: as a change of flags and as a new frame. */
		CHECK_RC(GET(t.l3, FT_L3), 0, "the tree without reserved bits");
		uint32_t d2 = fake_alloc(&dom), l1c = fake_alloc(&dom);
		remember();
		CHECK_RC(UPDATE(t.l1a, 1, PTE(t.d1, L1_RO) | r), REFUSED,
			 "reserved bit, same frame");
		CHECK_RC(UPDATE(t.l1a, 1, PTE(d2, L1_RO) | r), REFUSED, "reserved bit, new frame");
		CHECK_RC(UPDATE(t.l2, 0, PTE(t.l1a, L2_E) | r), REFUSED, "reserved bit, same L1");
		CHECK_RC(UPDATE(t.l2, 0, PTE(l1c, L2_E) | r), REFUSED, "reserved bit, new L1");
		CHECK_RC(UPDATE(t.l3, 3, PTE(t.hv, L3_E) | r), REFUSED, "reserved bit, same L2");
		UNCHANGED("reserved bits in updates");
	}
}

static void test_nx_bit(void)
{
	fake_setup();
	struct tree t = build_tree();
	fake_page(t.l2)[0] |= PTE_NX;
	CHECK_RC(GET(t.l3, FT_L3), 0, "NX in L1 and L2 entries, on a CPU with NX");
	PUT(t.l3);
	fake_page(t.l3)[0] |= PTE_NX;
	remember();
	CHECK_RC(GET(t.l3, FT_L3), REFUSED, "NX in an L3 entry");
	UNCHANGED("NX in an L3 entry");
	fake_page(t.l3)[0] &= ~PTE_NX;

	/* Without NX, bit 63 is reserved at every level. */
	pte_nx = 0;
	remember();
	CHECK_RC(GET(t.l3, FT_L3), REFUSED, "NX in an L2 entry without NX");
	UNCHANGED("NX in an L2 entry without NX");
	fake_page(t.l2)[0] &= ~PTE_NX;
	remember();
	CHECK_RC(GET(t.l3, FT_L3), REFUSED, "NX in an L1 entry without NX");
	UNCHANGED("NX in an L1 entry without NX");
	fake_page(t.l1b)[4] &= ~PTE_NX;
	CHECK_RC(GET(t.l3, FT_L3), 0, "no NX anywhere, without NX");
	CHECK_RC(UPDATE(t.l1a, 1, PTE(t.d1, L1_RO) | PTE_NX), REFUSED, "setting NX without NX");
}

static void test_l2_superpages_refused(void)
{
	fake_setup();
	struct tree t = build_tree();
	fake_page(t.l2)[0] |= PTE_PS;
	remember();
	CHECK_RC(GET(t.l3, FT_L3), REFUSED, "PSE in an L2 entry");
	UNCHANGED("PSE in an L2 entry");
	fake_page(t.l2)[0] = PTE(0x200, PTE_P | PTE_RW | PTE_US | PTE_PS);   /* 2 MiB at 2 MiB */
	remember();
	CHECK_RC(GET(t.l3, FT_L3), REFUSED, "a 2 MiB superpage");
	UNCHANGED("a 2 MiB superpage");
	fake_page(t.l2)[0] = PTE(t.l1a, L2_E);

	/* Bit 7 of an L1 entry is PAT, not a size. */
	fake_page(t.l1a)[1] |= PTE_PS;
	CHECK_RC(GET(t.l3, FT_L3), 0, "PAT in an L1 entry");
	remember();
	CHECK_RC(UPDATE(t.l2, 0, PTE(t.l1a, L2_E | PTE_PS)), REFUSED, "setting PSE on an L2 entry");
	CHECK_RC(UPDATE(t.hv, 6, PTE(t.l1a, L2_E | PTE_PS)), REFUSED, "a new L2 entry with PSE");
	UNCHANGED("PSE updates");
}

/* L3 entries become the PDPTEs the CPU loads with CR3, where only P, PWT,
 * PCD, the available bits and the address may be set: every other bit is
 * reserved and would fault at the next CR3 load. Whatever a guest writes,
 * an L3 entry is either refused or stored with such bits cleared. */
static void check_pdptes(const struct tree *t, int line)
{
	for (unsigned slot = 0; slot < L3_ENTRIES; slot++) {
		pte_t e = fake_page(t->l3)[slot];
		if ((e & PTE_P) && (e & ~PDPTE_BITS)) {
			printf("#   %s:%d: L3 slot %u holds 0x%016llx, not a valid PDPTE\n",
			       __FILE__, line, slot, (unsigned long long)e);
			unit_failed_checks++;
		}
	}
}

static void test_l3_entries_fit_pdptes(void)
{
	unsigned accepted = 0;

	for (unsigned bit = 1; bit < 64; bit++) {
		if (bit >= PAGE_SHIFT && bit < 44)
			continue;                        /* address bits: another frame */
		for (unsigned slot = 0; slot < 4; slot += 3) {
			fake_setup();
			struct tree t = build_tree();
			uint32_t l2 = slot == 3 ? t.hv : t.l2;
			fake_page(t.l3)[slot] |= 1ull << bit;
			remember();
			int rc = GET(t.l3, FT_L3);
			if (rc < 0) {
				UNCHANGED("a refused L3 bit");
			} else {
				accepted++;
				check_pdptes(&t, __LINE__);
				CHECK_EQ(fake_page(t.l3)[slot] & (ADDR_BITS | PTE_P),
					 PTE(l2, PTE_P));
				EXPECT(l2, 2, slot == 3 ? FT_L2_HV : FT_L2, 1);
			}
			if (bit >= 9 && bit < 12 && rc < 0)
				printf("#   available bit %u refused in L3 slot %u: %d\n", bit,
				       slot, rc);
			CHECK(rc == 0 || bit < 9 || bit >= 12);   /* available bits: the guest's */

			/* The same bit written into the L3 in use, over the same
			 * frame and over another. */
			fake_page(t.l3)[slot] &= ~(1ull << bit);
			if (rc == 0)
				PUT(t.l3);
			CHECK_RC(GET(t.l3, FT_L3), 0, "the tree without the bit");
			uint32_t other_l2 = fake_alloc(&dom);
			for (unsigned same = 0; same < 2; same++) {
				pte_t val = PTE(same ? l2 : other_l2, PTE_P) | 1ull << bit;
				remember();
				rc = UPDATE(t.l3, slot, val);
				if (rc < 0) {
					UNCHANGED("a refused L3 bit, by update");
					continue;
				}
				check_pdptes(&t, __LINE__);
				CHECK_EQ(fake_page(t.l3)[slot] & (ADDR_BITS | PTE_P),
					 val & (ADDR_BITS | PTE_P));
				if (!same) {
					/* back to the first L2, for the next round */
					CHECK_RC(UPDATE(t.l3, slot, PTE(l2, L3_E)), 0,
						 "the first L2 again");
					EXPECT(other_l2, 1, FT_NONE, 0);
				}
			}
			EXPECT(l2, 2, slot == 3 ? FT_L2_HV : FT_L2, 1);
		}
	}
	CHECK(accepted >= 6);                        /* at least the available bits */
}

static void test_l3_slot3_required(void)
{
	fake_setup();
	struct tree t = build_tree();
	fake_page(t.l3)[3] = 0;
	remember();
	CHECK_RC(GET(t.l3, FT_L3), REFUSED, "no slot 3");
	UNCHANGED("no slot 3");
	fake_page(t.l3)[3] = PTE(t.hv, 0);        /* the frame, not present */
	remember();
	CHECK_RC(GET(t.l3, FT_L3), REFUSED, "slot 3 not present");
	UNCHANGED("slot 3 not present");

	fake_page(t.l3)[0] = 0;                    /* slots 0-2 may be empty */
	fake_page(t.l3)[3] = PTE(t.hv, L3_E);
	CHECK_RC(GET(t.l3, FT_L3), 0, "slot 3 alone");
	EXPECT(t.l2, 1, FT_NONE, 0);
	remember();
	CHECK_RC(UPDATE(t.l3, 3, 0), REFUSED, "removing slot 3");
	CHECK_RC(UPDATE(t.l3, 3, PTE(t.hv, 0)), REFUSED, "making slot 3 not present");
	UNCHANGED("slot 3 removals");
}

static void test_l2_hv_never_shared(void)
{
	fake_setup();
	struct tree a = pinned_tree();
	uint32_t b = fake_alloc(&dom), hv2 = fake_alloc(&dom);

	/* Another L3's slot 3 on the first one's L2_HV, or on its L2. */
	fake_page(b)[3] = PTE(a.hv, L3_E);
	remember();
	CHECK_RC(GET(b, FT_L3), REFUSED, "slot 3 on an L2_HV in use");
	UNCHANGED("slot 3 on an L2_HV in use");
	fake_page(b)[3] = PTE(a.l2, L3_E);
	remember();
	CHECK_RC(GET(b, FT_L3), REFUSED, "slot 3 on an L2 in use");
	UNCHANGED("slot 3 on an L2 in use");
	/* The L2_HV as an ordinary L2 of another L3. */
	fake_page(b)[0] = PTE(a.hv, L3_E);
	fake_page(b)[3] = PTE(hv2, L3_E);
	remember();
	CHECK_RC(GET(b, FT_L3), REFUSED, "an L2_HV in use in slot 0");
	UNCHANGED("an L2_HV in use in slot 0");
	/* One L3 naming one L2 in slot 0 and in slot 3. */
	fake_page(b)[0] = PTE(hv2, L3_E);
	remember();
	CHECK_RC(GET(b, FT_L3), REFUSED, "one frame in slots 0 and 3");
	UNCHANGED("one frame in slots 0 and 3");

	/* Ordinary L2s may be shared, within and across L3s. */
	for (unsigned i = 0; i < 3; i++)
		fake_page(b)[i] = PTE(a.l2, L3_E);
	fake_page(b)[3] = PTE(hv2, L3_E);
	CHECK_RC(GET(b, FT_L3), 0, "an L2 shared by four slots of two L3s");
	EXPECT(a.l2, 5, FT_L2, 4);
	EXPECT(hv2, 2, FT_L2_HV, 1);

	remember();
	CHECK_RC(UPDATE(b, 3, PTE(a.hv, L3_E)), REFUSED, "moving slot 3 to an L2_HV in use");
	CHECK_RC(UPDATE(b, 1, PTE(a.hv, L3_E)), REFUSED, "an L2_HV in use as an L2");
	CHECK_RC(UPDATE(b, 2, PTE(hv2, L3_E)), REFUSED, "the L3's own L2_HV in slot 2");
	CHECK_RC(UPDATE(a.l3, 1, PTE(hv2, L3_E)), REFUSED, "another L3's L2_HV");
	UNCHANGED("sharing an L2_HV by update");
}

/* ---- writable mappings and page tables ---- */

static void test_page_tables_never_writable(void)
{
	fake_setup();
	struct tree t = pinned_tree();
	uint32_t y = fake_alloc(&dom);
	uint32_t tables[] = { t.l3, t.l2, t.hv, t.l1a, t.l1b };

	for (unsigned i = 0; i < 5; i++) {
		fake_page(y)[7] = PTE(tables[i], L1_RW);
		remember();
		const char *name = frame_type_name(frame_type(&frame_table.f[tables[i]]));
		CHECK_RC(GET(y, FT_L1), REFUSED, name);
		UNCHANGED("a writable mapping of a page table");
		CHECK_RC(UPDATE(t.l1a, 7, PTE(tables[i], L1_RW)), REFUSED,
			 "mapping a page table writable");
		UNCHANGED("a writable mapping of a page table, by update");

		uint32_t count = frame_table.f[tables[i]].count;
		fake_page(y)[7] = PTE(tables[i], L1_RO);
		CHECK_RC(GET(y, FT_L1), 0, "a read-only mapping of a page table");
		CHECK_EQ(frame_table.f[tables[i]].count, count + 1);
		PUT(y);
		CHECK_EQ(frame_table.f[tables[i]].count, count);
	}
}

static void test_tables_referring_to_themselves(void)
{
	fake_setup();
	uint32_t x = fake_alloc(&dom);

	fake_page(x)[0] = PTE(x, L1_RW);
	remember();
	CHECK_RC(GET(x, FT_L1), REFUSED, "an L1 mapping itself writable");
	UNCHANGED("an L1 mapping itself writable");
	fake_page(x)[0] = PTE(x, L1_RO);
	CHECK_RC(GET(x, FT_L1), 0, "an L1 mapping itself read-only");
	EXPECT(x, 3, FT_L1, 1);
	PUT(x);
	EXPECT(x, 1, FT_NONE, 0);

	fake_page(x)[0] = PTE(x, L2_E);
	remember();
	CHECK_RC(GET(x, FT_L2), REFUSED, "an L2 naming itself as its L1");
	UNCHANGED("an L2 naming itself as its L1");

	uint32_t hv = fake_alloc(&dom);
	fake_page(x)[0] = PTE(x, L3_E);
	fake_page(x)[3] = PTE(hv, L3_E);
	remember();
	CHECK_RC(GET(x, FT_L3), REFUSED, "an L3 naming itself as an L2");
	UNCHANGED("an L3 naming itself as an L2");
	fake_page(x)[0] = 0;
	fake_page(x)[3] = PTE(x, L3_E);
	remember();
	CHECK_RC(GET(x, FT_L3), REFUSED, "an L3 naming itself as its L2_HV");
	UNCHANGED("an L3 naming itself as its L2_HV");
	fake_page(x)[3] = PTE(hv, L3_E);
	fake_page(hv)[0] = PTE(hv, L2_E);
	remember();
	CHECK_RC(GET(x, FT_L3), REFUSED, "an L2_HV naming itself as an L1");
	UNCHANGED("an L2_HV naming itself as an L1");

	/* Leaves mapping their own tree's upper levels writable. */
	fake_setup();
	struct tree t = build_tree();
	uint32_t upper[] = { t.l3, t.l2, t.hv, t.l1b };
	for (unsigned i = 0; i < 4; i++) {
		fake_page(t.l1b)[0] = PTE(upper[i], L1_RW);
		remember();
		CHECK_RC(GET(t.l3, FT_L3), REFUSED, "a leaf mapping its own tree writable");
		UNCHANGED("a leaf mapping its own tree writable");
	}
	fake_page(t.l1b)[0] = PTE(t.l3, L1_RO);
	CHECK_RC(GET(t.l3, FT_L3), 0, "a leaf mapping its own root read-only");
	EXPECT(t.l3, 3, FT_L3, 1);

	remember();
	CHECK_RC(UPDATE(t.l1a, 7, PTE(t.l1a, L1_RW)), REFUSED, "L1 entry: itself writable");
	CHECK_RC(UPDATE(t.l2, 7, PTE(t.l2, L2_E)), REFUSED, "L2 entry: itself");
	CHECK_RC(UPDATE(t.hv, 7, PTE(t.hv, L2_E)), REFUSED, "L2_HV entry: itself");
	CHECK_RC(UPDATE(t.l3, 1, PTE(t.l3, L3_E)), REFUSED, "L3 entry: itself");
	CHECK_RC(UPDATE(t.l3, 3, PTE(t.l3, L3_E)), REFUSED, "L3 slot 3: itself");
	CHECK_RC(UPDATE(t.l1b, 8, PTE(t.l3, L1_RW)), REFUSED, "L1 entry: the root writable");
	UNCHANGED("self-references by update");
	CHECK_RC(UPDATE(t.l1a, 7, PTE(t.l1a, L1_RO)), 0, "L1 entry: itself read-only");
	EXPECT(t.l1a, 3, FT_L1, 1);
}

static void test_writable_frames_never_tables(void)
{
	fake_setup();
	uint32_t a = fake_alloc(&dom), d = fake_alloc(&dom);
	fake_page(a)[0] = PTE(d, L1_RW);
	CHECK_RC(GET(a, FT_L1), 0, "an L1 mapping d writable");
	EXPECT(d, 2, FT_WRITABLE, 1);

	enum frame_type types[] = { FT_L1, FT_L2, FT_L2_HV, FT_L3, FT_SEG_DESC };
	for (unsigned i = 0; i < 5; i++) {
		remember();
		CHECK_RC(GET(d, types[i]), REFUSED, frame_type_name(types[i]));
		UNCHANGED("retyping a frame mapped writable");
	}
	/* A leaf of a new tree on it. */
	uint32_t l2 = fake_alloc(&dom);
	fake_page(l2)[0] = PTE(d, L2_E);
	remember();
	CHECK_RC(GET(l2, FT_L2), REFUSED, "an L2 naming a writable frame as its L1");
	UNCHANGED("an L2 naming a writable frame as its L1");

	/* The other way round: a table, then a writable mapping of it. */
	uint32_t d2 = fake_alloc(&dom), b = fake_alloc(&dom);
	CHECK_RC(GET(d2, FT_L1), 0, "an empty L1");
	fake_page(b)[0] = PTE(d2, L1_RW);
	remember();
	CHECK_RC(GET(b, FT_L1), REFUSED, "an L1 mapping an L1 writable");
	CHECK_RC(UPDATE(a, 1, PTE(d2, L1_RW)), REFUSED, "mapping an L1 writable");
	UNCHANGED("writable mappings of a table");

	uint32_t d3 = fake_alloc(&dom);
	CHECK_RC(GET(d3, FT_SEG_DESC), 0, "an empty descriptor page");
	remember();
	CHECK_RC(UPDATE(a, 2, PTE(d3, L1_RW)), REFUSED, "mapping a descriptor page writable");
	UNCHANGED("a writable mapping of a descriptor page");
	CHECK_RC(UPDATE(a, 2, PTE(d3, L1_RO)), 0, "mapping a descriptor page read-only");
	EXPECT(d3, 3, FT_SEG_DESC, 1);
}

/* fake_pci.c holds a BAR at frames 0xfe000-0xfe003 for every domain, and
 * claims the IOAPIC's frame 0xfec00. Entries inside the BAR are taken
 * (PCD/PWT too) with no count on any frame, and dropped the same way; the
 * frame past the BAR and the IOAPIC's are refused. */
static void test_l1_entries_map_held_bars(void)
{
	const uint32_t held[] = { 0xfe000, 0xfe003 };
	const uint32_t refused[] = { 0xfe004, 0xfdfff, 0xfec00 };

	for (unsigned i = 0; i < 2; i++) {
		fake_setup();
		uint32_t x = fake_alloc(&dom), d = fake_alloc(&dom);
		fake_page(x)[0] = PTE(d, L1_RW);
		fake_page(x)[1] = PTE(held[i], L1_RW | PTE_PCD | PTE_PWT);
		remember();
		CHECK_RC(GET(x, FT_L1), 0, "a table mapping a held BAR");
		CHECK_RC(UPDATE(x, 2, PTE(held[i], L1_RO)), 0, "an entry for a held BAR");
		CHECK_RC(UPDATE(x, 2, 0), 0, "that entry cleared");
		CHECK_RC(UPDATE(x, 1, PTE(d, L1_RO)), 0, "the BAR entry replaced by RAM");
		CHECK_RC(UPDATE(x, 1, PTE(held[i], L1_RW | PTE_PCD | PTE_PWT)), 0, "and back");
		PUT(x);
		UNCHANGED("a held BAR mapped and unmapped");
	}
	for (unsigned i = 0; i < 3; i++) {
		fake_setup();
		uint32_t x = fake_alloc(&dom), d = fake_alloc(&dom);
		fake_page(x)[0] = PTE(d, L1_RW);
		fake_page(x)[1] = PTE(refused[i], L1_RO);
		remember();
		CHECK_RC(GET(x, FT_L1), DENIED, "a table mapping I/O memory not held");
		UNCHANGED("a table mapping I/O memory not held");
		fake_page(x)[1] = 0;
		CHECK_RC(GET(x, FT_L1), 0, "the table without it");
		remember();
		CHECK_RC(UPDATE(x, 1, PTE(refused[i], L1_RW)), DENIED, "I/O memory not held");
		UNCHANGED("an entry for I/O memory not held");
	}
}

UNIT_MAIN(UNIT(test_l1_entries_map_held_bars), UNIT(test_l1_entries_refuse_bad_frames), UNIT(test_l2_l3_entries_refuse_bad_frames),
	  UNIT(test_address_bits_beyond_frame_numbers), UNIT(test_reserved_bits), UNIT(test_nx_bit),
	  UNIT(test_l2_superpages_refused), UNIT(test_l3_entries_fit_pdptes),
	  UNIT(test_l3_slot3_required), UNIT(test_l2_hv_never_shared),
	  UNIT(test_page_tables_never_writable), UNIT(test_tables_referring_to_themselves),
	  UNIT(test_writable_frames_never_tables))
