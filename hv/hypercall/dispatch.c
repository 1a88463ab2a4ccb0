/* Running a hypercall, and continuing one that gave the CPU back. A
 * continuation makes the guest issue the call again, with arguments that
 * say how far it got; inside a multicall it rewrites the entry instead, and
 * the multicall continues at that entry (hypercall/multicall.c). */
#include "hypercall/hypercall.h"
#include "hypercall/budget.h"
#include "hypercall/trace.h"
#include "arch/x86/pv/pagetype.h"
#include "arch/x86/pv/pv.h"
#include "domain/domain.h"
#include "sched/sched.h"

static bool continued;
static unsigned multicall_depth;
static struct nested_continuation nested;

static int32_t call(uint32_t nr, const uint32_t a[5])
{
	int32_t rc;

	if (nr >= NR_HYPERCALLS || !hypercall_table[nr])
		return -XEN_ENOSYS;
	/* Page tables the domain let go of are taken apart before it may ask
	 * for anything else: they may hold the very frames it asks for. */
	struct domain *d = current->d;
	rc = d->devalidate_nr ? pt_devalidate_queued(d) : 0;
	if (rc == 0)
		rc = hypercall_table[nr](a[0], a[1], a[2], a[3], a[4]);
	/* A call that had to wait for work it cannot carry out in this turn
	 * asks again, with the same arguments. */
	if (rc == -XEN_ERESTART)
		rc = hypercall_continue(nr, a[0], a[1], a[2], a[3], a[4]);
	return rc;
}

int32_t hypercall_call(uint32_t nr, const uint32_t a[5])
{
	int32_t rc = call(nr, a);

	/* A continued call is logged and counted once, when it ends. */
	if (rc != HYPERCALL_CONTINUED && current) {
		hypercall_trace(current->d, nr, a, rc);
		current->d->acct.hypercalls++;
	}
	return rc;
}

int32_t hypercall_call_nested(uint32_t nr, const uint32_t a[5], struct nested_continuation *c)
{
	multicall_depth++;
	nested.pending = false;
	int32_t rc = hypercall_call(nr, a);
	multicall_depth--;
	*c = nested;
	nested.pending = false;
	return rc;
}

void hypercall_dispatch(struct cpu_regs *regs)
{
	uint32_t args[5] = { regs->ebx, regs->ecx, regs->edx, regs->esi, regs->edi };

	continued = false;
	budget_start();
	int32_t rc = hypercall_call(regs->eax, args);
	budget_stop();
	if (!continued)
		regs->eax = (uint32_t)rc;
}

int32_t hypercall_continue(uint32_t nr, uint32_t a1, uint32_t a2, uint32_t a3, uint32_t a4,
			   uint32_t a5)
{
	if (multicall_depth) {
		nested = (struct nested_continuation){ .pending = true, .nr = nr,
						       .args = { a1, a2, a3, a4, a5 } };
		return HYPERCALL_CONTINUED;
	}
	struct cpu_regs *regs = guest_frame();

	regs->eip -= 2;                /* back onto "int $0x82" */
	regs->eax = nr;
	regs->ebx = a1;
	regs->ecx = a2;
	regs->edx = a3;
	regs->esi = a4;
	regs->edi = a5;
	continued = true;
	return HYPERCALL_CONTINUED;
}
