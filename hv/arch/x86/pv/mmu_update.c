/* __HYPERVISOR_mmu_update (1): a batch of page-table writes, each checked.
 * ptr is the machine address of the entry with the command in its low three
 * bits (an entry is 8-byte aligned, so they are free), as Xen reads it: 0 and
 * 3 (MMU_PT_UPDATE_NO_TRANSLATE, the same for a PV guest) write an entry, 2
 * writes it keeping its A and D bits, 1 sets an m2p entry, 4-7 are unknown.
 * A write to a frame in use as a page table goes through the page-type
 * system; a write to any other frame the domain owns is a plain write. The
 * batch stops at the first failure and *pdone says how many went through. */
#include "hypercall/hypercall.h"
#include "arch/arch.h"
#include "arch/x86/pv/m2p.h"
#include "arch/x86/pv/pagetype.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "physdev/pci.h"
#include "pvabi/mmu.h"
#include "sched/sched.h"


/* Plain memory: the frame must be one the domain could map writable. */
static int write_plain(uint32_t mfn, unsigned offset, pte_t val, const struct domain *d)
{
	int rc = get_page_and_type(mfn, d, FT_WRITABLE);
	if (rc < 0)
		return rc;
	pte_t *p = map_frame(mfn);
	p[offset / sizeof(pte_t)] = val;
	unmap_frame(p);
	put_page_and_type(mfn);
	return 0;
}

static int pt_write(uint64_t ptr, pte_t val, struct vcpu *v, bool preserve_ad)
{
	const struct domain *d = v->d;
	uint32_t mfn = (uint32_t)(ptr >> PAGE_SHIFT);
	unsigned offset = ptr & (PAGE_SIZE - 1) & ~7u;

	if ((ptr >> PAGE_SHIFT) >= frame_table.nr)
		return -XEN_EINVAL;
	if (!get_page(mfn, d))
		return -XEN_EINVAL;
	struct frame *f = &frame_table.f[mfn];
	enum frame_type t = frame_type(f);
	int rc;
	if ((f->type_info & FT_COUNT_MASK) &&
	    (t == FT_L1 || t == FT_L2 || t == FT_L2_HV || t == FT_L3)) {
		if (t == FT_L3 && offset / sizeof(pte_t) >= 3)
			/* As Xen: L3 entry 3 (the hole's L2) and the unused
			 * rest of the page cannot be changed in place. */
			rc = -XEN_EINVAL;
		else
			rc = pt_update_entry(mfn, offset / sizeof(pte_t), val, d, preserve_ad);
		if (rc == 0 && t == FT_L3 && mfn == v->arch.cr3_mfn)
			/* The CPU runs on a copy of the four L3 entries. */
			load_guest_l3(mfn);
		else if (rc == 0 && t != FT_L1)
			/* The TLB and the paging-structure caches may still hold
			 * what the old L2 entry led to: an L1 that is no longer a
			 * page table once its last reference went. */
			flush_tlb_local();
	} else {
		rc = write_plain(mfn, offset, val, d);
	}
	put_page(mfn);
	return rc;
}

static int one_update(const void *elem, struct vcpu *v)
{
	const struct mmu_update *req = elem;
	uint64_t ptr = req->ptr;
	uint32_t mfn = (uint32_t)(ptr >> PAGE_SHIFT);

	switch (ptr & 7) {
	case MMU_NORMAL_PT_UPDATE:
	case MMU_PT_UPDATE_NO_TRANSLATE:
		return pt_write(ptr & ~7ull, req->val, v, false);
	case MMU_PT_UPDATE_PRESERVE_AD:
		return pt_write(ptr & ~7ull, req->val, v, true);
	case MMU_MACHPHYS_UPDATE:
		if (!get_page(mfn, v->d))
			return -XEN_EINVAL;
		m2p_set(mfn, (uint32_t)req->val);
		put_page(mfn);
		return 0;
	default:
		return -XEN_ENOSYS;
	}
}

HYPERCALL(mmu_update)
{
	/* Bits 16-31 of foreigndom, when not 0, name the page tables' owner
	 * plus one: only the caller's own tables are offered. */
	uint32_t pt_dom = a4 >> 16;
	int rc = 0;
	if (pt_dom && pt_dom - 1 != current->d->domid)
		rc = pt_dom - 1 >= DOMID_FIRST_RESERVED ? -XEN_ESRCH :
		     hypercall_foreigndom_ok((uint16_t)(pt_dom - 1));
	/* DOMID_IO is how Xen's PV kernels map device memory: a domain holding
	 * a memory BAR may name it, and its entries are judged as its own
	 * (PCI-5 lets them reach the BARs it holds, and nothing else). */
	if (rc == 0 && !((uint16_t)a4 == DOMID_IO && pci_holds_mmio(current->d)))
		rc = hypercall_foreigndom_ok((uint16_t)a4);
	if (rc < 0)
		return rc;
	return hypercall_batch(__HYPERVISOR_mmu_update, a1, a2, a3, a4, a5, sizeof(struct mmu_update),
			       one_update);
}
