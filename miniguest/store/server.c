/* The store's server, run in domain 0: it finds the other domains as a
 * toolstack does (getdomaininfo), writes each one's home, maps its store
 * page by grant (GNTTAB_RESERVED_XENSTORE), binds its store port (its
 * first, BOOT-18), introduces it to the store and answers what arrives on
 * its ring. A domain that is gone is released.
 *
 * Output waits in a queue per domain while its ring is full; requests are
 * read only while that queue has room for two whole messages, and a watch
 * event that finds it full is dropped (and counted): a domain that does not
 * read its ring slows only itself. */
#include <stdio.h>
#include <string.h>

#include "kernel/grant.h"
#include "kernel/hypervisor.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "pvabi/grant_table.h"
#include "store/reader.h"
#include "store/ring.h"
#include "store/server.h"
#include "store/store.h"

#define MAX_CONNS  32
#define MSG_MAX    (sizeof(struct xsd_sockmsg) + XENSTORE_PAYLOAD_MAX)
#define QUEUE      (4 * MSG_MAX)

struct conn {
	uint16_t dom;
	bool live, broken, seen;
	evtchn_port_t port;
	struct grant_mapping page;
	struct xs_reader rd;
	uint32_t queued;
	char queue[QUEUE];
};

static struct conn conns[MAX_CONNS];
static struct store *store;
static struct waitqueue wq;
static unsigned requests, dropped;
static volatile unsigned kicks;
/* Domain 0's own requests: where the reply goes; its watch events are
 * only counted (a driver there looks again at what it watches). */
static struct { char *out; uint32_t max; bool error; } mine;
static unsigned my_events;
static struct waitqueue my_wq;

static void kick(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	xenstored_kick();
}

void xenstored_kick(void)
{
	kicks++;
	waitq_wake_all(&wq);
}

static struct conn *conn_of(uint16_t dom)
{
	for (unsigned i = 0; i < MAX_CONNS; i++)
		if (conns[i].live && conns[i].dom == dom)
			return &conns[i];
	return NULL;
}

static volatile struct xenstore_domain_interface *ring_of(struct conn *c)
{
	return c->page.va;
}

static void flush(struct conn *c)
{
	volatile struct xenstore_domain_interface *r = ring_of(c);
	XENSTORE_RING_IDX cons = r->rsp_cons, prod = r->rsp_prod;
	int k = xs_ring_put((char *)r->rsp, cons, prod, c->queue, c->queued);

	if (k < 0) {
		c->broken = true;
		return;
	}
	if (k == 0)
		return;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	r->rsp_prod = prod + (uint32_t)k;
	memmove(c->queue, c->queue + k, c->queued - (uint32_t)k);
	c->queued -= (uint32_t)k;
	evtchn_notify(c->port);
}

static void send(void *ctx, uint16_t dom, const struct xsd_sockmsg *h, const char *payload)
{
	(void)ctx;
	if (dom == 0) {
		if (h->type == XS_WATCH_EVENT) {
			my_events++;
			waitq_wake_all(&my_wq);
			return;
		}
		mine.error = h->type == XS_ERROR;
		uint32_t n = h->len < mine.max ? h->len : (mine.max ? mine.max - 1 : 0);
		if (mine.out) {
			memcpy(mine.out, payload, n);
			mine.out[n] = 0;
		}
		return;
	}
	struct conn *c = conn_of(dom);
	if (!c || c->broken)
		return;
	if (QUEUE - c->queued < sizeof(*h) + h->len) {
		dropped++;
		return;
	}
	memcpy(c->queue + c->queued, h, sizeof(*h));
	memcpy(c->queue + c->queued + sizeof(*h), payload, h->len);
	c->queued += (uint32_t)sizeof(*h) + h->len;
}

int xenstored_ask(uint32_t type, const char *payload, uint32_t len, char *out, uint32_t max)
{
	struct xsd_sockmsg h = { type, 0, 0, len };
	mine.out = max ? out : NULL;
	mine.max = max;
	mine.error = true;
	store_request(store, 0, &h, payload);
	mine.out = NULL;
	return mine.error ? -1 : 0;
}

bool xenstored_wait_event(unsigned *seen, uint64_t deadline_ns)
{
	unsigned mask = events_mask_save();
	while (*seen == my_events && time_now_ns() < deadline_ns)
		waitq_block_until(&my_wq, deadline_ns);
	events_restore(mask);
	bool got = *seen != my_events;
	*seen = my_events;
	return got;
}

unsigned xenstored_events(void)
{
	return my_events;
}

bool xenstored_here(void)
{
	return store != NULL;
}

/* Answer what the domain has sent, as far as its queue has room and at
 * most a few rings' worth a pass, so that one that never stops sending
 * does not keep the others waiting: true when it has more to read. */
static bool serve(struct conn *c)
{
	volatile struct xenstore_domain_interface *r = ring_of(c);
	static char buf[XENSTORE_RING_SIZE];

	flush(c);
	for (unsigned pass = 0; pass < 4 && !c->broken && QUEUE - c->queued >= 2 * MSG_MAX; pass++) {
		XENSTORE_RING_IDX cons = r->req_cons, prod = r->req_prod;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		int n = xs_ring_take((const char *)r->req, cons, prod, buf, sizeof(buf));
		if (n <= 0) {
			c->broken = n < 0;
			break;
		}
		uint32_t used = 0;
		while (used < (uint32_t)n && QUEUE - c->queued >= 2 * MSG_MAX && !c->rd.bad) {
			bool whole;
			used += xs_reader_take(&c->rd, buf + used, (uint32_t)n - used, &whole);
			if (whole) {
				store_request(store, c->dom, &c->rd.m.h, xs_reader_payload(&c->rd));
				requests++;
			}
		}
		c->broken |= c->rd.bad;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		r->req_cons = cons + used;
		evtchn_notify(c->port);
		flush(c);
	}
	if (c->broken)
		printf("xenstored: domain %u broke its ring; no more answers\n", c->dom);
	return !c->broken && r->req_prod != r->req_cons && QUEUE - c->queued >= 2 * MSG_MAX;
}

static void connect(struct conn *c, const struct xen_domctl_getdomaininfo *info)
{
	uint16_t dom = info->domain;
	memset(c, 0, sizeof(*c));
	c->dom = dom;
	long rc = grant_map(dom, GNTTAB_RESERVED_XENSTORE, &c->page);
	struct evtchn_bind_interdomain b = { .remote_dom = dom, .remote_port = 1 };
	/* Binding marks the port pending: its handler is set before the event
	 * is delivered. */
	unsigned mask = events_mask_save();
	if (rc == 0)
		rc = hypercall_event_channel_op(EVTCHNOP_bind_interdomain, &b);
	if (rc == 0)
		evtchn_set_handler(b.local_port, kick, NULL);
	events_restore(mask);
	if (rc < 0) {
		printf("xenstored: domain %u has no store ring (%ld)\n", dom, rc);
		if (c->page.va)
			grant_unmap(&c->page);
		return;
	}
	c->port = b.local_port;
	c->live = c->seen = true;
	xenstored_describe(info);
	char msg[32];
	int n = snprintf(msg, sizeof(msg), "%u%c0%c1", dom, 0, 0);
	xenstored_ask(XS_INTRODUCE, msg, (uint32_t)n + 1, NULL, 0);
	printf("xenstored: domain %u introduced\n", dom);
}

static void disconnect(struct conn *c)
{
	char msg[8];
	int n = snprintf(msg, sizeof(msg), "%u", c->dom);
	struct evtchn_close cl = { .port = c->port };
	xenstored_ask(XS_RELEASE, msg, (uint32_t)n + 1, NULL, 0);
	hypercall_event_channel_op(EVTCHNOP_close, &cl);
	grant_unmap(&c->page);
	c->live = false;
	printf("xenstored: domain %u released\n", c->dom);
}

/* Connect new domains, release the ones gone: how many are alive. */
static unsigned rescan(void)
{
	struct xen_domctl dc = { .cmd = XEN_DOMCTL_getdomaininfo,
				 .interface_version = XEN_DOMCTL_INTERFACE_VERSION, .domain = 1 };
	unsigned alive = 0;

	for (unsigned i = 0; i < MAX_CONNS; i++)
		conns[i].seen = false;
	while (dc.domain < DOMID_FIRST_RESERVED && hypercall_domctl(&dc) == 0) {
		uint16_t dom = (uint16_t)dc.u.getdomaininfo.domain;
		struct conn *c = conn_of(dom);
		bool dying = dc.u.getdomaininfo.flags & (XEN_DOMINF_dying | XEN_DOMINF_shutdown);
		if (!c && !dying) {
			for (unsigned i = 0; i < MAX_CONNS && !c; i++)
				if (!conns[i].live)
					c = &conns[i];
			if (c)
				connect(c, &dc.u.getdomaininfo);
		} else if (c && !dying) {
			c->seen = true;
		}
		alive += !dying;
		dc.domain = dom + 1u;
	}
	for (unsigned i = 0; i < MAX_CONNS; i++)
		if (conns[i].live && !conns[i].seen)
			disconnect(&conns[i]);
	return alive;
}

int xenstored_init(bool own_virq)
{
	struct xen_domctl dc = { .cmd = XEN_DOMCTL_getdomaininfo,
				 .interface_version = XEN_DOMCTL_INTERFACE_VERSION, .domain = 0 };
	store = store_new(NULL, send, NULL);
	if (!store || hypercall_domctl(&dc) < 0 ||
	    (own_virq && evtchn_bind_virq(VIRQ_DOM_EXC, kick, NULL) < 0)) {
		printf("xenstored: cannot start: not the control domain, or no memory\n");
		return -1;
	}
	if (dc.u.getdomaininfo.domain == 0)
		xenstored_describe(&dc.u.getdomaininfo);
	printf("xenstored: up\n");
	rescan();
	return 0;
}

static bool kept_up;

void xenstored_keep_up(void)
{
	kept_up = true;
}

unsigned xenstored_run(void)
{
	while (rescan() || kept_up) {
		unsigned seen = kicks;
		bool more = false;
		for (unsigned i = 0; i < MAX_CONNS; i++)
			if (conns[i].live && !conns[i].broken)
				more |= serve(&conns[i]);
		if (more) {
			thread_yield();
			continue;
		}
		/* Checked with events masked: a kick after it still wakes us. */
		unsigned mask = events_mask_save();
		if (kicks == seen)
			waitq_block_until(&wq, time_now_ns() + 100000000u);
		events_restore(mask);
	}
	printf("xenstored: %u requests answered, %u watch events dropped; the last domain "
	       "ended\n", requests, dropped);
	return requests;
}

static void run(void *arg)
{
	(void)arg;
	xenstored_run();
}

int xenstored_start(void)
{
	if (xenstored_init(false) < 0)
		return -1;
	return thread_create("xenstored", run, NULL, 32768) ? 0 : -1;
}
