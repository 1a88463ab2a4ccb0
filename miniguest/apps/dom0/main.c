/* dom0 of the default demo: says which domains are up, reports each one
 * that ends (VIRQ_DOM_EXC) and powers off once it is the last domain, so
 * the hypervisor stops when the demo is over.
 *
 * There is no domain-info call yet, so dom0 asks whether domain d exists
 * with a request that cannot succeed: binding to port 0 of d fails with
 * ESRCH when d does not exist and with another error when it does. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "kernel/events.h"
#include "kernel/hypervisor.h"
#include "kernel/thread.h"
#include "kernel/time.h"

#define MAX_DOMID 64

static struct thread *waiter;
static volatile unsigned domain_events;

static bool domain_exists(domid_t d)
{
	struct evtchn_bind_interdomain op = { .remote_dom = d, .remote_port = 0 };

	return hypercall_evtchn_op(EVTCHNOP_bind_interdomain, &op) != -XEN_ESRCH;
}

static unsigned count_others(bool print)
{
	unsigned n = 0;

	for (domid_t d = 1; d < MAX_DOMID; d++) {
		if (!domain_exists(d))
			continue;
		if (print)
			printf("dom0: domain %u is running\n", d);
		n++;
	}
	return n;
}

static void domain_ended(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	domain_events++;
	thread_wake(waiter);
}

int main(void)
{
	waiter = thread_current();
	if (evtchn_bind_virq(VIRQ_DOM_EXC, domain_ended, 0) < 0) {
		printf("dom0: cannot bind VIRQ_DOM_EXC: this is not the control domain\n");
		return 1;
	}
	unsigned left = count_others(true);
	printf("dom0: up; waiting for %u other domain(s) to end\n", left);
	while (left) {
		unsigned seen = domain_events;
		/* A domain that ended before the bind sent no event: look again
		 * every half second as well. */
		uint64_t deadline = time_now_ns() + 500000000u;
		while (domain_events == seen && time_now_ns() < deadline)
			thread_sleep_until(deadline);
		unsigned now = count_others(false);
		if (now < left)
			printf("dom0: %u domain(s) ended, %u left\n", left - now, now);
		left = now;
	}
	printf("dom0: the last domain ended; powering off\n");
	return 0;
}
