/* hello: what the domain builder hands a pv32pae guest at its first
 * instruction (pvabi/start_info.h), and that the guest can print.
 *
 * Rules checked (ids as in pvabi/ABI.md):
 *   BOOT-1   start_info.magic starts with "xen-3.0-x86_32p", NUL-terminated
 *   BOOT-2   the guest enters in ring 1 with the FLAT_RING1 selectors loaded
 *            and interrupts on (EFLAGS.IF; events are masked instead)
 *   BOOT-3   the bootstrap elements come in order, page-aligned, after the
 *            image: p2m list, start_info (%esi), page tables, stack (%esp)
 *   BOOT-4   the initial region is mapped from VIRT_BASE to a 4 MiB boundary
 *            at least 512 KiB past the stack; nothing below VIRT_BASE or
 *            past the end is
 *   BOOT-5   the bootstrap page tables are mapped read-only, the rest of the
 *            region writable
 *   BOOT-6   the region maps pseudo-physical frames in order: the page at
 *            VIRT_BASE + pfn * 4096 is machine frame mfn_list[pfn], and the
 *            machine-to-phys table maps it back
 *   BOOT-7   the ELF image is loaded: data initialised, .bss zero
 *   BOOT-8   the hypervisor filled the hypercall page
 *   BOOT-9   start_info.cmd_line is NUL-terminated
 *   BOOT-10  events are masked at entry (vcpu_info[0].evtchn_upcall_mask)
 *   BOOT-11  nr_pages covers at least the initial region; the initial
 *            domain is also privileged, any other domain gets its store and
 *            console pages
 */
#include "guest.h"

const char test_title[] = "hello: start_info and the initial memory layout";

static volatile uint32_t data_word = 0x5a17c0deu;
static volatile uint32_t bss_words[64];

static uint32_t round_up(uint32_t v, uint32_t align)
{
	return (v + align - 1) & ~(align - 1);
}

static uint16_t read_cs(void)
{
	uint16_t v;
	asm volatile("mov %%cs, %0" : "=r"(v));
	return v;
}

static uint16_t read_ss(void)
{
	uint16_t v;
	asm volatile("mov %%ss, %0" : "=r"(v));
	return v;
}

static uint16_t read_ds(void)
{
	uint16_t v;
	asm volatile("mov %%ds, %0" : "=r"(v));
	return v;
}

static uint16_t read_es(void)
{
	uint16_t v;
	asm volatile("mov %%es, %0" : "=r"(v));
	return v;
}

static uint32_t read_eflags(void)
{
	uint32_t v;
	asm volatile("pushf; pop %0" : "=r"(v));
	return v;
}

static void print_start_info(const struct start_info *si)
{
	printk("start_info at %p:\n", (const void *)si);
	printk("  magic        \"%.32s\"\n", si->magic);
	printk("  nr_pages     %u (%u KiB)\n", si->nr_pages, si->nr_pages * 4);
	printk("  shared_info  %#x (machine address)\n", si->shared_info);
	printk("  flags        %#x%s%s\n", si->flags,
	       si->flags & SIF_PRIVILEGED ? " privileged" : "",
	       si->flags & SIF_INITDOMAIN ? " initdomain" : "");
	printk("  store        mfn %#x, evtchn %u\n", si->store_mfn, si->store_evtchn);
	printk("  console      %#x, %u\n", si->console.domU.mfn, si->console.domU.evtchn);
	printk("  pt_base      %#x\n", si->pt_base);
	printk("  nr_pt_frames %u\n", si->nr_pt_frames);
	printk("  mfn_list     %#x\n", si->mfn_list);
	printk("  mod_start    %#x, mod_len %u\n", si->mod_start, si->mod_len);
	printk("  cmd_line     \"%.*s\"\n", MAX_GUEST_CMDLINE, si->cmd_line);
	printk("entered with %%esp %#x; image %p-%p\n", boot_esp, (void *)__image_start,
	       (void *)__image_end);
}

/* Every page in [from, to) can be read. Returns the first that cannot, or
 * 0. */
static uint32_t first_unreadable(uint32_t from, uint32_t to)
{
	for (uint32_t va = from; va < to; va += PAGE_SIZE)
		if (!probe_read32(va, 0, 0))
			return va;
	return 0;
}

/* The machine frame va maps to, by walking the bootstrap page tables through
 * their read-only mappings in the region; ~0 if the walk leaves the region. */
static uint32_t walk(const struct start_info *si, uint32_t va)
{
	const uint32_t *p2m = (const uint32_t *)(uintptr_t)si->mfn_list;
	uint32_t base = (uint32_t)(uintptr_t)__image_start;
	uint32_t table_va = si->pt_base;
	static const unsigned shift[] = { 30, 21, 12 };
	uint64_t entry = 0;

	for (unsigned level = 0; level < 3; level++) {
		const uint64_t *table = (const uint64_t *)(uintptr_t)table_va;
		entry = table[(va >> shift[level]) & (level ? 511 : 3)];
		if (!(entry & PV_PTE_PRESENT))
			return ~0u;
		uint32_t mfn = (uint32_t)((entry & PV_PTE_ADDR_MASK) >> 12);
		if (level == 2)
			return mfn;
		uint32_t pfn = machine_to_phys_mapping[mfn];
		if (pfn >= si->nr_pages || p2m[pfn] != mfn)
			return ~0u;
		table_va = base + pfn * PAGE_SIZE;
		if (table_va < si->pt_base || table_va >= si->pt_base + si->nr_pt_frames * PAGE_SIZE)
			return ~0u;
	}
	return ~0u;
}

static void check_frame(const struct start_info *si, const char *what, uint32_t va)
{
	const uint32_t *p2m = (const uint32_t *)(uintptr_t)si->mfn_list;
	uint32_t pfn = (va - (uint32_t)(uintptr_t)__image_start) / PAGE_SIZE;
	uint32_t mfn = walk(si, va);

	check("BOOT-6", mfn == p2m[pfn] && machine_to_phys_mapping[mfn] == pfn,
	      "%s (%#x) is pfn %u: mfn_list says mfn %#x, page tables say %#x, m2p says pfn %d",
	      what, va, pfn, p2m[pfn], mfn,
	      mfn == ~0u ? -1 : (int)machine_to_phys_mapping[mfn]);
}

void test_main(void)
{
	const struct start_info *si = start_info;
	uint32_t base = (uint32_t)(uintptr_t)__image_start;
	uint32_t image_end = round_up((uint32_t)(uintptr_t)__image_end, PAGE_SIZE);
	uint32_t si_va = (uint32_t)(uintptr_t)si;
	uint32_t pt_end = si->pt_base + si->nr_pt_frames * PAGE_SIZE;
	struct exinfo ex;
	char exs[80];

	print_start_info(si);

	/* BOOT-1 */
	check("BOOT-1", strncmp(si->magic, START_INFO_MAGIC_X86_32P,
				sizeof(START_INFO_MAGIC_X86_32P) - 1) == 0 &&
			strnlen(si->magic, sizeof(si->magic)) < sizeof(si->magic),
	      "magic \"%.32s\" starts with \"%s\"", si->magic, START_INFO_MAGIC_X86_32P);

	/* BOOT-2 */
	check_eq_hex("BOOT-2", "%cs is FLAT_RING1_CS", read_cs(), FLAT_RING1_CS);
	check_eq_hex("BOOT-2", "%ss is FLAT_RING1_SS", read_ss(), FLAT_RING1_SS);
	check_eq_hex("BOOT-2", "%ds is FLAT_RING1_DS", read_ds(), FLAT_RING1_DS);
	check_eq_hex("BOOT-2", "%es is FLAT_RING1_DS", read_es(), FLAT_RING1_DS);
	check_eq_hex("BOOT-2", "%cs's RPL: ring 1", read_cs() & 3, 1);
	check("BOOT-2", read_eflags() & (1u << 9), "EFLAGS.IF is set (eflags %#x)",
	      read_eflags());

	/* BOOT-3 */
	check("BOOT-3", si->mfn_list % PAGE_SIZE == 0 && si->mfn_list >= image_end,
	      "the p2m list (%#x) is page-aligned and after the image (ends %#x)",
	      si->mfn_list, image_end);
	check("BOOT-3", si_va % PAGE_SIZE == 0 &&
			si_va >= si->mfn_list + si->nr_pages * 4,
	      "start_info (%#x) is page-aligned and after the p2m list (ends %#x)",
	      si_va, si->mfn_list + si->nr_pages * 4);
	check("BOOT-3", si->pt_base % PAGE_SIZE == 0 && si->pt_base > si_va,
	      "the page tables (%#x) are page-aligned and after start_info", si->pt_base);
	check("BOOT-3", si->nr_pt_frames >= 3,
	      "there are at least 3 page-table frames (L3, L2, L1): %u", si->nr_pt_frames);
	check("BOOT-3", boot_esp % PAGE_SIZE == 0 && boot_esp > pt_end,
	      "%%esp (%#x) is the top of a stack page after the page tables (end %#x)",
	      boot_esp, pt_end);

	/* BOOT-4 */
	uint32_t region_end = initial_region_end();
	uint32_t bad = first_unreadable(base, region_end);
	check("BOOT-4", bad == 0, "%#x-%#x (to 4 MiB past >= 512 KiB of padding) is mapped%s",
	      base, region_end, bad ? ": a page is not" : "");
	if (bad)
		printk("     first unmapped page: %#x\n", bad);
	probe_read32(region_end, 0, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("BOOT-4", ex.vector == X86_EXC_PF && !(ex.error & PFEC_PRESENT),
	      "the page at the region's end (%#x) is not mapped: %s", region_end, exs);
	probe_read32(base - 4, 0, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("BOOT-4", ex.vector == X86_EXC_PF && !(ex.error & PFEC_PRESENT),
	      "the page below VIRT_BASE (%#x) is not mapped: %s", base - 4, exs);
	probe_read32(0, 0, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("BOOT-4", ex.vector == X86_EXC_PF && ex.cr2 == 0,
	      "a NULL read faults with cr2 0: %s", exs);

	/* BOOT-5: write back what is there, so a missing protection harms
	 * nothing. */
	uint32_t word = *(volatile uint32_t *)(uintptr_t)si->pt_base;
	probe_write32(si->pt_base, word, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("BOOT-5", ex.vector == X86_EXC_PF &&
			(ex.error & (PFEC_PRESENT | PFEC_WRITE)) == (PFEC_PRESENT | PFEC_WRITE) &&
			ex.cr2 == si->pt_base,
	      "a write to the L3 at pt_base faults (present, write, cr2 = pt_base): %s", exs);
	uint32_t last_pt = pt_end - PAGE_SIZE;
	word = *(volatile uint32_t *)(uintptr_t)last_pt;
	probe_write32(last_pt, word, &ex);
	exinfo_format(exs, sizeof(exs), &ex);
	check("BOOT-5", ex.vector == X86_EXC_PF && ex.cr2 == last_pt,
	      "a write to the last page-table frame (%#x) faults: %s", last_pt, exs);
	static const struct { const char *what; uint32_t off; } writable[] = {
		{ "start_info", 0 }, { "the p2m list", 1 }, { "the boot stack", 2 },
		{ "the padding", 3 },
	};
	for (unsigned i = 0; i < sizeof(writable) / sizeof(writable[0]); i++) {
		uint32_t va = writable[i].off == 0 ? si_va :
			      writable[i].off == 1 ? si->mfn_list :
			      writable[i].off == 2 ? boot_esp - 4 : region_end - 4;
		word = *(volatile uint32_t *)(uintptr_t)va;
		probe_write32(va, word, &ex);
		exinfo_format(exs, sizeof(exs), &ex);
		check("BOOT-5", ex.vector == EXINFO_NONE, "%s (%#x) is writable: %s",
		      writable[i].what, va, exs);
	}

	/* BOOT-6 */
	check_frame(si, "the image's first page", base);
	check_frame(si, "start_info", si_va);
	check_frame(si, "the L3", si->pt_base);
	check_frame(si, "the boot stack", boot_esp - 4);

	/* BOOT-7 */
	uint32_t nonzero = 0;
	for (unsigned i = 0; i < sizeof(bss_words) / sizeof(bss_words[0]); i++)
		nonzero |= bss_words[i];
	check_eq_hex("BOOT-7", "an initialised data word", data_word, 0x5a17c0deu);
	check_eq_hex("BOOT-7", "the OR of a .bss array", nonzero, 0);

	/* BOOT-8 */
	const uint8_t *stub = (const uint8_t *)hypercall_page + __HYPERVISOR_console_io * 32;
	check("BOOT-8", stub[0] != 0xcc,
	      "the console_io stub was written (first byte %#x; the image has 0xcc)", stub[0]);

	/* BOOT-9 */
	check("BOOT-9", strnlen(si->cmd_line, MAX_GUEST_CMDLINE) < MAX_GUEST_CMDLINE,
	      "cmd_line is NUL-terminated within %u bytes", MAX_GUEST_CMDLINE);

	/* BOOT-10 */
	if (shared_info)
		check_eq("BOOT-10", "evtchn_upcall_mask of vCPU 0",
			 shared_info->vcpu_info[0].evtchn_upcall_mask, 1);
	else
		test_error("BOOT-10 not checked: shared_info is not mapped");

	/* BOOT-11 */
	check("BOOT-11", si->nr_pages >= (region_end - base) / PAGE_SIZE,
	      "nr_pages (%u) covers the initial region (%u pages)", si->nr_pages,
	      (region_end - base) / PAGE_SIZE);

	if (si->flags & SIF_INITDOMAIN)
		check("BOOT-11", si->flags & SIF_PRIVILEGED,
		      "the initial domain is privileged too (flags %#x)", si->flags);
	else
		check("BOOT-11", si->store_mfn != 0 && si->console.domU.mfn != 0,
		      "a domain other than the initial one gets store (%#x) and console (%#x) "
		      "frames", si->store_mfn, si->console.domU.mfn);

	printk("hello from a pv32pae guest\n");
	test_success();
}
