/* The domain builder's plan (hv/arch/x86/pv/build_layout.c) for images
 * whose fields would wrap 32-bit arithmetic: each is refused, naming the
 * field, and the one accessor to the p2m refuses every address outside the
 * region. The image is a kernel at 0xc0000000 of two loadable segments
 * (text, then data and bss); notes are set directly. */
#include "unit.h"
#include "arch/x86/layout.h"
#include "arch/x86/pv/build.h"
#include "arch/x86/pv/build_layout.h"
#include "elf/elf.h"
#include "elf/elf_check.h"
#include "elf/xen_notes.h"
#include "mm/frame.h"
#include "pvabi/elfnote.h"

#define BASE 0xc0000000u

static uint8_t elf[52 + 2 * 32];
static struct xen_notes notes;
static struct elf_summary sum;
static struct pv_image img;
static struct layout l;
static char err[200];
static uint32_t mfns[4096];

static void put32(uint32_t off, uint32_t v)
{
	memcpy(elf + off, &v, 4);
}

static void segment(unsigned i, uint32_t paddr, uint32_t memsz)
{
	put32(52 + 32 * i, PT_LOAD);
	put32(52 + 32 * i + 12, paddr);
	put32(52 + 32 * i + 20, memsz);
}

static void note(uint32_t type, uint32_t *field, uint32_t v)
{
	*field = v;
	notes.seen |= 1u << type;
}

/* The healthy image: text 0xc0000000-0xc0008000, data to 0xc0012000, 16 MiB. */
static void healthy(void)
{
	memset(elf, 0, sizeof(elf));
	put32(28, 52);
	elf[44] = 2;
	segment(0, BASE, 0x8000);
	segment(1, BASE + 0x8000, 0xa000);
	memset(&notes, 0, sizeof(notes));
	note(XEN_ELFNOTE_VIRT_BASE, &notes.virt_base, BASE);
	note(XEN_ELFNOTE_HYPERCALL_PAGE, &notes.hypercall_page, BASE + 0x1000);
	sum = (struct elf_summary){ .entry = BASE };
	img = (struct pv_image){ .elf = elf, .elf_len = sizeof(elf), .cmdline = "",
				 .nr_pages = 4096 };
	for (uint32_t i = 0; i < 4096; i++)
		mfns[i] = 0x1000 + i;
	err[0] = '\0';
}

static int plan(void)
{
	int rc = layout_plan(&l, &img, &notes, &sum, err, sizeof(err));
	l.mfns = mfns;
	return rc;
}

static void test_healthy_image_is_planned(void)
{
	healthy();
	CHECK_EQ(plan(), 0);
	CHECK_EQ(l.kstart, BASE);
	CHECK_EQ(l.kend, BASE + 0x12000);
	CHECK_EQ(l.v_start, BASE);
	CHECK(l.v_end <= BASE + 4096 * 4096u);
	CHECK_EQ(layout_mfn(&l, BASE), 0x1000u);
	CHECK_EQ(layout_mfn(&l, l.v_end - 1), 0x1000u + ((l.v_end - 1 - BASE) >> 12));
}

static void test_hypercall_page_at_4g_is_refused(void)
{
	healthy();
	notes.hypercall_page = 0xfffff000;
	CHECK_EQ(plan(), -1);
	CHECK_STR(err, "ELF note HYPERCALL_PAGE 0xfffff000 is outside the kernel image "
		  "0xc0000000-0xc0012000");
}

static void test_hypercall_page_past_the_kernel_is_refused(void)
{
	healthy();
	notes.hypercall_page = BASE + 0x12000;
	CHECK_EQ(plan(), -1);
	CHECK(strstr(err, "ELF note HYPERCALL_PAGE 0xc0012000 is outside") == err);
}

static void test_paddr_wrapping_past_4g_is_refused(void)
{
	healthy();
	segment(1, 0xfffff000, 0xf000);
	CHECK_EQ(plan(), -1);
	CHECK_STR(err, "ELF program header 1: p_paddr 0xfffff000 + p_memsz 0xf000 is outside "
		  "VIRT_BASE 0xc0000000 to the hole at 0xf5800000");
}

static void test_segment_into_the_hole_is_refused(void)
{
	healthy();
	segment(1, HOLE_START - 0x1000, 0x2000);
	CHECK_EQ(plan(), -1);
	CHECK(strstr(err, "ELF program header 1: p_paddr 0xf57ff000") == err);
}

static void test_segment_below_virt_base_is_refused(void)
{
	healthy();
	segment(0, BASE - 0x1000, 0x1000);
	CHECK_EQ(plan(), -1);
	CHECK(strstr(err, "ELF program header 0: ") == err);
}

/* PADDR_OFFSET moves every segment by VIRT_BASE - PADDR_OFFSET. Moved
 * below 0, a segment would wrap modulo 4 GiB to an address that looks
 * inside (0x400000 - 0xc0000000 is 0x40400000 in 32 bits): refused. */
static void test_paddr_offset_that_wraps_is_refused(void)
{
	healthy();
	segment(0, 0x100000, 0x8000);
	segment(1, 0x108000, 0xa000);
	note(XEN_ELFNOTE_PADDR_OFFSET, &notes.paddr_offset, 0x100000);
	CHECK_EQ(plan(), 0);
	CHECK_EQ(l.kstart, BASE);
	CHECK_EQ(l.kend, BASE + 0x12000);
	notes.virt_base = 0x00400000;
	notes.paddr_offset = 0xc0400000;
	segment(0, 0x400000, 0x8000);
	segment(1, 0x408000, 0xa000);
	sum.entry = notes.hypercall_page = 0x40400000;
	CHECK_EQ(plan(), -1);
	CHECK_STR(err, "ELF program header 0: p_paddr 0x400000 + p_memsz 0x8000 is outside "
		  "VIRT_BASE 0x00400000 to the hole at 0xf5800000 (moved by the PADDR_OFFSET note)");
}

static void test_entry_outside_the_kernel_is_refused(void)
{
	healthy();
	note(XEN_ELFNOTE_ENTRY, &notes.entry, 0xfffffffc);
	CHECK_EQ(plan(), -1);
	CHECK_STR(err, "ELF note ENTRY 0xfffffffc is outside the kernel image 0xc0000000-0xc0012000");
}

static void test_virt_base_in_the_hole_is_refused(void)
{
	healthy();
	notes.virt_base = 0xfffff000;
	CHECK_EQ(plan(), -1);
	CHECK(strstr(err, "ELF note VIRT_BASE 0xfffff000 is in the hypervisor's hole") == err);
	notes.virt_base = BASE + 1;
	CHECK_EQ(plan(), -1);
	CHECK(strstr(err, "ELF note VIRT_BASE 0xc0000001 is not page-aligned") == err);
}

static void test_module_past_the_hole_is_refused(void)
{
	static const uint8_t byte;

	healthy();
	img.module = &byte;
	img.module_len = 0x40000000;       /* the size alone: it is never read */
	CHECK_EQ(plan(), -1);
	CHECK(strstr(err, "would run into the hole") != NULL);
}

static void test_memory_beyond_4g_is_refused(void)
{
	healthy();
	img.nr_pages = 0x40000001;          /* its p2m list would wrap 32 bits */
	CHECK_EQ(plan(), -1);
	CHECK(strstr(err, "mem= of 1073741825 pages") == err);
}

static void test_accessor_refuses_outside_the_region(void)
{
	healthy();
	CHECK_EQ(plan(), 0);
	CHECK_EQ(layout_mfn(&l, BASE - 1), FRAME_NONE);
	CHECK_EQ(layout_mfn(&l, l.v_end), FRAME_NONE);
	CHECK_EQ(layout_mfn(&l, 0xfffff000), FRAME_NONE);
	CHECK_EQ(layout_mfn(&l, 0x1c0000000ull), FRAME_NONE);
	/* A region longer than the p2m (a plan gone wrong) still stops at it. */
	l.nr_pages = 16;
	CHECK_EQ(layout_mfn(&l, BASE + 15 * 4096), 0x1000u + 15);
	CHECK_EQ(layout_mfn(&l, BASE + 16 * 4096), FRAME_NONE);
}

UNIT_MAIN(
	UNIT(test_healthy_image_is_planned),
	UNIT(test_hypercall_page_at_4g_is_refused),
	UNIT(test_hypercall_page_past_the_kernel_is_refused),
	UNIT(test_paddr_wrapping_past_4g_is_refused),
	UNIT(test_segment_into_the_hole_is_refused),
	UNIT(test_segment_below_virt_base_is_refused),
	UNIT(test_paddr_offset_that_wraps_is_refused),
	UNIT(test_entry_outside_the_kernel_is_refused),
	UNIT(test_virt_base_in_the_hole_is_refused),
	UNIT(test_module_past_the_hole_is_refused),
	UNIT(test_memory_beyond_4g_is_refused),
	UNIT(test_accessor_refuses_outside_the_region),
)
