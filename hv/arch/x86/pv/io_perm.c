/* Whether a vCPU may run an I/O instruction, as Xen decides it: by its
 * virtual IOPL against its ring (the kernel counts as ring 1, or as ring 0
 * under VMASST_TYPE_architectural_iopl), or else by the I/O bitmap it
 * named with set_iobitmap, read afresh from guest memory each time. A
 * bitmap the hypervisor cannot read refuses the ports it would cover. */
#include "arch/x86/pv/pv.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "pvabi/mmu.h"

bool pv_iopl_ok(const struct vcpu *v, const struct cpu_regs *frame)
{
	unsigned ring = frame->cs & 3;

	if (ring != 3)
		ring = v->arch.vm_assist & (1u << VMASST_TYPE_architectural_iopl) ? 0 : 1;
	return ring <= v->arch.iopl;
}

bool pv_io_allowed(const struct vcpu *v, const struct cpu_regs *frame, uint32_t port,
		   unsigned len)
{
	uint8_t bits[2] = { 0xff, 0xff };

	if (pv_iopl_ok(v, frame))
		return true;
	if ((uint64_t)port + len > v->arch.iobmp_ports)
		return false;
	/* The two bytes that cover the access; the second may lie on a page
	 * that is not there (then it refuses). set_iobitmap keeps the whole
	 * bitmap below the hole, so this address cannot wrap. */
	guest_ptr_t at = guest_ptr(v->arch.iobmp_va + port / 8);
	if (copy_from_guest(bits, at, 2) < 0) {
		bits[1] = 0xff;
		if (copy_from_guest(bits, at, 1) < 0)
			return false;
	}
	uint32_t mask = bits[0] | (uint32_t)bits[1] << 8;
	return (mask & (((1u << len) - 1) << (port & 7))) == 0;
}
