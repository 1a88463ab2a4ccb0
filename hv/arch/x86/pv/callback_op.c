/* __HYPERVISOR_callback_op (30): set_callbacks one callback at a time, as
 * Xen answers a 32-bit PV guest. Event and failsafe go where set_callbacks
 * puts them (and cannot be unregistered); the NMI callback is vector 2 of
 * the virtual IDT, as on Xen; syscall32 and sysenter, the entries of
 * 32-bit applications on a 64-bit Xen, are accepted and not used: ring 3
 * has no SYSCALL or SYSENTER path here. Other types are -XEN_ENOSYS, other
 * commands -XEN_EINVAL. The failsafe callback masks events on entry only
 * when registered with CALLBACKF_mask_events. */
#include "hypercall/hypercall.h"
#include "arch/x86/pv/pv.h"
#include "arch/x86/selectors.h"
#include "arch/x86/uaccess.h"
#include "domain/domain.h"
#include "pvabi/callback.h"
#include "sched/sched.h"

#define TI_IF 4                          /* struct trap_info flags: leave events on */

static int32_t register_one(const struct callback_register *r)
{
	struct arch_vcpu *a = &current->arch;
	uint16_t cs;

	switch (r->type) {
	case CALLBACKTYPE_nmi:
		/* Xen takes the address only, on the kernel's code selector. */
		a->traps[VEC_NMI] = (struct pv_trap){ r->address.eip, FLAT_RING1_CS, TI_IF };
		return 0;
	case CALLBACKTYPE_event: case CALLBACKTYPE_failsafe:
	case CALLBACKTYPE_syscall32: case CALLBACKTYPE_sysenter:
		break;
	default:
		return -XEN_ENOSYS;
	}
	if (!pv_callback_selector(r->address.cs, &cs))
		return -XEN_EPERM;
	if (r->type == CALLBACKTYPE_event) {
		a->event_cs = cs;
		a->event_eip = r->address.eip;
	} else if (r->type == CALLBACKTYPE_failsafe) {
		a->failsafe_cs = cs;
		a->failsafe_eip = r->address.eip;
		/* set_callbacks leaves this as it was, as on Xen. */
		a->failsafe_masks = r->flags & CALLBACKF_mask_events;
	}
	return 0;
}

static int32_t unregister_one(const struct callback_unregister *u)
{
	switch (u->type) {
	case CALLBACKTYPE_nmi:
		current->arch.traps[VEC_NMI] = (struct pv_trap){ 0 };
		return 0;
	case CALLBACKTYPE_event: case CALLBACKTYPE_failsafe:
	case CALLBACKTYPE_syscall32: case CALLBACKTYPE_sysenter:
		return -XEN_EINVAL;
	default:
		return -XEN_ENOSYS;
	}
}

HYPERCALL(callback_op)
{
	(void)a3;
	(void)a4;
	(void)a5;
	if (a1 == CALLBACKOP_register) {
		struct callback_register r;
		if (copy_from_guest(&r, guest_ptr(a2), sizeof(r)) < 0)
			return -XEN_EFAULT;
		return register_one(&r);
	}
	if (a1 == CALLBACKOP_unregister) {
		struct callback_unregister u;
		if (copy_from_guest(&u, guest_ptr(a2), sizeof(u)) < 0)
			return -XEN_EFAULT;
		return unregister_one(&u);
	}
	return -XEN_EINVAL;
}
