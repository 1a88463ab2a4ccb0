/* set_gdt: descriptor-table frames, entry counts, bad frame lists, loading
 * the new selectors.
 *
 * Rules checked (pvabi/ABI.md):
 *   DESC-1  the descriptors of a new GDT frame are checked as
 *           update_descriptor checks them: a DPL of 0 is raised to 1 in the
 *           frame, a system descriptor makes the frame unusable
 *   DESC-2  ... as is a segment reaching the hole (ringlet; see below)
 *   DESC-3  update_descriptor writes into a frame in use as a GDT, checked
 *   DESC-4  set_gdt(frames, entries) installs up to 7168 entries (14
 *           frames), each frame owned by the domain, mapped nowhere
 *           writable and checked; it then holds the descriptor-table type:
 *           it cannot be mapped writable until the GDT lets go of it. More
 *           entries, or a bad frame, is -EINVAL and leaves the old GDT in
 *           force; a frame list the guest cannot read is -EFAULT. Selectors
 *           of the new GDT can be loaded (data and code), set_gdt(NULL, 0)
 *           drops it.
 *
 * Where Xen 4.17 differs (pvabi/ABI.md, DESC-2): Xen takes a frame holding
 * a segment that reaches the hole (and widens it); ringlet refuses it. */
#include "guest.h"

#include "platform.h"
#include "region.h"

const char test_title[] = "set_gdt: descriptor-table frames, entry counts, bad frame lists, "
			  "loading the new selectors";

#define ACC(p, dpl, s, type) (((p) << 7) | ((dpl) << 5) | ((s) << 4) | (type))

static uint64_t mkdesc(uint32_t base, uint32_t limit, uint32_t access, uint32_t flags)
{
	uint32_t lo = (limit & 0xffff) | (base << 16);
	uint32_t hi = ((base >> 16) & 0xff) | (access << 8) | (limit & 0xf0000) |
		      (flags << 20) | (base & 0xff000000);
	return ((uint64_t)hi << 32) | lo;
}

/* 14 frames for the largest GDT, and one more to spoil. */
static uint64_t gdt[14][512] __attribute__((aligned(4096)));
static uint64_t spoilt[512] __attribute__((aligned(4096)));
static xen_pfn_t frames[16];

static volatile uint32_t target_word = 0x7e57da7a;

#define SEL_DATA   0x09        /* entry 1: data, base &target_word, RPL 1 */
#define SEL_CODE   0x11        /* entry 2: flat ring-1 code */
#define SEL_LATER  0x29        /* entry 5: written by update_descriptor */

static uint32_t va(const void *p)
{
	return (uint32_t)(uintptr_t)p;
}

static bool map_ro(const void *p, bool ro)
{
	return region_set_writable(va(p), !ro) == 0;
}

/* Loads sel into %es and reads the word at %es:0; false (and *ex) when it
 * faulted. %es goes back to FLAT_RING1_DS. */
static bool read_through(uint16_t sel, uint32_t *val, struct exinfo *ex)
{
	uint32_t before = exception_count, v = 0;

	asm volatile("1: movl %[s], %%es\n\t"
		     "movl %%es:0, %[v]\n"
		     "2:\tmovl %[flat], %%es\n\t"
		     EXTABLE(1b, 2b)
		     : [v] "+r"(v)
		     : [s] "r"((uint32_t)sel), [flat] "r"((uint32_t)FLAT_RING1_DS)
		     : "memory");
	*val = v;
	if (exception_count == before) {
		ex->vector = EXINFO_NONE;
		return true;
	}
	ex->vector = last_exception.vector;
	ex->error = last_exception.error;
	ex->eip = last_exception.eip;
	return false;
}

/* Far jump to SEL_CODE, note %cs there, far jump back. */
static uint32_t run_on_new_cs(void)
{
	uint32_t cs;

	asm volatile("ljmp %[sel], $1f\n"
		     "1:\tmovl %%cs, %[cs]\n\t"
		     "ljmp %[flat], $2f\n"
		     "2:"
		     : [cs] "=r"(cs)
		     : [sel] "i"(SEL_CODE), [flat] "i"(FLAT_RING1_CS));
	return cs;
}

static void check_loads(const char *when)
{
	uint32_t v;
	struct exinfo ex;
	char exs[80];

	bool ok = read_through(SEL_DATA, &v, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("DESC-4", ok && v == target_word, "%s: loading %#x (base = &target_word) into %%es "
	      "and reading %%es:0 gives %#x (%s)", when, SEL_DATA, v, exs);
}

static long set_gdt(uint32_t nframes_list_va, uint32_t entries)
{
	return hypercall2(__HYPERVISOR_set_gdt, nframes_list_va, entries);
}

static void first_gdt(void)
{
	gdt[0][1] = mkdesc(va((const void *)&target_word), 0xfff, ACC(1, 1, 1, 0x2), 0x4);
	gdt[0][2] = mkdesc(0, 0xf57ff, ACC(1, 1, 1, 0xa), 0xc);
	gdt[0][4] = mkdesc(0, 0xfff, ACC(1, 0, 1, 0x2), 0x4);          /* DPL 0 */
	frames[0] = region_mfn(va(gdt[0]));

	check_rc("DESC-4", "set_gdt with a frame that is still mapped writable",
		 hypercall_set_gdt(frames, 32), -XEN_EINVAL);
	if (!map_ro(gdt[0], true)) {
		test_error("cannot map the GDT frame read-only");
		return;
	}
	check_rc("DESC-4", "set_gdt(1 frame, 32 entries) once it is read-only",
		 hypercall_set_gdt(frames, 32), 0);
	check_eq_hex("DESC-1", "entry 4, given with DPL 0, reads back with DPL 1",
		     gdt[0][4] >> 32, mkdesc(0, 0xfff, ACC(1, 1, 1, 0x2), 0x4) >> 32);
	check_loads("with the new GDT");
	check_eq_hex("DESC-4", "%cs after a far jump to the new code selector 0x11",
		     run_on_new_cs(), SEL_CODE);
	check("DESC-4", !map_ro(gdt[0], false),
	      "the frame cannot be mapped writable while it is a GDT frame");

	/* update_descriptor into the live GDT. */
	uint64_t m = ((uint64_t)frames[0] << 12) + 5 * 8;
	check_rc("DESC-3", "update_descriptor of entry 5 of the GDT in use",
		 hypercall_update_descriptor(m, mkdesc(va((const void *)&target_word), 0xfff,
						       ACC(1, 1, 1, 0x2), 0x4)), 0);
	uint32_t v;
	struct exinfo ex;
	char exs[80];
	bool ok = read_through(SEL_LATER, &v, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("DESC-3", ok && v == target_word, "selector %#x, written so, loads and reads %#x (%s)",
	      SEL_LATER, v, exs);
	check_rc("DESC-3", "update_descriptor of an LDT descriptor into the GDT in use",
		 hypercall_update_descriptor(m + 8, mkdesc(0x10000, 0xff, ACC(1, 1, 0, 2), 0)),
		 -XEN_EINVAL);
}

static void refused(void)
{
	static const struct { uint32_t entries; const char *what; } too_many[] = {
		{ 7169, "7169 entries (one past the guest's 14 pages)" },
		{ 8192, "8192 entries (the hypervisor's pages too)" },
		{ 0xffffffff, "0xffffffff entries" },
	};
	for (unsigned i = 0; i < sizeof(too_many) / sizeof(too_many[0]); i++)
		check_rc("DESC-4", too_many[i].what, hypercall_set_gdt(frames, too_many[i].entries),
			 -XEN_EINVAL);
	check_loads("after them, the old GDT is in force");

	check_rc("DESC-4", "a frame list at NULL, 1 entry", set_gdt(0, 1), -XEN_EFAULT);
	check_rc("DESC-4", "a frame list at the end of the initial region, 1 entry",
		 set_gdt(initial_region_end(), 1), -XEN_EFAULT);
	/* 14 frames listed from 8 bytes before the region's end. */
	xen_pfn_t *tail = (xen_pfn_t *)(uintptr_t)(initial_region_end() - 2 * sizeof(xen_pfn_t));
	tail[0] = tail[1] = frames[0];
	check_rc("DESC-4", "a frame list running off the end of the initial region (14 frames)",
		 set_gdt(va(tail), 7168), -XEN_EFAULT);

	static const struct { uint32_t mfn; const char *what; } bad[] = {
		{ 0, "machine frame 0 (not the domain's)" },
		{ 0x100, "machine frame 0x100 (the hypervisor's)" },
		{ 0xfffff, "machine frame 0xfffff (beyond RAM)" },
	};
	xen_pfn_t list[2];
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		list[0] = bad[i].mfn;
		check_rc("DESC-4", bad[i].what, hypercall_set_gdt(list, 16), -XEN_EINVAL);
	}
	list[0] = region_mfn(start_info->pt_base);
	check_rc("DESC-4", "the L3 page table's frame", hypercall_set_gdt(list, 16), -XEN_EINVAL);
	list[0] = frames[0];
	list[1] = region_mfn(va(spoilt));
	spoilt[7] = mkdesc(0x10000, 0x67, ACC(1, 1, 0, 9), 0);          /* a TSS */
	map_ro(spoilt, true);
	check_rc("DESC-1", "a second frame holding a TSS descriptor",
		 hypercall_set_gdt(list, 1024), -XEN_EINVAL);
	check_loads("after it, the old GDT is in force");

	/* A segment reaching the hole: ringlet refuses the frame, Xen takes
	 * it (widened to 4 GiB). Either way the old GDT comes back. */
	map_ro(spoilt, false);
	spoilt[7] = mkdesc(0, 0xfffff, ACC(1, 1, 1, 2), 0xc);
	map_ro(spoilt, true);
	long rc = hypercall_set_gdt(list, 1024);
	if (on_ringlet())
		check_rc("DESC-2", "a second frame holding a flat 4 GiB data segment", rc,
			 -XEN_EINVAL);
	else
		check_rc("DESC-2", "a second frame holding a flat 4 GiB data segment (Xen takes "
			 "it)", rc, 0);
	if (hypercall_set_gdt(frames, 32))
		panic("cannot go back to the first GDT");
	map_ro(spoilt, false);
	check_loads("the first GDT again");
}

static void largest(void)
{
	for (unsigned i = 1; i < 14; i++) {
		frames[i] = region_mfn(va(gdt[i]));
		if (!map_ro(gdt[i], true)) {
			test_error("cannot map GDT frame %u read-only", i);
			return;
		}
	}
	/* The last entry of the last frame: data, base &target_word. */
	if (!map_ro(gdt[13], false))
		panic("cannot map a frame writable again");
	gdt[13][511] = mkdesc(va((const void *)&target_word), 0xfff, ACC(1, 1, 1, 0x2), 0x4);
	map_ro(gdt[13], true);

	check_rc("DESC-4", "set_gdt(14 frames, 7168 entries)", hypercall_set_gdt(frames, 7168), 0);
	uint32_t v;
	struct exinfo ex;
	char exs[80];
	bool ok = read_through((7167 << 3) | 1, &v, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("DESC-4", ok && v == target_word,
	      "selector %#x (entry 7167, the last a guest has) loads and reads %#x (%s)",
	      (7167 << 3) | 1, v, exs);
	check_loads("the first frame's entries too");
}

static void dropped(void)
{
	uint32_t v;
	struct exinfo ex;
	char exs[80];

	check_rc("DESC-4", "set_gdt(NULL, 0)", set_gdt(0, 0), 0);
	bool ok = read_through(SEL_DATA, &v, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("DESC-4", !ok && ex.vector == X86_EXC_GP && ex.error == (SEL_DATA & ~3u),
	      "after it, loading %#x raises #GP(%#x): %s", SEL_DATA, SEL_DATA & ~3u, exs);
	bool all = true;
	for (unsigned i = 0; i < 14; i++)
		all = all && map_ro(gdt[i], false);
	check("DESC-4", all, "its frames can be mapped writable again");
}

void test_main(void)
{
	printk("running on %s\n", hypervisor_name());
	first_gdt();
	refused();
	largest();
	dropped();
	test_success();
}
