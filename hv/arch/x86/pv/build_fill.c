/* Writing the planned region. Every write goes through layout_mfn, so
 * whatever the plan says, no byte lands in a frame that is not the
 * domain's: an address outside the region is refused, not written. */
#include "arch/x86/layout.h"
#include "arch/x86/directmap.h"
#include "arch/x86/paging.h"
#include "arch/x86/pv/build.h"
#include "arch/x86/pv/build_layout.h"
#include "domain/domain.h"
#include "elf/elf.h"
#include "elf/xen_notes.h"
#include "lib/format.h"
#include "lib/le.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "pvabi/elfnote.h"
#include "pvabi/hypercall.h"
#include "pvabi/start_info.h"

#define GiB_SHIFT 30

struct fill {
	const struct layout *l;
	char *err;
	size_t errlen;
};

static int outside(const struct fill *f, uint64_t va, uint64_t n)
{
	format(f->err, f->errlen, "the builder would write 0x%llx bytes at 0x%llx, outside the "
	       "initial region 0x%08x-0x%08x", (unsigned long long)n, (unsigned long long)va,
	       f->l->v_start, f->l->v_end);
	return -1;
}

/* Copy bytes into the region, page by page. */
static int copy_in(const struct fill *f, uint64_t va, const void *src, uint64_t n)
{
	const uint8_t *s = src;

	if (va < f->l->v_start || va + n > f->l->v_end)
		return outside(f, va, n);
	while (n) {
		uint32_t off = va & (PAGE_SIZE - 1);
		uint32_t chunk = PAGE_SIZE - off < n ? PAGE_SIZE - off : (uint32_t)n;
		uint32_t mfn = layout_mfn(f->l, va);
		if (mfn == FRAME_NONE)
			return outside(f, va, n);
		uint8_t *p = map_frame(mfn);
		memcpy(p + off, s, chunk);
		unmap_frame(p);
		va += chunk;
		s += chunk;
		n -= chunk;
	}
	return 0;
}

static int load_segments(const struct fill *f, const struct pv_image *img)
{
	const uint8_t *e = img->elf;
	uint32_t phoff = le32(e + 28), phnum = le16(e + 44);

	for (uint32_t i = 0; i < phnum; i++) {
		const uint8_t *ph = e + phoff + (size_t)i * sizeof(struct elf32_phdr);
		uint32_t filesz = le32(ph + 16);
		if (le32(ph) != PT_LOAD || filesz == 0)
			continue;
		int64_t va = (int64_t)le32(ph + 12) + f->l->virt_offset;
		if (va < 0)
			return outside(f, 0, filesz);
		if (copy_in(f, (uint64_t)va, e + le32(ph + 4), filesz) < 0)
			return -1;
	}
	return 0;
}

static int load_symtab(const struct fill *f, const struct pv_image *img)
{
	uint8_t header[BSD_SYMTAB_HEADER];
	struct bsd_symtab_piece piece[3];

	if (!f->l->sym.size)
		return 0;
	bsd_symtab_pieces(&f->l->sym, img->elf, header, piece);
	for (unsigned i = 0; i < 3; i++)
		if (copy_in(f, (uint64_t)f->l->sym_va + piece[i].at, piece[i].src, piece[i].len) < 0)
			return -1;
	return 0;
}

static int put_pte(const struct fill *f, uint32_t table_va, unsigned idx, uint32_t mfn_va,
		   pte_t flags)
{
	uint32_t table = layout_mfn(f->l, table_va), mfn = layout_mfn(f->l, mfn_va);

	if (table == FRAME_NONE || mfn == FRAME_NONE || idx >= 512)
		return outside(f, table == FRAME_NONE ? table_va : mfn_va, PAGE_SIZE);
	pte_t *pt = map_frame(table);
	pt[idx] = ((pte_t)mfn << PAGE_SHIFT) | flags;
	unmap_frame(pt);
	return 0;
}

/* Frames in page order: the L3, the L2s by gigabyte (the top one last), then
 * one L1 per 2 MiB of the region. Page-table frames are mapped read-only. */
static int build_tables(const struct fill *f)
{
	const struct layout *l = f->l;
	uint32_t first_gb = l->v_start >> GiB_SHIFT, last_gb = (l->v_end - 1) >> GiB_SHIFT;
	uint32_t next = l->pt_va + PAGE_SIZE, l2_va[4] = { 0 };
	int rc = 0;

	for (uint32_t g = first_gb; g <= last_gb; g++, next += PAGE_SIZE)
		l2_va[g] = next;
	if (last_gb < 3) {
		l2_va[3] = next;
		next += PAGE_SIZE;
	}
	for (uint32_t g = 0; g < 4 && rc == 0; g++)
		if (l2_va[g])
			rc = put_pte(f, l->pt_va, g, l2_va[g], PTE_P);
	for (uint32_t va = l->v_start & ~((1u << L2_SHIFT) - 1); va < l->v_end && rc == 0;
	     va += 1u << L2_SHIFT, next += PAGE_SIZE)
		rc = put_pte(f, l2_va[va >> GiB_SHIFT], (va >> L2_SHIFT) & 511, next,
			     PTE_P | PTE_RW | PTE_US | PTE_A);
	uint32_t pt_end = l->pt_va + l->nr_pt * PAGE_SIZE, l2s = layout_l2_count(l);
	for (uint32_t va = l->v_start; va < l->v_end && rc == 0; va += PAGE_SIZE) {
		pte_t flags = PTE_P | PTE_A | PTE_D;
		if (va < l->pt_va || va >= pt_end)
			flags |= PTE_RW;
		uint32_t l1_va = l->pt_va + (1 + l2s + ((va >> L2_SHIFT) - (l->v_start >> L2_SHIFT))) *
			PAGE_SIZE;
		rc = put_pte(f, l1_va, (va >> PAGE_SHIFT) & 511, va, flags);
	}
	return rc;
}

/* 32-byte stubs: "mov $nr, %eax; int $0x82; ret"; iret's stub pushes eax
 * first and never returns. */
static int write_hypercall_page(const struct fill *f, uint32_t va)
{
	uint8_t page[PAGE_SIZE];

	memset(page, 0xcc, sizeof(page));
	for (uint32_t nr = 0; nr < PAGE_SIZE / HYPERCALL_STUB_SIZE; nr++) {
		uint8_t *s = page + nr * HYPERCALL_STUB_SIZE;
		if (nr == __HYPERVISOR_iret)
			*s++ = 0x50;                               /* push %eax */
		*s++ = 0xb8;                                       /* mov $nr, %eax */
		memcpy(s, &nr, 4);
		s += 4;
		*s++ = 0xcd;                                       /* int $0x82 */
		*s++ = HYPERCALL_VECTOR;
		if (nr != __HYPERVISOR_iret)
			*s = 0xc3;                                 /* ret */
	}
	return copy_in(f, va, page, sizeof(page));
}

static int write_start_info(const struct fill *f, const struct pv_image *img,
			    const struct domain *d)
{
	static struct start_info si;
	const struct layout *l = f->l;

	memset(&si, 0, sizeof(si));
	memcpy(si.magic, START_INFO_MAGIC_X86_32P, sizeof(START_INFO_MAGIC_X86_32P));
	si.nr_pages = img->nr_pages;
	si.shared_info = d->shared_info_mfn << PAGE_SHIFT;
	si.flags = d->privileged ? SIF_PRIVILEGED | SIF_INITDOMAIN : 0;
	if (!d->privileged) {
		si.store_mfn = layout_mfn(l, l->store_va);
		si.console.domU.mfn = layout_mfn(l, l->cons_va);
	}
	si.pt_base = l->pt_va;
	si.nr_pt_frames = l->nr_pt;
	si.mfn_list = l->p2m_va;
	/* Mapped in the region right after the kernel: a virtual address, never
	 * a pfn (SIF_MOD_START_PFN), as Xen does for a guest without
	 * XEN_ELFNOTE_MOD_START_PFN. */
	if (img->module && img->module_len) {
		si.mod_start = l->mod_va;
		si.mod_len = (uint32_t)img->module_len;
	}
	size_t n = strlen(img->cmdline);
	memcpy(si.cmd_line, img->cmdline, n < MAX_GUEST_CMDLINE - 1 ? n : MAX_GUEST_CMDLINE - 1);
	return copy_in(f, l->si_va, &si, sizeof(si));
}

int layout_fill(const struct layout *l, const struct pv_image *img, const struct xen_notes *n,
		const struct domain *d, char *err, size_t errlen)
{
	const struct fill f = { l, err, errlen };

	if (load_segments(&f, img) < 0 || load_symtab(&f, img) < 0)
		return -1;
	if (img->module && img->module_len && copy_in(&f, l->mod_va, img->module, img->module_len) < 0)
		return -1;
	if (copy_in(&f, l->p2m_va, l->mfns, (uint64_t)l->nr_pages * sizeof(uint32_t)) < 0 ||
	    write_start_info(&f, img, d) < 0)
		return -1;
	if (XEN_NOTE_SEEN(n, XEN_ELFNOTE_HYPERCALL_PAGE) &&
	    write_hypercall_page(&f, n->hypercall_page) < 0)
		return -1;
	return build_tables(&f);
}
