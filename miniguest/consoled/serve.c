#include <stdio.h>

#include "consoled/conn.h"
#include "console/ring_copy.h"
#include "kernel/events.h"
#include "kernel/hypervisor.h"

bool consoled_serve(struct conn *c)
{
	volatile struct xencons_interface *r = conn_ring(c);
	char buf[CONSOLED_BUDGET];

	if (c->broken)
		return false;
	uint32_t cons = r->out_cons, prod = r->out_prod;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	/* Copied out first: the domain may rewrite the ring while we read. */
	int n = ring_take(r->out, sizeof(r->out), cons, prod, buf, sizeof(buf));
	if (n < 0) {
		c->broken = true;
		printf("consoled: domain %u: its console ring's indices are %u apart; "
		       "its console is dropped\n", c->dom, prod - cons);
		return false;
	}
	if (n == 0)
		return false;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	r->out_cons = cons + (uint32_t)n;
	evtchn_notify(c->port);
	hypercall4(__HYPERVISOR_console_io, CONSOLEIO_ringlet_write_as, (uint32_t)n,
		   (uint32_t)(uintptr_t)buf, c->dom);
	return prod - (cons + (uint32_t)n) != 0;
}
