/* Keeping system time on the platform timer. The TSC's rate is measured
 * at start of day over a few milliseconds; a host that is busy then can
 * leave it off. So every second the TSC is measured again against the
 * platform timer, over all the time since the first reading, and the clock
 * takes that rate, bent so that it meets platform time again a second
 * later (time/calib.c). Every vCPU's time record is refreshed in the same
 * interrupt, so no guest sees its clock step or run backwards. */
#include "time/discipline.h"
#include "arch/arch.h"
#include "console/log.h"
#include "domain/domain.h"
#include "time/calib.h"
#include "time/clock.h"
#include "time/guest_time.h"
#include "time/timer.h"

#define EPOCH_NS   1000000000ull

static struct timer epoch;
static struct time_scale platform;     /* platform ticks to ns */
static uint64_t platform_hz;
static uint64_t p_first, tsc_first, ns_first;   /* the first reading */
struct discipline_stats discipline;

static void epoch_elapsed(struct timer *t)
{
	uint64_t tsc, p = arch_platform_read(&tsc);
	uint64_t truth = ns_first + time_scale_apply(&platform, p - p_first);
	int64_t err = (int64_t)(truth - clock_ns_at(tsc));

	if (p > p_first && tsc > tsc_first) {
		uint64_t hz = calib_rate(tsc - tsc_first, p - p_first, platform_hz);
		uint64_t bent = calib_bend(hz, err, EPOCH_NS);
		if (bent) {
			clock_rescale(tsc, bent);
			for (struct domain *d = domain_list; d; d = d->next)
				if (d->shared_info)
					guest_time_update(&d->vcpu);
		}
		discipline.tsc_hz = hz;
	}
	discipline.epochs++;
	discipline.last_error_ns = err;
	timer_set(t, clock_ns() + EPOCH_NS);
}

void discipline_start(void)
{
	platform_hz = arch_platform_hz();
	if (!platform_hz) {
		log_warn("no platform timer: system time keeps the start-of-day TSC rate");
		return;
	}
	time_scale_init(&platform, platform_hz);
	p_first = arch_platform_read(&tsc_first);
	ns_first = clock_ns_at(tsc_first);
	epoch.fn = epoch_elapsed;
	timer_set(&epoch, clock_ns() + EPOCH_NS);
}
