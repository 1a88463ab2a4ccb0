/* Time: the wall clock and the hypervisor's system time (kernel/time.h),
 * and sleeping, which blocks only the calling thread. */
#include <errno.h>
#include <stdint.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "kernel/thread.h"
#include "fs_ops.h"
#include "kernel/time.h"

int gettimeofday(struct timeval *tv, void *tz)
{
	uint64_t sec;
	uint32_t nsec;

	(void)tz;
	if (tv) {
		time_wallclock(&sec, &nsec);
		tv->tv_sec = (time_t)sec;
		tv->tv_usec = (suseconds_t)(nsec / 1000);
	}
	return 0;
}

int clock_gettime(clockid_t id, struct timespec *ts)
{
	uint64_t sec, ns;
	uint32_t nsec;

	if (id == CLOCK_REALTIME) {
		time_wallclock(&sec, &nsec);
	} else if (id == CLOCK_MONOTONIC) {
		ns = time_now_ns();
		sec = ns / 1000000000u;
		nsec = (uint32_t)(ns % 1000000000u);
	} else {
		errno = EINVAL;
		return -1;
	}
	ts->tv_sec = (time_t)sec;
	ts->tv_nsec = (long)nsec;
	return 0;
}

int clock_getres(clockid_t id, struct timespec *res)
{
	if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC) {
		errno = EINVAL;
		return -1;
	}
	if (res) {
		res->tv_sec = 0;
		res->tv_nsec = 1;
	}
	return 0;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	if (!req || req->tv_nsec < 0 || req->tv_nsec >= 1000000000 || req->tv_sec < 0) {
		errno = EINVAL;
		return -1;
	}
	thread_sleep_ns((uint64_t)req->tv_sec * 1000000000u + (uint64_t)req->tv_nsec);
	if (rem) {
		rem->tv_sec = 0;
		rem->tv_nsec = 0;
	}
	return 0;
}

int usleep(useconds_t us)
{
	thread_sleep_ns((uint64_t)us * 1000u);
	return 0;
}

unsigned sleep(unsigned seconds)
{
	thread_sleep_ns((uint64_t)seconds * 1000000000u);
	return 0;
}

/* User time is the time the vCPU has spent running (the hypervisor's
 * runstate record); the return value counts from the hypervisor's boot. */
clock_t times(struct tms *buf)
{
	const uint64_t ns_per_tick = 1000000000u / CLOCKS_PER_SEC;

	if (buf) {
		buf->tms_utime = (clock_t)(time_running_ns() / ns_per_tick);
		buf->tms_stime = 0;
		buf->tms_cutime = 0;
		buf->tms_cstime = 0;
	}
	return (clock_t)(time_now_ns() / ns_per_tick);
}

long fs_now(void)
{
	uint64_t sec;
	uint32_t nsec;

	time_wallclock(&sec, &nsec);
	return (long)sec;
}
