/* __HYPERVISOR_iret (23): return from an exception or event handler, which
 * ring 1 cannot do with a plain iret when the event mask must change with it.
 * The hypercall page's iret stub pushes eax and traps; the guest stack then
 * holds eax, eip, cs, eflags and, returning to ring 3, esp and ss. */
#include "hypercall/hypercall.h"
#include "arch/arch.h"
#include "arch/x86/pv/pv.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "pvabi/mmu.h"
#include "pvabi/shared_info.h"
#include "sched/sched.h"

#define EFLAGS_IOPL  (3u << 12)
#define EFLAGS_VM    (1u << 17)

HYPERCALL(iret)
{
	struct cpu_regs *frame = guest_frame();
	struct vcpu *v = current;
	uint32_t f[4], tail[2];

	(void)a1;
	(void)a2;
	(void)a3;
	(void)a4;
	(void)a5;
	if (copy_from_guest(f, guest_ptr(frame->esp), sizeof(f)) < 0) {
		domain_destroy(v->d, "iret hypercall with an unreadable frame");
		return 0;
	}
	uint16_t cs = (uint16_t)f[2];
	if ((cs & 3) == 0 || !pv_fix_selector(&cs)) {
		domain_destroy(v->d, "iret hypercall to a hypervisor or ring-0 selector");
		return 0;
	}
	uint32_t esp = frame->esp + sizeof(f), ss = frame->ss;
	if ((cs & 3) == 3) {
		if (copy_from_guest(tail, guest_ptr(esp), sizeof(tail)) < 0) {
			domain_destroy(v->d, "iret hypercall to ring 3 with an unreadable stack");
			return 0;
		}
		uint16_t s = (uint16_t)tail[1];
		if ((s & 3) != 3 || !pv_fix_selector(&s)) {
			domain_destroy(v->d, "iret hypercall to ring 3 with a bad stack selector");
			return 0;
		}
		esp = tail[0];
		ss = s;
	}
	frame->eax = f[0];
	frame->eip = f[1];
	frame->cs = cs;
	frame->eflags = (f[3] & ~(EFLAGS_IOPL | EFLAGS_VM)) | EFLAGS_IF;
	frame->esp = esp;
	frame->ss = ss;
	/* Under architectural_iopl the guest sets its virtual IOPL as a
	 * kernel sets its IOPL: in the eflags it returns with. */
	if (v->arch.vm_assist & (1u << VMASST_TYPE_architectural_iopl))
		v->arch.iopl = (f[3] & EFLAGS_IOPL) >> 12;
	/* The event mask follows the IF the guest asked to return with. */
	v->d->shared_info->vcpu_info[v->id].evtchn_upcall_mask = !(f[3] & EFLAGS_IF);
	return (int32_t)f[0];
}
