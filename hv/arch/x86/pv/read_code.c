/* The bytes of a guest's instruction stream at cs:eip, for the few traps
 * the hypervisor must decode, and the base of a guest's segment. A
 * guest's segment may have a base of its own (a descriptor in its GDT);
 * the hypervisor's flat ones start at 0. */
#include "arch/arch.h"
#include "arch/x86/pv/pv.h"
#include "arch/x86/selectors.h"
#include "arch/x86/uaccess.h"

int pv_seg_base(const struct vcpu *v, uint16_t sel, uint32_t *base)
{
	unsigned index = SEL_INDEX(sel);

	*base = 0;
	if (sel & 4)
		return -1;                  /* no LDT is ever loaded */
	if (index < FIRST_RESERVED_GDT_ENTRY) {
		if (index >= v->arch.gdt_ents)
			return -1;
		/* The GDT area shows the running guest's descriptor frames. */
		const uint32_t *d = (const uint32_t *)(GDT_AREA_START + index * 8);
		*base = (d[0] >> 16) | ((d[1] & 0xff) << 16) | (d[1] & 0xff000000u);
	}
	return 0;
}

int pv_read_code(const struct vcpu *v, const struct cpu_regs *frame, void *buf, size_t len)
{
	uint32_t base;

	if (pv_seg_base(v, frame->cs & 0xffff, &base) < 0)
		return -1;
	return copy_from_guest(buf, guest_ptr(base + frame->eip), len);
}
