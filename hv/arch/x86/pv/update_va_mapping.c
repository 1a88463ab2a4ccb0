/* __HYPERVISOR_update_va_mapping (14): replace the L1 entry that maps va in
 * the current page tables, then flush as the flags say. The 64-bit entry
 * comes in two arguments (low, high). */
#include "hypercall/hypercall.h"
#include "arch/arch.h"
#include "arch/x86/pv/pagetype.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "pvabi/mmu.h"
#include "sched/sched.h"

/* The L1 holding va's entry, found by walking the guest's tables. */
static int find_l1(const struct vcpu *v, uint32_t va, uint32_t *l1_mfn)
{
	pte_t *l3 = map_frame(v->arch.cr3_mfn);
	pte_t l3e = l3[va >> 30];
	unmap_frame(l3);
	if (!(l3e & PTE_P))
		return -XEN_EINVAL;
	pte_t *l2 = map_frame((l3e & PTE_ADDR) >> PAGE_SHIFT);
	pte_t l2e = l2[(va >> L2_SHIFT) & 511];
	unmap_frame(l2);
	if (!(l2e & PTE_P))
		return -XEN_EINVAL;
	*l1_mfn = (uint32_t)((l2e & PTE_ADDR) >> PAGE_SHIFT);
	return 0;
}

HYPERCALL(update_va_mapping)
{
	uint32_t va = a1, flags = a4, l1;
	pte_t val = ((pte_t)a3 << 32) | a2;
	struct vcpu *v = current;

	(void)a5;
	if (va >= HOLE_START)
		return -XEN_EINVAL;
	int rc = find_l1(v, va, &l1);
	if (rc < 0)
		return rc;
	if (!get_page(l1, v->d))
		return -XEN_EINVAL;
	if (frame_type(&frame_table.f[l1]) != FT_L1)
		rc = -XEN_EINVAL;
	else
		rc = pt_update_entry(l1, (va >> PAGE_SHIFT) & 511, val, v->d, false);
	put_page(l1);
	if (rc < 0)
		return rc;
	/* As Xen: the flags are looked at once the entry is written. Flush
	 * type 3 means no flush. Without UVMF_ALL the rest of the flags word
	 * is the address of a vCPU bitmap (0: this vCPU), read only for a
	 * flush; one that cannot be read is -EFAULT, the entry changed. */
	uint32_t flush = flags & UVMF_FLUSHTYPE_MASK, mask_ptr = flags & ~UVMF_FLUSHTYPE_MASK;
	if (flush != UVMF_TLB_FLUSH && flush != UVMF_INVLPG)
		return 0;
	if (mask_ptr != UVMF_LOCAL && mask_ptr != UVMF_ALL) {
		uint32_t bits;
		if (copy_from_guest(&bits, guest_ptr(mask_ptr), sizeof(bits)) < 0)
			return -XEN_EFAULT;
	}
	if (flush == UVMF_TLB_FLUSH)
		flush_tlb_local();
	else
		invlpg(va);
	return 0;
}
