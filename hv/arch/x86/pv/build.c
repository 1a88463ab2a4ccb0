#include "arch/x86/pv/build.h"
#include "arch/x86/pv/build_layout.h"
#include "arch/x86/directmap.h"
#include "arch/arch.h"
#include "arch/x86/pv/m2p.h"
#include "arch/x86/pv/pagetype.h"
#include "arch/x86/selectors.h"
#include "console/log.h"
#include "domain/domain.h"
#include "elf/elf_check.h"
#include "elf/xen_notes.h"
#include "event/evtchn.h"
#include "grant/grant.h"
#include "lib/format.h"
#include "lib/string.h"
#include "mm/mm.h"
#include "pvabi/grant_table.h"
#include "pvabi/start_info.h"
#include "time/guest_time.h"

#define EFLAGS_BASE    0x202             /* IF, and the always-one bit */

static int fail(char *err, size_t errlen, const char *fmt, uint32_t a, uint32_t b)
{
	format(err, errlen, fmt, a, b);
	return -1;
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

/* A domain but dom0 gets its store and console pages as Xen's toolstack
 * gives them: each with a port domain 0 may bind, and granted to domain 0
 * in the reserved entries. */
static int give_rings(struct domain *d, const struct layout *l, char *err, size_t errlen)
{
	uint32_t store = layout_mfn(l, l->store_va), cons = layout_mfn(l, l->cons_va);
	int sport = evtchn_alloc_unbound(d, 0), cport = sport < 0 ? sport : evtchn_alloc_unbound(d, 0);

	if (cport < 0)
		return fail(err, errlen, "no event channel for its store and console (error %d)",
			    (uint32_t)-cport, 0);
	if (gnttab_seed(d, GNTTAB_RESERVED_XENSTORE, 0, store) < 0 ||
	    gnttab_seed(d, GNTTAB_RESERVED_CONSOLE, 0, cons) < 0)
		return fail(err, errlen, "no grant table for its store and console", 0, 0);
	struct start_info *si = map_frame(layout_mfn(l, l->si_va));
	si->store_evtchn = (uint32_t)sport;
	si->console.domU.evtchn = (uint32_t)cport;
	unmap_frame(si);
	console_ring_attach(d, cons, (uint32_t)cport);
	return 0;
}

int pv_build(struct domain *d, const struct pv_image *img, char *err, size_t errlen)
{
	struct elf_summary sum;
	struct xen_notes notes;
	struct layout l;

	if (elf_check(img->elf, img->elf_len, &sum, err, errlen) < 0 ||
	    xen_notes_parse(img->elf, img->elf_len, &notes, err, errlen) < 0 ||
	    xen_notes_check(&notes, err, errlen) < 0 || layout_plan(&l, img, &notes, &sum, err, errlen) < 0)
		return -1;
	if (strlen(img->cmdline) >= MAX_GUEST_CMDLINE)
		return fail(err, errlen, "the guest command line is longer than %u bytes",
			    MAX_GUEST_CMDLINE - 1, 0);

	/* layout_plan bounded nr_pages (LAYOUT_MAX_PAGES): the size fits. */
	uint32_t *mfns = xmalloc(img->nr_pages * sizeof(uint32_t));
	if (!mfns)
		return fail(err, errlen, "no hypervisor memory for a %u-page p2m list", img->nr_pages, 0);
	d->max_pages = img->nr_pages;
	uint32_t got = img->nr_pages;
	if (img->frames)
		memcpy(mfns, img->frames, img->nr_pages * sizeof(uint32_t));
	else
		got = domain_alloc_frames(d, img->nr_pages, mfns);
	if (got < img->nr_pages) {
		xfree(mfns);
		return fail(err, errlen, "out of memory: got %u of the %u frames mem= asks for",
			    got, img->nr_pages);
	}
	/* A 32-bit guest's L3 lies below 4 GiB, where NEW_BASEPTR takes one. */
	uint32_t *l3_slot = &mfns[(l.pt_va - l.v_start) >> PAGE_SHIFT];
	if (domain_trade_for_low(d, l3_slot) < 0) {
		xfree(mfns);
		return fail(err, errlen, "no frame below 4 GiB left for its L3", 0, 0);
	}
	uint32_t high = 0;
	for (uint32_t pfn = 0; pfn < img->nr_pages; pfn++) {
		m2p_set(mfns[pfn], pfn);
		high += mfns[pfn] >= FRAME_LOW_LIMIT;
	}
	log_debug("domain %u (%s): %u of its %u frames above 4 GiB, its L3 at frame 0x%x",
		  d->domid, d->name, high, img->nr_pages, *l3_slot);
	l.mfns = mfns;
	if (layout_fill(&l, img, &notes, d, err, errlen) < 0 ||
	    (!d->privileged && give_rings(d, &l, err, errlen) < 0)) {
		xfree(mfns);
		return -1;
	}

	/* Pinning validates the whole tree; the second reference is CR3's. */
	uint32_t l3 = layout_mfn(&l, l.pt_va);
	int rc = get_page_and_type(l3, d, FT_L3);
	if (rc == 0) {
		frame_table.f[l3].type_info |= FT_PINNED;
		rc = get_page_and_type(l3, d, FT_L3);
	}
	xfree(mfns);
	if (rc < 0)
		return fail(err, errlen, "its bootstrap page tables do not validate (error %d)", (uint32_t)-rc, 0);
	d->vcpu.arch.cr3_mfn = l3;
	d->symtab_va = l.sym.size ? l.sym_va + 4 : 0;
	set_registers(&d->vcpu, &l);
	guest_wallclock_init(d);
	guest_time_update(&d->vcpu);
	return 0;
}
