/* update_descriptor: which descriptors a guest may write, and where.
 *
 * Rules checked (pvabi/ABI.md):
 *   DESC-1  present system descriptors (LDT, TSS, gates) are refused with
 *           -EINVAL; code and data segments of DPL 1-3 are written as
 *           given, a DPL of 0 is raised to 1; a not-present descriptor of
 *           any kind is written as given
 *   DESC-2  a present code or data segment must end below the hole
 *           (0xF5800000) once granularity, expand-down and wrap-around are
 *           taken into account, else -EINVAL
 *   DESC-3  update_descriptor(maddr, desc) writes one checked descriptor at
 *           a machine address in a frame the domain owns and could map
 *           writable (or in one of its descriptor tables, see set_gdt); an
 *           address that is not 8-byte aligned, in a frame the domain does
 *           not own, beyond RAM, or in a page table is -EINVAL
 *
 * Where Xen 4.17 differs (pvabi/ABI.md, DESC-1, DESC-2): a 64-bit
 * hypervisor needs no segment limits to guard its memory, so Xen checks no
 * limit: it takes every segment, and widens one based at 0 that reaches
 * past 0xF5800000 to the full 4 GiB (for old PAE Linux). It also takes
 * call gates (rewritten to DPL 0, emulated on use) and descriptors of
 * system type 0. ringlet, whose hole is guarded by segment limits alone,
 * refuses all of them. Both refuse a segment with the L bit (64-bit code).
 * The test expects each hypervisor's answer and, on Xen, the descriptor Xen
 * writes. */
#include "guest.h"

#include "platform.h"
#include "region.h"

const char test_title[] = "update_descriptor: which descriptors a guest may write, and where";

/* Access byte: P, DPL, S, type. Flags nibble: G, D/B, L, AVL. */
#define ACC(p, dpl, s, type) (((p) << 7) | ((dpl) << 5) | ((s) << 4) | (type))
#define CODE   0xa         /* execute/read */
#define DATA   0x2         /* read/write */
#define DATA_D 0x6         /* read/write, expand-down */
#define F_G    0x8
#define F_DB   0x4
#define F_L    0x2

#define HOLE   0xF5800000u

static uint64_t mkdesc(uint32_t base, uint32_t limit, uint32_t access, uint32_t flags)
{
	uint32_t lo = (limit & 0xffff) | (base << 16);
	uint32_t hi = ((base >> 16) & 0xff) | (access << 8) | (limit & 0xf0000) |
		      (flags << 20) | (base & 0xff000000);
	return ((uint64_t)hi << 32) | lo;
}

static uint64_t with_dpl(uint64_t d, unsigned dpl)
{
	return (d & ~(3ull << 45)) | ((uint64_t)dpl << 45);
}

/* What Xen writes for a present segment: one based at 0 whose limit goes
 * past the hole gets the largest limit. */
static uint64_t xen_widened(uint64_t d)
{
	uint32_t lo = (uint32_t)d, hi = (uint32_t)(d >> 32);
	uint32_t base = (lo >> 16) | ((hi & 0xff) << 16) | (hi & 0xff000000);
	uint64_t limit = ((hi & 0xf0000) | (lo & 0xffff)) + 1ull;

	if (hi & (F_G << 20))
		limit <<= 12;
	if (base == 0 && limit > HOLE) {
		lo |= 0xffff;
		hi |= 0xf0000;
	}
	return ((uint64_t)hi << 32) | lo;
}

static uint64_t page_words[512] __attribute__((aligned(4096)));
static uint64_t ro_words[512] __attribute__((aligned(4096)));

static uint64_t maddr_of(const void *p)
{
	uint32_t va = (uint32_t)(uintptr_t)p;

	return ((uint64_t)region_mfn(va & ~0xfffu) << 12) | (va & 0xfff);
}

static unsigned slot;

/* Writes d into the next slot of page_words; checks the result and, when
 * it is 0, what the slot holds. */
static void try_desc(const char *rule, const char *what, uint64_t d, long want_rc,
		     uint64_t want_written)
{
	unsigned i = 1 + (slot++ % 500);
	uint64_t before = 0x5a5a5a5a5a5a5a5aull;

	page_words[i] = before;
	long rc = hypercall_update_descriptor(maddr_of(&page_words[i]), d);
	uint64_t now = page_words[i];
	if (want_rc != 0 || rc != 0) {
		char w[160];
		format(w, sizeof(w), "%s (%08x %08x)", what, (uint32_t)(d >> 32), (uint32_t)d);
		if (check_rc(rule, w, rc, want_rc) && rc != 0)
			check(rule, now == before, "... and the slot is unchanged (%#llx)",
			      (unsigned long long)now);
		return;
	}
	check(rule, now == want_written, "%s (%08x %08x): 0, written as %08x %08x (want %08x %08x)",
	      what, (uint32_t)(d >> 32), (uint32_t)d, (uint32_t)(now >> 32), (uint32_t)now,
	      (uint32_t)(want_written >> 32), (uint32_t)want_written);
}

static void dpl_and_types(void)
{
	uint64_t code = mkdesc(0, 0xf57ff, ACC(1, 1, 1, CODE), F_G | F_DB);
	uint64_t data = mkdesc(0, 0xf57ff, ACC(1, 3, 1, DATA), F_G | F_DB);

	try_desc("DESC-1", "a flat ring-1 code segment ending at the hole", code, 0, code);
	try_desc("DESC-1", "a flat ring-3 data segment ending at the hole", data, 0, data);
	try_desc("DESC-1", "the code segment with DPL 0: raised to 1", with_dpl(code, 0), 0,
		 with_dpl(code, 1));
	try_desc("DESC-1", "the data segment with DPL 0: raised to 1", with_dpl(data, 0), 0,
		 with_dpl(data, 1));
	try_desc("DESC-1", "the code segment with DPL 2: kept", with_dpl(code, 2), 0,
		 with_dpl(code, 2));
	/* 64-bit code in ring 1 could reach the hypervisor in the upper half:
	 * both refuse the L bit. */
	uint64_t longcode = mkdesc(0, 0xfff, ACC(1, 1, 1, CODE), F_G | F_L);
	try_desc("DESC-1", "a code segment with the L bit (64-bit code)", longcode,
		 -XEN_EINVAL, 0);

	/* System descriptors: every type but 0 and the 32-bit call gate is
	 * refused by both. */
	static const char *const names[16] = {
		"type 0 (reserved)", "a 16-bit TSS", "an LDT", "a busy 16-bit TSS",
		"a 16-bit call gate", "a task gate", "a 16-bit interrupt gate",
		"a 16-bit trap gate", "type 8 (reserved)", "a 32-bit TSS", "type 10 (reserved)",
		"a busy 32-bit TSS", "a 32-bit call gate", "type 13 (reserved)",
		"a 32-bit interrupt gate", "a 32-bit trap gate",
	};
	for (unsigned type = 0; type < 16; type++) {
		char what[64];
		/* For gates: selector FLAT_RING1_CS, offset 0x1000; for the
		 * others a small base and limit. */
		uint64_t d = (type & 4) ?
			(((uint64_t)(ACC(1, 1, 0, type) << 8) << 32) | ((uint32_t)FLAT_RING1_CS << 16) |
			 0x1000) :
			mkdesc(0x10000, 0x100, ACC(1, 1, 0, type), 0);
		format(what, sizeof(what), "%s, present", names[type]);
		if (on_ringlet() || (type != 0 && type != 12)) {
			try_desc("DESC-1", what, d, -XEN_EINVAL, 0);
		} else if (type == 0) {
			/* Xen: "harmless", kept as it is (DPL fixed up). */
			try_desc("DESC-1", what, d, 0, d);
		} else {
			/* Xen: a call gate is kept with DPL 0, its old DPL in
			 * the selector's RPL. */
			uint64_t x = (d & ~(3ull << 45) & ~(3ull << 16)) | (1ull << 16);
			try_desc("DESC-1", what, d, 0, x);
		}
	}

	/* Not present: anything goes, written as it is. */
	try_desc("DESC-1", "a 32-bit TSS, not present",
		 mkdesc(0x10000, 0x67, ACC(0, 0, 0, 9), 0), 0,
		 mkdesc(0x10000, 0x67, ACC(0, 0, 0, 9), 0));
	try_desc("DESC-1", "an interrupt gate with DPL 0, not present",
		 ((uint64_t)(ACC(0, 0, 0, 14) << 8) << 32) | 0xe0081000u, 0,
		 ((uint64_t)(ACC(0, 0, 0, 14) << 8) << 32) | 0xe0081000u);
	try_desc("DESC-1", "a flat 4 GiB data segment with DPL 0, not present",
		 mkdesc(0, 0xfffff, ACC(0, 0, 1, DATA), F_G | F_DB), 0,
		 mkdesc(0, 0xfffff, ACC(0, 0, 1, DATA), F_G | F_DB));
	try_desc("DESC-1", "an all-zero descriptor", 0, 0, 0);
}

/* A present segment: ringlet refuses it when it reaches the hole, Xen
 * takes it (and widens it if based at 0). */
static void limit_case(const char *what, uint64_t d, bool reaches_hole)
{
	if (!reaches_hole)
		try_desc("DESC-2", what, d, 0, on_ringlet() ? d : xen_widened(d));
	else if (on_ringlet())
		try_desc("DESC-2", what, d, -XEN_EINVAL, 0);
	else
		try_desc("DESC-2", what, d, 0, xen_widened(d));
}

static void limits(void)
{
	uint32_t code = ACC(1, 1, 1, CODE), data = ACC(1, 1, 1, DATA);
	uint32_t down = ACC(1, 1, 1, DATA_D);

	limit_case("4 KiB pages, base 0, to 0xF57FFFFF", mkdesc(0, 0xf57ff, data, F_G | F_DB), false);
	limit_case("4 KiB pages, base 0, to 0xF5800FFF", mkdesc(0, 0xf5800, data, F_G | F_DB), true);
	limit_case("4 KiB pages, base 0, all 4 GiB", mkdesc(0, 0xfffff, code, F_G | F_DB), true);
	limit_case("4 KiB pages, base 0x1000, to 0xF57FFFFF",
		   mkdesc(0x1000, 0xf57fe, data, F_G | F_DB), false);
	limit_case("4 KiB pages, base 0x1000, to 0xF5800FFF",
		   mkdesc(0x1000, 0xf57ff, data, F_G | F_DB), true);
	limit_case("bytes, base 0xF5700000, limit 0xFFFFF: to 0xF57FFFFF",
		   mkdesc(0xf5700000, 0xfffff, data, F_DB), false);
	limit_case("bytes, base 0xF5700001, limit 0xFFFFF: to 0xF5800000",
		   mkdesc(0xf5700001, 0xfffff, data, F_DB), true);
	limit_case("bytes, base 0xF5800000 (in the hole), limit 0",
		   mkdesc(0xf5800000, 0, data, F_DB), true);
	limit_case("expand-down, big, base 0, limit 0xFFF: 0x1000 to 4 GiB",
		   mkdesc(0, 0xfff, down, F_DB), true);
	limit_case("expand-down, 16-bit, base 0xF5700000: to 0xF570FFFF",
		   mkdesc(0xf5700000, 0, down, 0), false);
	limit_case("expand-down, 16-bit, base 0xF57F0001: to 0xF5800000",
		   mkdesc(0xf57f0001, 0, down, 0), true);
	limit_case("bytes, base 0xFFFFF000, limit 0x1FFF: wraps past 4 GiB",
		   mkdesc(0xfffff000, 0x1fff, data, F_DB), true);
	limit_case("4 KiB pages, base 0x10000000, all 4 GiB: wraps",
		   mkdesc(0x10000000, 0xfffff, code, F_G | F_DB), true);
}

static void addresses(void)
{
	uint64_t good = mkdesc(0, 0xfff, ACC(1, 1, 1, DATA), F_DB);
	uint64_t m = maddr_of(&page_words[8]);
	char what[96];

	for (unsigned off = 1; off < 8; off += 3) {
		format(what, sizeof(what), "a machine address 8-byte aligned plus %u", off);
		check_rc("DESC-3", what, hypercall_update_descriptor(m + off, good), -XEN_EINVAL);
	}
	static const struct { uint64_t maddr; const char *what; } foreign[] = {
		{ 0, "machine frame 0 (not the domain's)" },
		{ 0x100000, "machine frame 0x100 (1 MiB: the hypervisor's)" },
		{ 0xfffff000ull, "machine frame 0xfffff (beyond RAM)" },
		{ 0x100000000ull, "machine address 4 GiB (high word 1)" },
		{ 0xfffffffffffff000ull, "machine address 2^64 - 4096" },
	};
	for (unsigned i = 0; i < sizeof(foreign) / sizeof(foreign[0]); i++)
		check_rc("DESC-3", foreign[i].what,
			 hypercall_update_descriptor(foreign[i].maddr + 0x800, good), -XEN_EINVAL);

	/* Page tables cannot be written through it. */
	uint64_t l3 = ((uint64_t)region_mfn(start_info->pt_base) << 12) + 0x800;
	check_rc("DESC-3", "the L3 page table's frame", hypercall_update_descriptor(l3, good),
		 -XEN_EINVAL);
	uint32_t last_pt = start_info->pt_base + (start_info->nr_pt_frames - 1) * 4096;
	uint64_t l1 = ((uint64_t)region_mfn(last_pt) << 12) + 0xff8;
	check_rc("DESC-3", "an L1 page table's frame (its last entry)",
		 hypercall_update_descriptor(l1, good), -XEN_EINVAL);

	/* A frame of its own that is mapped read-only: written. */
	if (region_set_writable((uint32_t)(uintptr_t)ro_words, false) == 0) {
		check_rc("DESC-3", "a frame of its own mapped read-only",
			 hypercall_update_descriptor(maddr_of(&ro_words[3]), good), 0);
		check_eq_hex("DESC-3", "... which reads back through the read-only mapping",
			     ro_words[3], good);
		region_set_writable((uint32_t)(uintptr_t)ro_words, true);
	} else {
		test_error("cannot map a page read-only");
	}

	/* The first and the last slot of a frame. */
	check_rc("DESC-3", "the frame's first slot",
		 hypercall_update_descriptor(maddr_of(&page_words[0]), good), 0);
	check_eq_hex("DESC-3", "... reads back", page_words[0], good);
	check_rc("DESC-3", "the frame's last slot",
		 hypercall_update_descriptor(maddr_of(&page_words[511]), good), 0);
	check_eq_hex("DESC-3", "... reads back", page_words[511], good);
}

void test_main(void)
{
	printk("running on %s\n", hypervisor_name());
	dpl_and_types();
	limits();
	addresses();
	test_success();
}
