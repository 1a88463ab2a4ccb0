/* Reading the hypervisor's clocks. Each record is written under a version
 * counter (odd while the hypervisor updates it): read until a stable even
 * version brackets the copy. */
#include "kernel/time.h"

#include "kernel/hypervisor.h"
#include "time/scale.h"
#include "pvabi/vcpu.h"

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

uint64_t time_now_ns(void)
{
	volatile struct vcpu_time_info *t = &vcpu0()->time;
	uint32_t version, mul;
	uint64_t stamp, system;
	int8_t shift;

	do {
		version = t->version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		stamp = t->tsc_timestamp;
		system = t->system_time;
		mul = t->tsc_to_system_mul;
		shift = t->tsc_shift;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != t->version);
	uint64_t now = rdtsc();
	/* The same conversion the hypervisor applies to its own clock. */
	const struct time_scale ts = { .shift = shift, .mul_frac = mul };
	return system + (now > stamp ? time_scale_apply(&ts, now - stamp) : 0);
}

void time_wallclock(uint64_t *sec, uint32_t *nsec)
{
	volatile struct shared_info *s = shared_info;
	uint32_t version, wc_nsec;
	uint64_t wc_sec;

	do {
		version = s->wc_version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		wc_sec = ((uint64_t)s->xen_wc_sec_hi << 32) | s->wc_sec;
		wc_nsec = s->wc_nsec;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != s->wc_version);
	/* The wall clock at system time 0, plus system time now. */
	uint64_t ns = time_now_ns() + wc_nsec;
	*sec = wc_sec + ns / 1000000000u;
	*nsec = (uint32_t)(ns % 1000000000u);
}

uint64_t time_running_ns(void)
{
	struct vcpu_runstate_info info;

	if (hypercall3(__HYPERVISOR_vcpu_op, VCPUOP_get_runstate_info, 0, ptr_arg(&info)) < 0)
		return 0;
	return info.time[RUNSTATE_running];
}
