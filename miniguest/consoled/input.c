#include "consoled/conn.h"
#include "consoled/consoled.h"
#include "console/ring_copy.h"
#include "kernel/console.h"
#include "kernel/events.h"

/* The live console of dom, or with dom -1 the focus's. */
static struct conn *conn_for(int dom)
{
	if (dom < 0)
		return consoled_focus();
	for (unsigned i = 0; i < CONSOLED_MAX_CONNS; i++) {
		struct conn *c = &consoled_conns[i];
		if (c->live && !c->broken && c->dom == dom)
			return c;
	}
	return 0;
}

/* Puts the bytes on dom's in side (conn_for) as room comes; bytes for a
 * domain that ends or breaks its ring are dropped. false when it has no
 * console here. */
static bool give(int dom, const char *p, uint32_t n)
{
	if (!conn_for(dom))
		return false;
	while (n) {
		unsigned seen = consoled_kicks;
		struct conn *c = conn_for(dom);
		if (!c)
			return true;
		volatile struct xencons_interface *r = conn_ring(c);
		uint32_t cons = r->in_cons, prod = r->in_prod;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		int k = ring_put(r->in, sizeof(r->in), cons, prod, p, n);
		if (k < 0)
			return true;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		r->in_prod = prod + (uint32_t)k;
		evtchn_notify(c->port);
		p += k;
		n -= (uint32_t)k;
		if (n)
			consoled_wait(seen, 100000000u);
	}
	return true;
}

bool consoled_type(uint16_t dom, const char *p, uint32_t n)
{
	return give(dom, p, n);
}

void consoled_input(void *arg)
{
	char buf[256];

	(void)arg;
	for (;;) {
		long n = console_read(buf, sizeof(buf));
		if (n <= 0)
			return;
		give(-1, buf, (uint32_t)n);
	}
}
