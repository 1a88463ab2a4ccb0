/* __HYPERVISOR_mmuext_op (26): the rest of a guest's MMU work. Pinning keeps
 * a page table validated while nothing refers to it; new_baseptr switches
 * the guest's CR3; the flushes act on this CPU (the only one). The batch
 * stops at the first failure and *pdone says how many succeeded. The
 * answers are those Xen gives a 32-bit guest, down to the commands only
 * 64-bit guests have. */
#include "hypercall/hypercall.h"
#include "arch/arch.h"
#include "arch/x86/directmap.h"
#include "arch/x86/pv/pagetype.h"
#include "arch/x86/pv/pv.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "lib/string.h"
#include "pvabi/mmu.h"
#include "sched/sched.h"

#define LDT_MAX_ENTRIES      8192

static int pin(uint32_t mfn, enum frame_type t, const struct domain *d)
{
	int rc = get_page_and_type(mfn, d, t);
	if (rc < 0)
		return rc;
	struct frame *f = &frame_table.f[mfn];
	if (f->type_info & FT_PINNED) {
		put_page_and_type(mfn);
		return -XEN_EINVAL;         /* pinned already */
	}
	f->type_info |= FT_PINNED;
	return 0;
}

static int unpin(uint32_t mfn, const struct domain *d)
{
	if (!get_page(mfn, d))
		return -XEN_EINVAL;
	struct frame *f = &frame_table.f[mfn];
	int rc = -XEN_EINVAL;
	if (f->type_info & FT_PINNED) {
		f->type_info &= ~FT_PINNED;
		put_page_and_type(mfn);
		rc = 0;
	}
	put_page(mfn);
	return rc;
}

/* CR3 in PAE mode is 32 bits: the L3 must lie below 4 GiB. */
int pv_new_baseptr(uint32_t mfn, struct vcpu *v)
{
	if (mfn >= (1u << (32 - PAGE_SHIFT)))
		return -XEN_EINVAL;
	int rc = get_page_and_type(mfn, v->d, FT_L3);
	if (rc < 0)
		return rc;
	uint32_t old = v->arch.cr3_mfn;
	v->arch.cr3_mfn = mfn;
	load_guest_l3(mfn);
	if (old)
		put_page_and_type(old);
	return 0;
}

/* Xen reads the mask to find the CPUs to flush; a mask it cannot read is
 * -EINVAL, not -EFAULT. */
static int check_vcpumask(guest_ptr_t mask)
{
	uint32_t bits;
	return copy_from_guest(&bits, mask, sizeof(bits)) < 0 ? -XEN_EINVAL : 0;
}

static int set_ldt(uint32_t base, uint32_t ents, struct vcpu *v)
{
	if (ents > LDT_MAX_ENTRIES)
		return -XEN_EINVAL;
	/* An empty LDT has no base: Xen does not look at it. */
	if (ents == 0)
		base = 0;
	if ((base & (PAGE_SIZE - 1)) || base + ents * 8 > HOLE_START || base + ents * 8 < base)
		return -XEN_EINVAL;
	/* ringlet maps no LDT: only an empty one can be loaded. */
	if (ents != 0)
		return -XEN_EOPNOTSUPP;
	v->arch.ldt_base = base;
	v->arch.ldt_ents = 0;
	asm volatile("lldt %w0" : : "r"(0));
	return 0;
}

/* A frame of the domain's that it could map writable, for CLEAR_PAGE and
 * the destination of COPY_PAGE: held writable while the hypervisor writes. */
static int clear_or_copy(uint32_t dst, uint32_t src, bool copy, const struct domain *d)
{
	if (copy && !get_page(src, d))
		return -XEN_EINVAL;
	int rc = get_page_and_type(dst, d, FT_WRITABLE);
	if (rc == 0) {
		void *p = map_frame(dst);
		if (copy) {
			const void *q = map_frame(src);
			memcpy(p, q, PAGE_SIZE);
			unmap_frame(q);
		} else {
			memset(p, 0, PAGE_SIZE);
		}
		unmap_frame(p);
		put_page_and_type(dst);
	}
	if (copy)
		put_page(src);
	return rc == -XEN_ERESTART ? rc : rc < 0 ? -XEN_EINVAL : 0;
}

static int one_op(const void *elem, struct vcpu *v)
{
	const struct mmuext_op *op = elem;
	const struct domain *d = v->d;

	switch (op->cmd) {
	case MMUEXT_PIN_L1_TABLE:
		return pin(op->arg1.mfn, FT_L1, d);
	case MMUEXT_PIN_L2_TABLE:
		return pin(op->arg1.mfn, FT_L2, d);
	case MMUEXT_PIN_L3_TABLE:
		return pin(op->arg1.mfn, FT_L3, d);
	case MMUEXT_PIN_L4_TABLE:
		return 0;                    /* no L4s in PAE: Xen ignores it */
	case MMUEXT_UNPIN_TABLE:
		return unpin(op->arg1.mfn, d);
	case MMUEXT_NEW_BASEPTR:
		return pv_new_baseptr(op->arg1.mfn, v);
	case MMUEXT_TLB_FLUSH_LOCAL:
	case MMUEXT_TLB_FLUSH_ALL:
		flush_tlb_local();
		return 0;
	case MMUEXT_INVLPG_LOCAL:
	case MMUEXT_INVLPG_ALL:
		invlpg(op->arg1.linear_addr);
		return 0;
	case MMUEXT_TLB_FLUSH_MULTI:
		if (check_vcpumask(op->arg2.vcpumask) < 0)
			return -XEN_EINVAL;
		flush_tlb_local();
		return 0;
	case MMUEXT_INVLPG_MULTI:
		if (check_vcpumask(op->arg2.vcpumask) < 0)
			return -XEN_EINVAL;
		invlpg(op->arg1.linear_addr);
		return 0;
	case MMUEXT_SET_LDT:
		return set_ldt(op->arg1.linear_addr, op->arg2.nr_ents, v);
	case MMUEXT_FLUSH_CACHE:
		if (!d->privileged)
			return -XEN_EACCES;
		asm volatile("wbinvd" : : : "memory");
		return 0;
	case MMUEXT_FLUSH_CACHE_GLOBAL:
		if (!d->privileged)
			return -XEN_EINVAL;
		asm volatile("wbinvd" : : : "memory");
		return 0;
	case MMUEXT_CLEAR_PAGE:
		return clear_or_copy(op->arg1.mfn, 0, false, d);
	case MMUEXT_COPY_PAGE:
		return clear_or_copy(op->arg1.mfn, op->arg2.src_mfn, true, d);
	case MMUEXT_NEW_USER_BASEPTR:
		return -XEN_EINVAL;          /* 64-bit guests only */
	case MMUEXT_MARK_SUPER:
	case MMUEXT_UNMARK_SUPER:
		return -XEN_EOPNOTSUPP;      /* Xen retired superpage marking */
	default:
		return -XEN_ENOSYS;
	}
}

HYPERCALL(mmuext_op)
{
	/* Xen's 32-bit entry does nothing for an empty batch: no foreigndom
	 * check, no *pdone. */
	if (a2 == 0)
		return 0;
	int rc = hypercall_foreigndom_ok((uint16_t)a4);
	if (rc < 0)
		return rc;
	return hypercall_batch(__HYPERVISOR_mmuext_op, a1, a2, a3, a4, a5, sizeof(struct mmuext_op),
			       one_op);
}
