/* The page-type system (hv/arch/x86/pv/pagetype.c) under random operations,
 * shared by the unit test test_pagetype_fuzz.c (a fixed pseudo-random
 * stream) and the libFuzzer target test/fuzz/host/fuzz_pagetype.c (the
 * fuzzer's bytes).
 *
 * A pool of the domain's frames in four roles (would-be L3s, L2s, L1s and
 * data) takes random pins, unpins, entry updates, plain writes (as
 * mmu_update does them, through a writable type) and give-backs, some of
 * them inside a small hypercall budget, and grant mappings: another
 * domain's frame written into an L1 in use with pt_write_taken(), its
 * references taken in the other domain's name as hv/grant/ does. Budgeted
 * operations go in slices, are asked
 * again until they are done or (pins) given up half-way, and what they let
 * go of is taken apart before the next operation, as the next hypercall
 * does. After each step the audit recounts every reference from scratch:
 * the allocation, the pins, the half validations, and each present entry of
 * each table in use; then every count, type count and type must be what the
 * references say, and no table in use may hold an entry it should have
 * refused. Include after pagetype_check.h, once. */
#ifndef PAGETYPE_OPS_H
#define PAGETYPE_OPS_H

#include <stdarg.h>
#include "fakemem.h"
#include "pagetype_check.h"
#include "arch/x86/pv/descriptor.h"
#include "hypercall/budget.h"

/* The source of every random choice. */
static uint64_t (*ops_rand)(void);

#define POOL 30
static uint32_t pool[POOL];
static uint32_t pins[512];
static enum frame_type pin_types[512];
static unsigned nr_pins;
static uint32_t foreign_frame;
/* The other domain's frames that grant mappings map. */
#define GRANTED 3
static uint32_t granted[GRANTED];

static const pte_t audit_l1_bits = ADDR_BITS | 0xfff | PTE_NX;
static const pte_t audit_l2_bits = ADDR_BITS | 0xe7f | PTE_NX;   /* no PS, G */
static const pte_t audit_l3_bits = PDPTE_BITS;

static unsigned role(uint32_t mfn)
{
	for (unsigned i = 0; i < POOL; i++)
		if (pool[i] == mfn)
			return i < 4 ? 0 : i < 12 ? 1 : i < 22 ? 2 : 3;
	return 3;
}

/* Anything at all, as an entry. */
static pte_t chaos_entry(uint64_t r)
{
	uint64_t target;
	pte_t flags;

	switch ((r >> 8) % 4) {
	case 0: target = foreign_frame; break;
	case 1: target = (r >> 10) & 1 ? FAKE_FRAMES + (r >> 11) % 100 : FAKE_HOLE_START; break;
	default: target = pool[(r >> 12) % POOL]; break;
	}
	switch ((r >> 20) % 8) {
	case 0: flags = PTE_P; break;
	case 1: flags = L2_E; break;
	case 2: flags = L1_RO; break;
	case 3: flags = L1_RW; break;
	case 4: flags = PTE_P | PTE_PWT | PTE_PCD | 0x200; break;
	case 5: flags = L1_RW | PTE_D | PTE_G | PTE_NX; break;
	case 6: flags = PTE_P | 1ull << (44 + (r >> 24) % 20); break;
	default: flags = PTE_P | PTE_PS | PTE_RW; break;
	}
	return PTE(target, flags);
}

/* An entry for slot idx of a table of the given role: mostly what such a
 * table holds (L3s: slots 0-2 on pool[4..7], slot 3 on pool[8..11]; L2s on
 * the L1s; L1s writable on data, read-only on anything), one in eight not
 * present, one in sixteen anything at all. */
static pte_t random_entry(unsigned r_role, unsigned idx)
{
	uint64_t r = ops_rand();

	if (r % 16 == 0)
		return 0;
	if (r % 16 == 1)
		return (r >> 4) & ~PTE_P;                /* not present: any bits */
	if (r % 16 == 2)
		return chaos_entry(r >> 4);
	switch (r_role) {
	case 0:
		return PTE(idx == 3 ? pool[8 + (r >> 8) % 4] : pool[4 + (r >> 8) % 4], L3_E);
	case 1:
		return PTE(pool[12 + (r >> 8) % 10], L2_E);
	default:
		if ((r >> 8) & 1)
			return PTE(pool[22 + (r >> 9) % 8], L1_RW);
		return PTE(pool[(r >> 9) % POOL], L1_RO);
	}
}

static unsigned random_index(uint64_t r)
{
	static const unsigned picks[] = { 0, 1, 2, 3, 3, 4, 5, 427, 428, 511 };
	return r % 3 ? picks[(r >> 8) % 10] : (unsigned)((r >> 16) % 512);
}

static int audit_errors;

__attribute__((format(printf, 1, 2)))
static void audit_error(const char *fmt, ...)
{
	va_list ap;

	if (audit_errors++ < 8) {
		printf("#   audit: ");
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		printf("\n");
	}
}

static void require_type(int *need, uint32_t mfn, enum frame_type t, const char *by)
{
	if (need[mfn] >= 0 && need[mfn] != (int)t)
		audit_error("frame %u is needed as %s and as %s (%s)", mfn,
			    frame_type_name(need[mfn]), frame_type_name(t), by);
	need[mfn] = (int)t;
}

static void audit(void)
{
	uint32_t count[FAKE_FRAMES] = { 0 }, tcount[FAKE_FRAMES] = { 0 };
	int need[FAKE_FRAMES];

	for (uint32_t m = 0; m < FAKE_FRAMES; m++) {
		const struct frame *f = &frame_table.f[m];
		need[m] = -1;
		if ((f->owner == dom.domid || f->owner == other.domid) &&
		    (f->flags & FRAME_ALLOCATED))
			count[m] = 1;
	}
	/* A half-validated table keeps a reference and its type for itself. */
	for (uint32_t m = 0; m < FAKE_FRAMES; m++) {
		if (frame_table.f[m].type_info & FT_PARTIAL) {
			count[m]++;
			tcount[m]++;
			require_type(need, m, frame_type(&frame_table.f[m]), "a half validation");
		}
		if (frame_table.f[m].type_info & FT_QUEUED)
			audit_error("frame %u is still queued to be taken apart", m);
	}
	for (unsigned i = 0; i < nr_pins; i++) {
		count[pins[i]]++;
		tcount[pins[i]]++;
		require_type(need, pins[i], pin_types[i], "a pin");
	}
	for (uint32_t m = 0; m < FAKE_FRAMES; m++) {
		const struct frame *f = &frame_table.f[m];
		enum frame_type t = frame_type(f);
		if (t < FT_L1 || t > FT_L3 || !(f->type_info & FT_COUNT_MASK))
			continue;
		bool partial = f->type_info & FT_PARTIAL;
		if (!(f->type_info & FT_VALIDATED) && !partial)
			audit_error("table %u is in use but not validated", m);
		unsigned n = t == FT_L3 ? 4 : t == FT_L2_HV ? HOLE_FIRST_L2_SLOT : 512;
		if (partial)
			n = f->next;          /* the entries checked so far */
		pte_t allowed = t == FT_L1 ? audit_l1_bits
					   : t == FT_L3 ? audit_l3_bits : audit_l2_bits;
		if (partial && t == FT_L3)
			allowed |= L3_STRIPPED;  /* stripped once all are checked */
		for (unsigned i = 0; i < n; i++) {
			pte_t e = fake_page(m)[i];
			if (!(e & PTE_P)) {
				if (t == FT_L3 && i == 3)
					audit_error("L3 %u has no slot 3", m);
				continue;
			}
			if (e & ~allowed)
				audit_error("%s %u entry %u is 0x%016llx", frame_type_name(t), m, i,
					    (unsigned long long)e);
			uint64_t target = (e & PTE_ADDR) >> PAGE_SHIFT;
			/* Only a grant mapping, in an L1, maps the other's frame. */
			bool granted_frame = t == FT_L1 && target < FAKE_FRAMES &&
					     frame_table.f[target].owner == other.domid;
			if (target >= FAKE_FRAMES ||
			    (frame_table.f[target].owner != dom.domid && !granted_frame) ||
			    (frame_table.f[target].flags & (FRAME_FREE | FRAME_RAM)) != FRAME_RAM) {
				audit_error("%s %u entry %u maps frame 0x%llx, not the domain's",
					    frame_type_name(t), m, i, (unsigned long long)target);
				continue;
			}
			count[target]++;
			if (t == FT_L1) {
				if (e & PTE_RW) {
					tcount[target]++;
					require_type(need, (uint32_t)target, FT_WRITABLE,
						     "a writable mapping");
				}
			} else {
				tcount[target]++;
				enum frame_type want = t != FT_L3 ? FT_L1
						     : i == 3 ? FT_L2_HV : FT_L2;
				require_type(need, (uint32_t)target, want, "a table entry");
			}
		}
		if (t == FT_L2_HV && !partial)
			for (unsigned i = HOLE_FIRST_L2_SLOT; i < 512; i++)
				if (fake_page(m)[i] != fake_hv_slot(i))
					audit_error("L2_HV %u slot %u is not the hypervisor's",
						    m, i);
	}
	for (uint32_t m = 0; m < FAKE_FRAMES; m++) {
		const struct frame *f = &frame_table.f[m];
		if (f->owner != dom.domid && f->owner != other.domid)
			continue;
		uint32_t tc = f->type_info & FT_COUNT_MASK;
		if (f->count != count[m] || tc != tcount[m])
			audit_error("frame %u: count %u, type count %u; the references say "
				    "%u and %u", m, f->count, tc, count[m], tcount[m]);
		if (tcount[m] && need[m] != (int)frame_type(f))
			audit_error("frame %u is a %s, its references need a %s", m,
				    frame_type_name(frame_type(f)), frame_type_name(need[m]));
		if (frame_type(f) == FT_SEG_DESC && tc) {
			const uint32_t *w = (const uint32_t *)fake_page(m);
			for (unsigned i = 0; i < 1024; i += 2) {
				uint32_t hi = w[i + 1];
				if (!check_descriptor(w[i], &hi) || hi != w[i + 1])
					audit_error("descriptor page %u holds %08x:%08x", m,
						    w[i + 1], w[i]);
			}
		}
	}
	if (fake_mapped)
		audit_error("%d mapping(s) left", fake_mapped);
}


struct ops_stats {
	unsigned pinned_ok, updated_ok, released, l3_pins;
	unsigned slices;          /* turns that ended in -XEN_ERESTART */
	unsigned given_up;        /* half validations left for someone else */
	unsigned grant_maps;      /* grant mappings written */
};
static struct ops_stats *stats;

/* Budgets small enough to slice a table of a few hundred entries. */
static uint32_t slice_budget(uint64_t r)
{
	return 1 + (uint32_t)((r >> 52) % 300);
}

/* What the next hypercall does first: take apart whatever was let go of. */
static void drain_queue(void)
{
	for (unsigned turns = 0; dom.devalidate_nr; turns++) {
		if (turns > 100000) {
			audit_error("the queue of tables to take apart never empties");
			return;
		}
		budget_start_at(1 + turns % 97);
		(void)pt_devalidate_queued(&dom);
		budget_stop();
	}
}

/* get_page_and_type as a hypercall makes it: inside a budget (bit 63 of r
 * says), asked again until it is done, or (bit 62) given up half-way as a
 * guest may. */
static int sliced_get(uint32_t m, enum frame_type t, uint64_t r)
{
	if (!(r >> 63))
		return GET(m, t);
	int rc;
	unsigned turns = 0;
	do {
		budget_start_at(slice_budget(r) + turns);
		rc = GET(m, t);
		budget_stop();
		drain_queue();
		stats->slices += rc == -XEN_ERESTART;
	} while (rc == -XEN_ERESTART && !((r >> 62) & 1) && ++turns < 100000);
	stats->given_up += rc == -XEN_ERESTART;
	return rc == -XEN_ERESTART ? -XEN_EAGAIN : rc;
}

static int sliced_update(uint32_t m, unsigned idx, pte_t val, bool ad, uint64_t r)
{
	int rc;
	unsigned turns = 0;
	do {
		if (r >> 63)
			budget_start_at(slice_budget(r) + turns);
		rc = settled(pt_update_entry(m, idx, val, &dom, ad), "pt_update_entry", __FILE__,
			     __LINE__);
		budget_stop();
		drain_queue();
		stats->slices += rc == -XEN_ERESTART;
	} while (rc == -XEN_ERESTART && ++turns < 100000);
	return rc;
}

static void sliced_put(uint32_t m, uint64_t r)
{
	if (r >> 63)
		budget_start_at(slice_budget(r));
	PUT(m);
	budget_stop();
	drain_queue();
}

/* A fresh machine with the pool's tables filled at random. */
static void ops_setup(void)
{
	fake_setup();
	nr_pins = 0;
	dom.devalidate_nr = 0;
	foreign_frame = fake_alloc(&other);
	for (unsigned i = 0; i < GRANTED; i++)
		granted[i] = fake_alloc(&other);
	for (unsigned i = 0; i < POOL; i++)
		pool[i] = fake_alloc(&dom);
	for (unsigned i = 0; i < 22; i++) {
		unsigned entries = i < 4 ? 4 : (unsigned)(ops_rand() % 6);
		for (unsigned k = 0; k < entries; k++) {
			unsigned idx = i < 4 ? k : random_index(ops_rand());
			fake_page(pool[i])[idx] = random_entry(role(pool[i]), idx);
		}
	}
}


/* A grant mapping of one of the other domain's frames into an L1 in use,
 * as map_grant_ref makes it: the references first, then the entry. */
static void grant_map(uint64_t r)
{
	uint32_t l1s[POOL];
	unsigned n = 0;

	for (unsigned i = 0; i < POOL; i++) {
		const struct frame *f = &frame_table.f[pool[i]];
		if (frame_type(f) == FT_L1 && (f->type_info & FT_COUNT_MASK) &&
		    !(f->type_info & FT_PARTIAL))
			l1s[n++] = pool[i];
	}
	if (!n)
		return;
	uint32_t g = granted[(r >> 12) % GRANTED], l1 = l1s[(r >> 16) % n];
	bool rw = (r >> 20) & 1;
	if (rw ? get_page_and_type(g, &other, FT_WRITABLE) < 0 : !get_page(g, &other))
		return;
	if (pt_write_taken(l1, random_index(ops_rand()), PTE(g, rw ? L1_RW : L1_RO)) == 0) {
		stats->grant_maps++;
	} else {
		audit_error("pt_write_taken refused L1 %u", l1);
		if (rw)
			put_page_and_type(g);
		else
			put_page(g);
	}
}

/* One random operation, then the audit. */
static void ops_step(uint64_t r, struct ops_stats *s)
{
	stats = s;
	uint32_t m = pool[(r >> 8) % POOL];
	unsigned what = r % 16;

	if (what < 3 && nr_pins < 512) {
		if ((r >> 60) & 1)
			m = pool[(r >> 61) % 4];     /* the would-be L3s */
		static const enum frame_type by_role[4][2] = {
			{ FT_L3, FT_L3 }, { FT_L2, FT_L2_HV }, { FT_L1, FT_L1 },
			{ FT_WRITABLE, FT_SEG_DESC } };
		enum frame_type t = (enum frame_type)(1 + (r >> 44) % 6);
		if ((r >> 40) % 4)
			t = by_role[role(m)][(r >> 44) & 1];
		if (sliced_get(m, t, r) == 0) {
			pins[nr_pins] = m;
			pin_types[nr_pins++] = t;
			s->pinned_ok++;
			s->l3_pins += t == FT_L3;
		}
	} else if (what < 5 && nr_pins) {
		unsigned i = (unsigned)((r >> 32) % nr_pins);
		sliced_put(pins[i], r);
		pins[i] = pins[--nr_pins];
		pin_types[i] = pin_types[nr_pins];
	} else if (what < 11) {
		/* Mostly on a table in use; mmu_update holds a reference
		 * to the table while it writes. */
		uint32_t in_use[POOL];
		unsigned nr_in_use = 0;
		for (unsigned i = 0; i < POOL; i++) {
			const struct frame *f = &frame_table.f[pool[i]];
			if (frame_type(f) >= FT_L1 && frame_type(f) <= FT_L3 &&
			    (f->type_info & FT_COUNT_MASK))
				in_use[nr_in_use++] = pool[i];
		}
		if (nr_in_use && (r >> 36) % 8)
			m = in_use[(r >> 40) % nr_in_use];
		if (get_page(m, &dom)) {
			unsigned idx = random_index(ops_rand());
			pte_t val = random_entry(role(m), idx);
			bool ad = (r >> 50) & 1;
			int rc = sliced_update(m, idx, val, ad, r);
			if (rc > 0)
				audit_error("pt_update_entry returned %d", rc);
			s->updated_ok += rc == 0;
			put_page(m);
		}
	} else if (what < 15 && (r >> 57) % 4 == 0) {
		grant_map(r);
	} else if (what < 15) {
		/* A plain write, as mmu_update makes to a frame no table uses. */
		if (sliced_get(m, FT_WRITABLE, r | 1ull << 62) == 0) {
			unsigned idx = random_index(ops_rand());
			fake_page(m)[idx] = random_entry(role(m), idx);
			sliced_put(m, r);
		}
	} else if ((r >> 56) % 32 == 0 && frame_table.f[m].owner == dom.domid &&
		   (frame_table.f[m].flags & FRAME_ALLOCATED)) {
		give_back(m);
	}
	audit();
}

/* Every pin let go, every half validation finished (someone asks for the
 * type and lets it go): nothing refers to anything, so given-back frames
 * are free and the rest hold their allocation alone. */
static void ops_finish(struct ops_stats *s)
{
	while (nr_pins)
		PUT(pins[--nr_pins]);
	for (unsigned i = 0; i < POOL; i++) {
		const struct frame *f = &frame_table.f[pool[i]];
		/* The rest of its entries may be refused: then it is no table. */
		if ((f->type_info & FT_PARTIAL) && GET(pool[i], frame_type(f)) == 0)
			PUT(pool[i]);
		if (f->type_info & FT_PARTIAL)
			audit_error("half-validated frame %u cannot be finished", pool[i]);
	}
	audit();
	for (unsigned i = 0; i < GRANTED; i++) {
		const struct frame *f = &frame_table.f[granted[i]];
		if (f->count != 1 || (f->type_info & FT_COUNT_MASK))
			audit_error("granted frame %u left with count %u, type_info 0x%x",
				    granted[i], f->count, f->type_info);
	}
	for (unsigned i = 0; i < POOL; i++) {
		const struct frame *f = &frame_table.f[pool[i]];
		if (f->flags & FRAME_FREE) {
			s->released++;
			continue;
		}
		if (f->count != 1 || (f->type_info & FT_COUNT_MASK) ||
		    !(f->flags & FRAME_ALLOCATED))
			audit_error("frame %u left with count %u, type_info 0x%x, "
				    "flags 0x%x", pool[i], f->count, f->type_info,
				    f->flags);
	}
}

#endif
