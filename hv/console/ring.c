#include "console/ring.h"
#include "arch/arch.h"
#include "console/console.h"
#include "console/filter.h"
#include "console/input.h"
#include "console/log.h"
#include "console/ring_copy.h"
#include "domain/domain.h"
#include "grant/grant.h"
#include "hypercall/budget.h"
#include "mm/mm.h"
#include "pvabi/console.h"

#define CHUNK 256

void console_ring_attach(struct domain *d, uint32_t mfn, uint32_t port)
{
	d->cons.mfn = mfn;
	d->cons.port = port;
	d->cons.broken = false;
}

static void drop(struct domain *d, const char *why)
{
	d->cons.broken = true;
	log_warn("domain %u (%s): console ring %s; the hypervisor no longer serves it",
		 d->domid, d->name, why);
}

/* The page as the guest's own plain page, referenced while it is read: it
 * may have been given back, or made a page table, since it was built. The
 * same claim a grant of it takes. */
static struct xencons_interface *claim(struct domain *d)
{
	return grant_get_frame(d->cons.mfn, d, false) ? map_frame(d->cons.mfn) : 0;
}

static void unclaim(struct domain *d, struct xencons_interface *c)
{
	unmap_frame(c);
	grant_put_frame(d->cons.mfn, false);
}

/* At most one ring's worth, whatever the guest does meanwhile. */
static int drain(struct domain *d, volatile struct xencons_interface *c)
{
	char chunk[CHUNK];
	uint32_t done = 0;

	while (done < sizeof(c->out)) {
		uint32_t cons = c->out_cons, prod = c->out_prod;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		int n = ring_take(c->out, sizeof(c->out), cons, prod, chunk, CHUNK);
		if (n <= 0)
			return n;
		budget_charge(CHUNK / 32);
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		c->out_cons = cons + (uint32_t)n;
		console_guest_write(d, d->label, d->label_len, chunk,
				    console_filter(chunk, (size_t)n));
		done += (uint32_t)n;
	}
	return 0;
}

/* Serial input into the in side, as much as fits: the bytes given, or -1
 * when its indices are garbage. */
static int feed(volatile struct xencons_interface *c)
{
	char chunk[sizeof(c->in)];
	uint32_t cons = c->in_cons, prod = c->in_prod, used = prod - cons;

	if (used > sizeof(c->in))
		return -1;
	size_t n = console_input_take(chunk, sizeof(c->in) - used);
	if (n == 0)
		return 0;
	ring_put(c->in, sizeof(c->in), cons, prod, chunk, (uint32_t)n);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	c->in_prod = prod + (uint32_t)n;
	return (int)n;
}

static bool served(struct domain *d)
{
	struct evtchn *e = d->cons.mfn ? evtchn_lookup(d, d->cons.port) : 0;

	return e && e->state == EVTCHNSTAT_unbound && !d->cons.broken &&
	       d->state == DOMAIN_RUNNING;
}

/* The focus: the last domain built whose ring is served. */
static struct domain *focus(void)
{
	struct domain *best = 0;

	for (struct domain *d = domain_list; d; d = d->next)
		if (served(d) && (!best || d->domid > best->domid))
			best = d;
	return best;
}

static void serve(struct domain *d, bool input)
{
	struct xencons_interface *c = claim(d);

	if (!c) {
		drop(d, "page is no longer a plain page of the domain's");
		return;
	}
	int out = input ? 0 : drain(d, c);
	int in = input || focus() == d ? feed(c) : 0;
	unclaim(d, c);
	if (out < 0 || in < 0)
		drop(d, "indices are more than the ring apart");
	else if (!input || in > 0)
		evtchn_set_pending(d, d->cons.port);   /* as a backend answers */
}

void console_ring_kick(struct domain *d, uint32_t port)
{
	if (port == d->cons.port && served(d))
		serve(d, false);
}

void console_ring_input(void)
{
	struct domain *d = focus();

	if (d)
		serve(d, true);
}
