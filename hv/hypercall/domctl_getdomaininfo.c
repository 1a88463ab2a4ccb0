/* XEN_DOMCTL_getdomaininfo: what a toolstack lists. Domains are found by
 * id, the lowest at or above the one asked for, so that the caller can walk
 * them all (pvabi/domctl.h). */
#include "hypercall/domctl.h"
#include "domain/domain.h"
#include "lib/string.h"
#include "sched/sched.h"

/* Machine addresses are below 2^44 (the frame table's reach). */
#define GPADDR_BITS 44

static struct domain *at_or_above(uint16_t domid)
{
	struct domain *best = NULL;

	for (struct domain *d = domain_list; d; d = d->next)
		if (d->domid >= domid && (!best || d->domid < best->domid))
			best = d;
	return best;
}

static uint32_t flags_of(const struct domain *d)
{
	uint32_t f = 0;

	if (d->vcpu.runstate == RUNSTATE_RUNNING)
		f |= XEN_DOMINF_running;
	else if (d->vcpu.runstate == RUNSTATE_BLOCKED)
		f |= XEN_DOMINF_blocked;
	if (d->state == DOMAIN_SHUTDOWN)
		f |= XEN_DOMINF_shutdown |
		     ((uint32_t)(d->shutdown_code & XEN_DOMINF_shutdownmask)
		      << XEN_DOMINF_shutdownshift);
	if (d->pause_count)
		f |= XEN_DOMINF_paused;
	/* As Xen: dying only while it is taken apart, which no one sees here. */
	if (d->state == DOMAIN_DEAD)
		f |= XEN_DOMINF_dying;
	return f;
}

int domctl_getdomaininfo(struct xen_domctl *dc)
{
	struct xen_domctl_getdomaininfo *info = &dc->u.getdomaininfo;

	/* As Xen: a reserved id (DOMID_SELF and up) names no domain to start
	 * from. */
	if (dc->domain >= DOMID_FIRST_RESERVED)
		return -XEN_EINVAL;
	struct domain *d = at_or_above(dc->domain);
	if (!d)
		return -XEN_ESRCH;
	memset(info, 0, sizeof(*info));
	dc->domain = d->domid;
	info->domain = d->domid;
	info->flags = flags_of(d);
	info->tot_pages = domain_pages(d);
	info->max_pages = d->max_pages;
	info->shared_info_frame = d->shared_info_mfn;
	info->cpu_time = runstate_ns(&d->vcpu, RUNSTATE_RUNNING);
	info->nr_online_vcpus = 1;
	info->max_vcpu_id = 0;
	info->gpaddr_bits = GPADDR_BITS;
	/* Xen's toolstack keeps a UUID here; ringlet's builder has only the
	 * name, which dom0 needs for the store (DOMCTL-3). */
	memcpy(info->handle, d->name, strnlen(d->name, sizeof(info->handle)));
	return 0;
}
