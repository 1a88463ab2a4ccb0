#include "consoled/conn.h"
#include "console/ring_copy.h"
#include "kernel/console.h"
#include "kernel/events.h"

/* Puts the bytes on the focus's in side as room comes; bytes for a domain
 * that ends or breaks its ring are dropped. */
static void give(const char *p, uint32_t n)
{
	while (n) {
		unsigned seen = consoled_kicks;
		struct conn *c = consoled_focus();
		if (!c)
			return;
		volatile struct xencons_interface *r = conn_ring(c);
		uint32_t cons = r->in_cons, prod = r->in_prod;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		int k = ring_put(r->in, sizeof(r->in), cons, prod, p, n);
		if (k < 0)
			return;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		r->in_prod = prod + (uint32_t)k;
		evtchn_notify(c->port);
		p += k;
		n -= (uint32_t)k;
		if (n)
			consoled_wait(seen, 100000000u);
	}
}

void consoled_input(void *arg)
{
	char buf[256];

	(void)arg;
	for (;;) {
		long n = console_read(buf, sizeof(buf));
		if (n <= 0)
			return;
		give(buf, (uint32_t)n);
	}
}
