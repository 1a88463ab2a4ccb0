/* __HYPERVISOR_set_gdt (2): the guest's own GDT, up to 14 pages of
 * descriptors (the last two pages belong to the hypervisor). Every frame is
 * checked and typed as a descriptor table, so the guest can no longer write
 * it directly; update_descriptor changes one entry at a time. */
#include "hypercall/hypercall.h"
#include "arch/x86/pv/pagetype.h"
#include "arch/x86/pv/pv.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "pvabi/arch_x86_32.h"
#include "sched/sched.h"

HYPERCALL(set_gdt)
{
	struct vcpu *v = current;
	uint32_t entries = a2, mfns[GUEST_GDT_PAGES];

	(void)a3;
	(void)a4;
	(void)a5;
	if (entries > FIRST_RESERVED_GDT_ENTRY)
		return -XEN_EINVAL;
	uint32_t pages = (entries + 511) / 512;
	if (copy_from_guest(mfns, guest_ptr(a1), pages * sizeof(uint32_t)) < 0)
		return -XEN_EFAULT;
	for (uint32_t i = 0; i < pages; i++) {
		int rc = get_page_and_type(mfns[i], v->d, FT_SEG_DESC);
		if (rc < 0) {
			while (i-- > 0)
				put_page_and_type(mfns[i]);
			return rc;
		}
	}
	for (uint32_t i = 0; i * 512 < v->arch.gdt_ents; i++)
		put_page_and_type(v->arch.gdt_mfns[i]);
	memcpy(v->arch.gdt_mfns, mfns, pages * sizeof(uint32_t));
	v->arch.gdt_ents = entries;
	pv_show_gdt(v);
	return 0;
}
