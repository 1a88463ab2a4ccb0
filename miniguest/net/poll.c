/* poll and select over every kind of descriptor at once: each asks the
 * open files (fd_poll), then sleeps until something that can make one
 * ready (console input, a pipe, a socket event: fs_wake) or the timeout. */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <sys/select.h>

#include "kernel/console.h"
#include "kernel/time.h"
#include "libc/fd.h"
#include "libc/fs_ops.h"

/* What fd is ready for of events (FD_POLL*); -1 for a bad descriptor. The
 * console's input is the kernel's to tell. */
static int ready_for(int fd, int events)
{
	struct fd_file *f = fd_get(fd);
	int ready;

	if (!f)
		return -1;
	ready = fd_poll(f, events);
	if ((events & FD_POLLIN) && fs_isatty(fd) == 1 && console_readable())
		ready |= FD_POLLIN;
	return ready;
}

struct poll_set {
	struct pollfd *fds;
	nfds_t n;
	int count;              /* descriptors with revents */
};

static int poll_scan(void *arg)
{
	struct poll_set *p = arg;

	p->count = 0;
	for (nfds_t i = 0; i < p->n; i++) {
		struct pollfd *q = &p->fds[i];
		int want = 0, r;

		q->revents = 0;
		if (q->fd < 0)
			continue;
		if (q->events & (POLLIN | POLLRDNORM))
			want |= FD_POLLIN;
		if (q->events & (POLLOUT | POLLWRNORM))
			want |= FD_POLLOUT;
		r = ready_for(q->fd, want);
		if (r < 0)
			q->revents = POLLNVAL;
		else
			q->revents = (short)(((r & FD_POLLIN) ? q->events & (POLLIN | POLLRDNORM) : 0) |
					     ((r & FD_POLLOUT) ? q->events & (POLLOUT | POLLWRNORM) : 0) |
					     ((r & FD_POLLERR) ? POLLERR : 0) |
					     ((r & FD_POLLHUP) ? POLLHUP : 0));
		if (q->revents)
			p->count++;
	}
	return p->count > 0;
}

/* The deadline of a wait of ms milliseconds: 0 for none (ms < 0), 1 (long
 * past) for no wait at all. */
static uint64_t deadline_ms(int64_t ms)
{
	if (ms < 0)
		return 0;
	if (ms == 0)
		return 1;
	return time_now_ns() + (uint64_t)ms * 1000000;
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	struct poll_set p = { fds, nfds, 0 };

	if (nfds > FD_MAX * 4) {
		errno = EINVAL;
		return -1;
	}
	if (!fds && nfds) {
		errno = EFAULT;
		return -1;
	}
	fs_wait_until(poll_scan, &p, deadline_ms(timeout));
	return p.count;
}

struct select_set {
	int n;
	fd_set *sets[3], found[3];
	int count;
	int bad;
};

static int select_scan(void *arg)
{
	static const int bit[3] = { FD_POLLIN, FD_POLLOUT, 0 };
	struct select_set *s = arg;

	s->count = 0;
	for (int k = 0; k < 3; k++)
		FD_ZERO(&s->found[k]);
	for (int fd = 0; fd < s->n; fd++) {
		int want = 0, r;

		for (int k = 0; k < 3; k++)
			if (s->sets[k] && FD_ISSET(fd, s->sets[k]))
				want |= bit[k] | FD_POLLERR;
		if (!want)
			continue;
		r = ready_for(fd, want & (FD_POLLIN | FD_POLLOUT));
		if (r < 0) {
			s->bad = 1;
			return 1;
		}
		for (int k = 0; k < 2; k++)
			if (s->sets[k] && FD_ISSET(fd, s->sets[k]) &&
			    (r & (bit[k] | FD_POLLERR | FD_POLLHUP))) {
				FD_SET(fd, &s->found[k]);
				s->count++;
			}
	}
	return s->count > 0;
}

int select(int n, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv)
{
	struct select_set s = { .n = n, .sets = { rd, wr, ex } };
	int64_t ms = -1;

	if (n < 0 || n > FD_SETSIZE || (tv && (tv->tv_sec < 0 || tv->tv_usec < 0 ||
					       tv->tv_usec >= 1000000))) {
		errno = EINVAL;
		return -1;
	}
	if (tv)     /* beyond ~31 years is as good as forever */
		ms = (tv->tv_sec > 1000000000 ? 1000000000 : (int64_t)tv->tv_sec) * 1000 +
		     (tv->tv_usec + 999) / 1000;
	fs_wait_until(select_scan, &s, deadline_ms(ms));
	if (s.bad) {
		errno = EBADF;
		return -1;
	}
	for (int k = 0; k < 3; k++)
		if (s.sets[k])
			*s.sets[k] = s.found[k];
	return s.count;
}
