/* Pausing a domain for the toolstack. A paused vCPU is off the run queue
 * (offline, so its CPU time stands still) or stays blocked, and the
 * scheduler wakes no paused vCPU (sched_wake): the events it is sent stay
 * pending, and unpausing looks at them. */
#include "domain/domain.h"
#include "pvabi/domctl.h"
#include "pvabi/errno.h"
#include "pvabi/shared_info.h"
#include "sched/sched.h"
#include "time/timer.h"

int domain_pause(struct domain *d)
{
	if (d->pause_count >= RINGLET_PAUSE_MAX)
		return -XEN_EOVERFLOW;
	if (d->pause_count++ == 0 && d->vcpu.runstate == RUNSTATE_RUNNABLE)
		sched_remove(&d->vcpu);
	return 0;
}

int domain_unpause(struct domain *d)
{
	if (d->pause_count == 0)
		return -XEN_EINVAL;
	if (--d->pause_count || d->state != DOMAIN_RUNNING)
		return 0;
	/* Blocked, it wakes for an event that came while it was paused; a
	 * poll (whose timeout may have passed meanwhile) ends, as a poll may
	 * end early. */
	struct vcpu *v = &d->vcpu;
	const struct vcpu_info *vi = &d->shared_info->vcpu_info[v->id];
	if (v->runstate == RUNSTATE_OFFLINE ||
	    (v->runstate == RUNSTATE_BLOCKED && (vi->evtchn_upcall_pending || v->polling))) {
		v->polling = false;
		timer_cancel(&v->poll_timer);
		sched_wake(v);
	}
	return 0;
}
