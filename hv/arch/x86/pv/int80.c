/* int $0x80 from ring 3, the guest's system call: a long-mode gate cannot
 * lead into ring 1, so it comes to the hypervisor, which bounces it to the
 * guest's handler. entry.S does that without C when nothing else is due
 * (int80_fast says where to go); pv_soft_interrupt() does it otherwise. */
#include "arch/x86/pv/int80.h"
#include "arch/x86/layout.h"
#include "arch/x86/pv/pv.h"
#include "domain/domain.h"
#include "pvabi/shared_info.h"

struct int80_fast int80_fast;

void pv_int80_refresh(struct vcpu *v)
{
	const struct pv_trap *t = &v->arch.traps[0x80];

	int80_fast = (struct int80_fast){ 0 };
	/* The fast path honours no event mask on entry and needs a stack
	 * that takes the frame below the hole without wrapping. */
	if (!t->address || TRAP_DPL(t) != 3 || TRAP_MASKS(t) || !v->arch.kernel_ss ||
	    v->arch.kernel_sp < 20 || v->arch.kernel_sp > HOLE_START)
		return;
	int80_fast = (struct int80_fast){
		.eip = t->address, .cs = t->cs, .ss = v->arch.kernel_ss,
		.sp = v->arch.kernel_sp,
		.vcpu_info = &v->d->shared_info->vcpu_info[v->id],
		.in_failsafe = &v->arch.in_failsafe,
	};
}

void pv_int80_forget(void)
{
	int80_fast = (struct int80_fast){ 0 };
}
