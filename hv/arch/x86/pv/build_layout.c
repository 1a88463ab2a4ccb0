/* Planning the initial region. Every sum of ELF fields is taken in 64 bits
 * and checked against the region before it is kept in 32: a field that
 * would wrap past 4 GiB is refused by name, never reduced modulo 4 GiB to
 * an address that looks inside. */
#include <stdarg.h>
#include <stdbool.h>

#include "arch/x86/layout.h"
#include "arch/x86/pv/build.h"
#include "arch/x86/pv/build_layout.h"
#include "elf/elf.h"
#include "elf/elf_check.h"
#include "elf/xen_notes.h"
#include "lib/format.h"
#include "lib/le.h"
#include "mm/frame.h"
#include "pvabi/elfnote.h"

#define GiB_SHIFT      30
#define EXTRA_FREE     (512u << 10)      /* free room the protocol promises */
#define REGION_ALIGN   (4u << 20)

__attribute__((format(printf, 3, 4)))
static int refuse(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vformat(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

static uint64_t round_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static bool has_module(const struct pv_image *img)
{
	return img->module && img->module_len;
}

uint32_t layout_mfn(const struct layout *l, uint64_t va)
{
	if (va < l->v_start || va >= l->v_end)
		return FRAME_NONE;
	uint64_t pfn = (va - l->v_start) >> PAGE_SHIFT;
	return pfn < l->nr_pages ? l->mfns[pfn] : FRAME_NONE;
}

static uint32_t l2_span(uint32_t v_start, uint32_t v_end)
{
	uint32_t first = v_start >> GiB_SHIFT, last = (v_end - 1) >> GiB_SHIFT;
	/* The top gigabyte's L2 always exists: it carries the hole. */
	return last - first + 1 + (last < 3);
}

uint32_t layout_l2_count(const struct layout *l)
{
	return l2_span(l->v_start, l->v_end);
}

static uint32_t l1_count(uint32_t v_start, uint32_t v_end)
{
	return ((v_end - 1) >> L2_SHIFT) - (v_start >> L2_SHIFT) + 1;
}

/* The kernel image is where the loader puts the segments: p_paddr moved by
 * VIRT_BASE - PADDR_OFFSET. Each must lie in [VIRT_BASE, the hole). */
static int plan_kernel(struct layout *l, const struct pv_image *img, const struct xen_notes *n,
		       char *err, size_t errlen)
{
	const uint8_t *e = img->elf;
	uint32_t phoff = le32(e + 28), phnum = le16(e + 44);
	uint64_t kstart = UINT64_MAX, kend = 0;
	bool moved = XEN_NOTE_SEEN(n, XEN_ELFNOTE_PADDR_OFFSET);

	l->v_start = n->virt_base;
	l->virt_offset = moved ? (int64_t)n->virt_base - n->paddr_offset : 0;
	if (n->virt_base & (PAGE_SIZE - 1))
		return refuse(err, errlen, "ELF note VIRT_BASE 0x%x is not page-aligned", n->virt_base);
	if (n->virt_base >= HOLE_START)
		return refuse(err, errlen, "ELF note VIRT_BASE 0x%x is in the hypervisor's hole "
			      "(from 0x%08x)", n->virt_base, HOLE_START);
	for (uint32_t i = 0; i < phnum; i++) {
		const uint8_t *ph = e + phoff + (size_t)i * sizeof(struct elf32_phdr);
		uint32_t paddr = le32(ph + 12), memsz = le32(ph + 20);
		if (le32(ph) != PT_LOAD || memsz == 0)
			continue;
		int64_t va = (int64_t)paddr + l->virt_offset;
		if (va < (int64_t)n->virt_base || va + memsz > (int64_t)HOLE_START)
			return refuse(err, errlen, "ELF program header %u: p_paddr 0x%x + p_memsz 0x%x "
				      "is outside VIRT_BASE 0x%08x to the hole at 0x%08x%s", i, paddr,
				      memsz, n->virt_base, HOLE_START,
				      moved ? " (moved by the PADDR_OFFSET note)" : "");
		if ((uint64_t)va < kstart)
			kstart = (uint64_t)va;
		if ((uint64_t)va + memsz > kend)
			kend = (uint64_t)va + memsz;
	}
	if (kend == 0)
		return refuse(err, errlen, "no loadable segment has a size");
	l->kstart = (uint32_t)kstart;
	l->kend = (uint32_t)kend;
	return 0;
}

static int plan_entry_and_hypercall(struct layout *l, const struct xen_notes *n,
				    const struct elf_summary *sum, char *err, size_t errlen)
{
	bool noted = XEN_NOTE_SEEN(n, XEN_ELFNOTE_ENTRY);

	l->entry = noted ? n->entry : sum->entry;
	if (l->entry < l->kstart || l->entry >= l->kend)
		return refuse(err, errlen, "%s 0x%x is outside the kernel image 0x%08x-0x%08x",
			      noted ? "ELF note ENTRY" : "ELF e_entry", l->entry, l->kstart, l->kend);
	if (!XEN_NOTE_SEEN(n, XEN_ELFNOTE_HYPERCALL_PAGE))
		return 0;
	uint32_t hp = n->hypercall_page;
	if (hp & (PAGE_SIZE - 1))
		return refuse(err, errlen, "ELF note HYPERCALL_PAGE 0x%x is not page-aligned", hp);
	if (hp < l->kstart || (uint64_t)hp + PAGE_SIZE > round_up(l->kend, PAGE_SIZE))
		return refuse(err, errlen, "ELF note HYPERCALL_PAGE 0x%x is outside the kernel image "
			      "0x%08x-0x%08x", hp, l->kstart, l->kend);
	return 0;
}

/* The initial region does not fit in the domain's memory. A large initrd
 * is the likely reason, so say how large it is. */
static int too_small(const struct pv_image *img, uint32_t need, char *err, size_t errlen)
{
	uint32_t need_mib = (need + 255) / 256, has_mib = img->nr_pages / 256;

	if (has_module(img))
		return refuse(err, errlen, "mem= is too small: its initial region, with the %u KiB "
			      "initrd, needs %u MiB (it has %u MiB)",
			      (uint32_t)(img->module_len >> 10), need_mib, has_mib);
	return refuse(err, errlen, "mem= is too small: its initial region alone needs %u MiB "
		      "(it has %u MiB)", need_mib, has_mib);
}

/* After the kernel, in 64 bits: module, p2m list, the three pages, then
 * page tables that must map themselves (grow until they fit). */
static int plan_rest(struct layout *l, const struct pv_image *img, char *err, size_t errlen)
{
	if (img->nr_pages > LAYOUT_MAX_PAGES)
		return refuse(err, errlen, "mem= of %u pages is more than the %u a domain may have",
			      img->nr_pages, LAYOUT_MAX_PAGES);
	if (has_module(img) && img->module_len > HOLE_START)
		return refuse(err, errlen, "the initrd is larger than the address space below the hole");
	l->nr_pages = img->nr_pages;
	uint64_t cur = round_up(l->kend, PAGE_SIZE);
	l->mod_va = (uint32_t)cur;
	if (has_module(img))
		cur += round_up(img->module_len, PAGE_SIZE);
	l->p2m_va = (uint32_t)cur;
	cur += round_up((uint64_t)img->nr_pages * 4, PAGE_SIZE);
	l->si_va = (uint32_t)cur;
	l->store_va = (uint32_t)(cur + PAGE_SIZE);
	l->cons_va = (uint32_t)(cur + 2 * PAGE_SIZE);
	cur += 3 * PAGE_SIZE;
	l->pt_va = (uint32_t)cur;
	for (l->nr_pt = 1;; l->nr_pt++) {
		uint64_t end = round_up(cur + (l->nr_pt + 1ull) * PAGE_SIZE + EXTRA_FREE, REGION_ALIGN);
		if (end > HOLE_START)
			return refuse(err, errlen, "the initial region (kernel 0x%08x-0x%08x, then %u "
				      "pages of p2m list) would run into the hole", l->kstart, l->kend,
				      (uint32_t)(round_up((uint64_t)img->nr_pages * 4, PAGE_SIZE) >> PAGE_SHIFT));
		l->v_end = (uint32_t)end;
		if (1 + l2_span(l->v_start, l->v_end) + l1_count(l->v_start, l->v_end) <= l->nr_pt)
			break;
	}
	l->stack_va = l->pt_va + l->nr_pt * PAGE_SIZE;
	uint32_t need = (l->v_end - l->v_start) >> PAGE_SHIFT;
	if (need > img->nr_pages)
		return too_small(img, need, err, errlen);
	return 0;
}

int layout_plan(struct layout *l, const struct pv_image *img, const struct xen_notes *n,
		const struct elf_summary *sum, char *err, size_t errlen)
{
	*l = (struct layout){ 0 };
	if (plan_kernel(l, img, n, err, errlen) < 0 ||
	    plan_entry_and_hypercall(l, n, sum, err, errlen) < 0 ||
	    bsd_symtab_plan(img->elf, img->elf_len, n, &l->sym, err, errlen) < 0)
		return -1;
	/* As Xen's: the table ends the kernel, 4-byte aligned after it. */
	l->sym_va = (uint32_t)round_up(l->kend, 4);
	if (l->sym.size && (uint64_t)l->sym_va + l->sym.size > HOLE_START)
		return refuse(err, errlen, "its symbol table (BSD_SYMTAB, %u bytes) runs into the "
			      "hole", l->sym.size);
	if (l->sym.size)
		l->kend = l->sym_va + l->sym.size;
	return plan_rest(l, img, err, errlen);
}
