#include "arch/x86/pv/build.h"
#include "arch/arch.h"
#include "arch/x86/pv/m2p.h"
#include "arch/x86/pv/pagetype.h"
#include "arch/x86/selectors.h"
#include "domain/domain.h"
#include "elf/elf.h"
#include "elf/elf_check.h"
#include "elf/xen_notes.h"
#include "lib/format.h"
#include "lib/le.h"
#include "lib/string.h"
#include "mm/mm.h"
#include "pvabi/elfnote.h"
#include "pvabi/hypercall.h"
#include "pvabi/shared_info.h"
#include "pvabi/start_info.h"
#include "time/clock.h"
#include "time/guest_time.h"

#define MiB            (1u << 20)
#define GiB_SHIFT      30
#define EXTRA_FREE     (512u << 10)      /* free room the protocol promises */
#define REGION_ALIGN   (4u * MiB)
#define EFLAGS_BASE    0x202             /* IF, and the always-one bit */

struct layout {
	uint32_t v_start, v_end;
	uint32_t kstart, kend, entry, virt_offset;
	uint32_t mod_va, p2m_va, si_va, store_va, cons_va, pt_va, stack_va;
	uint32_t nr_pt;                   /* page-table frames */
	uint32_t *mfns;                   /* pfn -> mfn */
};

static uint32_t round_up(uint32_t v, uint32_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static uint32_t pfn_of(const struct layout *l, uint32_t va)
{
	return (va - l->v_start) >> PAGE_SHIFT;
}

/* An empty module is none, as on Xen: mod_start and mod_len stay 0. */
static bool has_module(const struct pv_image *img)
{
	return img->module && img->module_len;
}

static int fail(char *err, size_t errlen, const char *fmt, uint32_t a, uint32_t b)
{
	format(err, errlen, fmt, a, b);
	return -1;
}

/* Is it a guest for this ABI: 32-bit PAE, the generic loader, Xen 3.0's
 * interface? (The same questions Xen asks.) */
static int check_notes(const struct xen_notes *n, char *err, size_t errlen)
{
	if (!XEN_NOTE_SEEN(n, XEN_ELFNOTE_PAE_MODE) ||
	    (strncmp(n->pae_mode, "yes", 3) != 0 && strcmp(n->pae_mode, "bimodal") != 0))
		return fail(err, errlen, "not a PAE guest (ELF note PAE_MODE must say \"yes\")", 0, 0);
	if (!XEN_NOTE_SEEN(n, XEN_ELFNOTE_XEN_VERSION) || strcmp(n->xen_version, "xen-3.0") != 0)
		return fail(err, errlen, "not a Xen 3.0 PV guest (ELF note XEN_VERSION must be \"xen-3.0\")", 0, 0);
	if (strcmp(n->loader, "generic") != 0 && strcmp(n->guest_os, "linux") != 0)
		return fail(err, errlen, "unknown loader (ELF note LOADER must be \"generic\")", 0, 0);
	return 0;
}

static uint32_t l2_count(uint32_t v_start, uint32_t v_end)
{
	uint32_t first = v_start >> GiB_SHIFT, last = (v_end - 1) >> GiB_SHIFT;
	/* The top gigabyte's L2 always exists: it carries the hole. */
	return last - first + 1 + (last < 3);
}

static uint32_t l1_count(uint32_t v_start, uint32_t v_end)
{
	return ((v_end - 1) >> L2_SHIFT) - (v_start >> L2_SHIFT) + 1;
}

/* The initial region does not fit in the domain's memory. A large initrd
 * is the likely reason, so say how large it is. */
static int too_small(const struct pv_image *img, uint32_t need, char *err, size_t errlen)
{
	uint32_t need_mib = (need + 255) / 256, has_mib = img->nr_pages / 256;

	if (has_module(img))
		format(err, errlen, "mem= is too small: its initial region, with the %u KiB initrd, "
		       "needs %u MiB (it has %u MiB)", (uint32_t)(img->module_len >> 10), need_mib,
		       has_mib);
	else
		format(err, errlen, "mem= is too small: its initial region alone needs %u MiB "
		       "(it has %u MiB)", need_mib, has_mib);
	return -1;
}

static int plan(struct layout *l, const struct pv_image *img, const struct xen_notes *n,
		const struct elf_summary *sum, char *err, size_t errlen)
{
	const uint8_t *e = img->elf;
	uint32_t phoff = le32(e + 28), phnum = le16(e + 44), pstart = ~0u, pend = 0;

	for (uint32_t i = 0; i < phnum; i++) {
		const uint8_t *ph = e + phoff + i * sizeof(struct elf32_phdr);
		uint32_t paddr = le32(ph + 12), memsz = le32(ph + 20);
		if (le32(ph) != PT_LOAD || memsz == 0)
			continue;
		if (paddr < pstart)
			pstart = paddr;
		if (paddr + memsz > pend)
			pend = paddr + memsz;
	}
	uint32_t virt_base = n->virt_base;
	uint32_t paddr_offset = XEN_NOTE_SEEN(n, XEN_ELFNOTE_PADDR_OFFSET) ? n->paddr_offset : virt_base;
	l->virt_offset = virt_base - paddr_offset;
	l->v_start = virt_base;
	l->kstart = pstart + l->virt_offset;
	l->kend = pend + l->virt_offset;
	l->entry = XEN_NOTE_SEEN(n, XEN_ELFNOTE_ENTRY) ? n->entry : sum->entry;
	if (virt_base & (PAGE_SIZE - 1))
		return fail(err, errlen, "VIRT_BASE 0x%x is not page-aligned", virt_base, 0);
	if (l->kstart < virt_base || l->kend <= l->kstart || l->kend > HOLE_START)
		return fail(err, errlen, "the kernel at 0x%x-0x%x is not between VIRT_BASE and the hole",
			    l->kstart, l->kend);
	if (l->entry < l->kstart || l->entry >= l->kend)
		return fail(err, errlen, "entry point 0x%x is outside the kernel (ends at 0x%x)",
			    l->entry, l->kend);
	if (XEN_NOTE_SEEN(n, XEN_ELFNOTE_HYPERCALL_PAGE) &&
	    (n->hypercall_page < l->kstart || n->hypercall_page + PAGE_SIZE > round_up(l->kend, PAGE_SIZE) ||
	     (n->hypercall_page & (PAGE_SIZE - 1))))
		return fail(err, errlen, "hypercall page 0x%x is not a page of the kernel", n->hypercall_page, 0);

	uint64_t cur = round_up(l->kend, PAGE_SIZE);
	l->mod_va = (uint32_t)cur;
	if (has_module(img))
		cur += round_up((uint32_t)img->module_len, PAGE_SIZE);
	l->p2m_va = (uint32_t)cur;
	cur += round_up(img->nr_pages * 4, PAGE_SIZE);
	l->si_va = (uint32_t)cur;
	l->store_va = l->si_va + PAGE_SIZE;
	l->cons_va = l->store_va + PAGE_SIZE;
	l->pt_va = l->cons_va + PAGE_SIZE;
	/* The page tables must map themselves: grow until they fit. */
	for (l->nr_pt = 1;; l->nr_pt++) {
		uint64_t end = (uint64_t)l->pt_va + (l->nr_pt + 1) * PAGE_SIZE + EXTRA_FREE;
		end = (end + REGION_ALIGN - 1) & ~(uint64_t)(REGION_ALIGN - 1);
		if (end > HOLE_START)
			return fail(err, errlen, "the initial region would run into the hole", 0, 0);
		l->v_end = (uint32_t)end;
		if (1 + l2_count(l->v_start, l->v_end) + l1_count(l->v_start, l->v_end) <= l->nr_pt)
			break;
	}
	l->stack_va = l->pt_va + l->nr_pt * PAGE_SIZE;
	uint32_t need = (l->v_end - l->v_start) >> PAGE_SHIFT;
	if (need > img->nr_pages)
		return too_small(img, need, err, errlen);
	return 0;
}

/* Copy bytes into the guest's initial region, page by page. */
static void copy_in(const struct layout *l, uint32_t va, const void *src, size_t n)
{
	const uint8_t *s = src;

	while (n) {
		uint32_t off = va & (PAGE_SIZE - 1);
		size_t chunk = PAGE_SIZE - off < n ? PAGE_SIZE - off : n;
		uint8_t *p = map_frame(l->mfns[pfn_of(l, va)]);
		memcpy(p + off, s, chunk);
		unmap_frame(p);
		va += chunk;
		s += chunk;
		n -= chunk;
	}
}

static void load_segments(const struct layout *l, const struct pv_image *img)
{
	const uint8_t *e = img->elf;
	uint32_t phoff = le32(e + 28), phnum = le16(e + 44);

	for (uint32_t i = 0; i < phnum; i++) {
		const uint8_t *ph = e + phoff + i * sizeof(struct elf32_phdr);
		if (le32(ph) == PT_LOAD && le32(ph + 16))
			copy_in(l, le32(ph + 12) + l->virt_offset, e + le32(ph + 4), le32(ph + 16));
	}
}

static void put_pte(const struct layout *l, uint32_t table_va, unsigned idx, pte_t val)
{
	pte_t *pt = map_frame(l->mfns[pfn_of(l, table_va)]);
	pt[idx] = val;
	unmap_frame(pt);
}

/* Frames in page order: the L3, the L2s by gigabyte (the top one last), then
 * one L1 per 2 MiB of the region. Page-table frames are mapped read-only. */
static void build_tables(const struct layout *l)
{
	uint32_t first_gb = l->v_start >> GiB_SHIFT, last_gb = (l->v_end - 1) >> GiB_SHIFT;
	uint32_t next = l->pt_va + PAGE_SIZE, l2_va[4] = { 0 };

	for (uint32_t g = first_gb; g <= last_gb; g++, next += PAGE_SIZE)
		l2_va[g] = next;
	if (last_gb < 3) {
		l2_va[3] = next;
		next += PAGE_SIZE;
	}
	for (uint32_t g = 0; g < 4; g++)
		if (l2_va[g])
			put_pte(l, l->pt_va, g, ((pte_t)l->mfns[pfn_of(l, l2_va[g])] << PAGE_SHIFT) | PTE_P);
	for (uint32_t va = l->v_start & ~((1u << L2_SHIFT) - 1); va < l->v_end;
	     va += 1u << L2_SHIFT, next += PAGE_SIZE)
		put_pte(l, l2_va[va >> GiB_SHIFT], (va >> L2_SHIFT) & 511,
			((pte_t)l->mfns[pfn_of(l, next)] << PAGE_SHIFT) | PTE_P | PTE_RW | PTE_US | PTE_A);
	uint32_t pt_end = l->pt_va + l->nr_pt * PAGE_SIZE;
	for (uint32_t va = l->v_start; va < l->v_end; va += PAGE_SIZE) {
		pte_t flags = PTE_P | PTE_A | PTE_D;
		if (va < l->pt_va || va >= pt_end)
			flags |= PTE_RW;
		uint32_t l1_va = l->pt_va + (1 + l2_count(l->v_start, l->v_end) +
					     ((va >> L2_SHIFT) - (l->v_start >> L2_SHIFT))) * PAGE_SIZE;
		put_pte(l, l1_va, (va >> PAGE_SHIFT) & 511,
			((pte_t)l->mfns[pfn_of(l, va)] << PAGE_SHIFT) | flags);
	}
}

/* 32-byte stubs: "mov $nr, %eax; int $0x82; ret"; iret's stub pushes eax
 * first and never returns. */
static void write_hypercall_page(const struct layout *l, uint32_t va)
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
	copy_in(l, va, page, sizeof(page));
}

static void write_start_info(const struct layout *l, const struct pv_image *img,
			     struct domain *d)
{
	static struct start_info si;

	memset(&si, 0, sizeof(si));
	memcpy(si.magic, START_INFO_MAGIC_X86_32P, sizeof(START_INFO_MAGIC_X86_32P));
	si.nr_pages = img->nr_pages;
	si.shared_info = d->shared_info_mfn << PAGE_SHIFT;
	si.flags = d->privileged ? SIF_PRIVILEGED | SIF_INITDOMAIN : 0;
	if (!d->privileged) {
		si.store_mfn = l->mfns[pfn_of(l, l->store_va)];
		si.console.domU.mfn = l->mfns[pfn_of(l, l->cons_va)];
	}
	si.pt_base = l->pt_va;
	si.nr_pt_frames = l->nr_pt;
	si.mfn_list = l->p2m_va;
	/* Mapped in the region right after the kernel: a virtual address, never
	 * a pfn (SIF_MOD_START_PFN), as Xen does for a guest without
	 * XEN_ELFNOTE_MOD_START_PFN. */
	if (has_module(img)) {
		si.mod_start = l->mod_va;
		si.mod_len = (uint32_t)img->module_len;
	}
	size_t n = strlen(img->cmdline);
	memcpy(si.cmd_line, img->cmdline, n < MAX_GUEST_CMDLINE - 1 ? n : MAX_GUEST_CMDLINE - 1);
	copy_in(l, l->si_va, &si, sizeof(si));
}

static void set_registers(struct vcpu *v, const struct layout *l)
{
	struct cpu_regs *r = &v->arch.regs;

	memset(r, 0, sizeof(*r));
	r->eip = l->entry;
	r->esp = l->stack_va + PAGE_SIZE;
	r->esi = l->si_va;
	r->cs = FLAT_RING1_CS;
	r->ss = r->ds = r->es = r->fs = r->gs = FLAT_RING1_DS;
	r->eflags = EFLAGS_BASE;
}

int pv_build(struct domain *d, const struct pv_image *img, char *err, size_t errlen)
{
	struct elf_summary sum;
	struct xen_notes notes;
	struct layout l = { 0 };

	if (elf_check(img->elf, img->elf_len, &sum, err, errlen) < 0 ||
	    xen_notes_parse(img->elf, img->elf_len, &notes, err, errlen) < 0 ||
	    check_notes(&notes, err, errlen) < 0 || plan(&l, img, &notes, &sum, err, errlen) < 0)
		return -1;
	if (strlen(img->cmdline) >= MAX_GUEST_CMDLINE)
		return fail(err, errlen, "the guest command line is longer than %u bytes",
			    MAX_GUEST_CMDLINE - 1, 0);

	l.mfns = xmalloc(img->nr_pages * sizeof(uint32_t));
	if (!l.mfns)
		return fail(err, errlen, "no hypervisor memory for a %u-page p2m list", img->nr_pages, 0);
	d->max_pages = img->nr_pages;
	uint32_t got = domain_alloc_frames(d, img->nr_pages, l.mfns);
	if (got < img->nr_pages) {
		xfree(l.mfns);
		return fail(err, errlen, "out of memory: got %u of the %u frames mem= asks for",
			    got, img->nr_pages);
	}
	for (uint32_t pfn = 0; pfn < img->nr_pages; pfn++)
		m2p_set(l.mfns[pfn], pfn);

	load_segments(&l, img);
	if (has_module(img))
		copy_in(&l, l.mod_va, img->module, img->module_len);
	copy_in(&l, l.p2m_va, l.mfns, img->nr_pages * sizeof(uint32_t));
	write_start_info(&l, img, d);
	if (XEN_NOTE_SEEN(&notes, XEN_ELFNOTE_HYPERCALL_PAGE))
		write_hypercall_page(&l, notes.hypercall_page);
	build_tables(&l);

	/* Pinning validates the whole tree; the second reference is CR3's. */
	uint32_t l3 = l.mfns[pfn_of(&l, l.pt_va)];
	int rc = get_page_and_type(l3, d, FT_L3);
	if (rc == 0) {
		frame_table.f[l3].type_info |= FT_PINNED;
		rc = get_page_and_type(l3, d, FT_L3);
	}
	xfree(l.mfns);
	if (rc < 0)
		return fail(err, errlen, "its bootstrap page tables do not validate (error %d)", (uint32_t)-rc, 0);
	d->vcpu.arch.cr3_mfn = l3;
	set_registers(&d->vcpu, &l);
	guest_wallclock_init(d);
	guest_time_update(&d->vcpu);
	return 0;
}
