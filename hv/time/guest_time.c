#include "time/guest_time.h"
#include "arch/arch.h"
#include "domain/domain.h"
#include "event/evtchn.h"
#include "sched/sched.h"
#include "pvabi/shared_info.h"
#include "time/clock.h"

#define barrier() asm volatile("" : : : "memory")

void guest_time_update(struct vcpu *v)
{
	struct vcpu_time_info *t = &v->d->shared_info->vcpu_info[v->id].time;
	const struct time_scale *sc = clock_tsc_scale();

	t->version++;                          /* odd: being written */
	barrier();
	uint64_t tsc = rdtsc();
	t->tsc_timestamp = tsc;
	t->system_time = clock_ns_at(tsc);
	t->tsc_to_system_mul = sc->mul_frac;
	t->tsc_shift = sc->shift;
	barrier();
	t->version++;                          /* even: consistent */
}

void guest_wallclock_init(struct domain *d)
{
	struct shared_info *s = d->shared_info;

	s->wc_version++;
	barrier();
	s->wc_sec = wallclock_at_entry < 0 ? 0 : (uint32_t)wallclock_at_entry;
	s->wc_nsec = 0;
	barrier();
	s->wc_version++;
}

static void timer_fired(struct timer *t)
{
	struct vcpu *v = (struct vcpu *)((char *)t - __builtin_offsetof(struct vcpu, timer));

	guest_time_update(v);
	send_virq(v->d, VIRQ_TIMER);
}

static void poll_expired(struct timer *t)
{
	struct vcpu *v = (struct vcpu *)((char *)t - __builtin_offsetof(struct vcpu, poll_timer));

	if (v->polling) {
		v->polling = false;
		sched_wake(v);
	}
}

static void period_elapsed(struct timer *t)
{
	struct vcpu *v = (struct vcpu *)((char *)t - __builtin_offsetof(struct vcpu, periodic_timer));

	guest_time_update(v);
	send_virq(v->d, VIRQ_TIMER);

	uint64_t next = t->expires + v->period_ns, now = clock_ns();

	/* Periods missed while the host was away are not caught up one by
	 * one: that would be unbounded work in one interrupt. */
	timer_set(t, next > now ? next : now + v->period_ns);
}

void guest_timer_init(struct vcpu *v)
{
	v->timer.fn = timer_fired;
	v->periodic_timer.fn = period_elapsed;
	v->poll_timer.fn = poll_expired;
}
