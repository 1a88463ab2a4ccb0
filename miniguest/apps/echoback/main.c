/* Domain 0 with the store and the test echo device's backend: it makes an
 * echo device for every other domain (as a toolstack would), serves each
 * in a thread of its own, and powers off when the last domain has ended.
 * A frontend that lies (a ring-ref or port not its to give, indices past
 * the ring, states flipping) loses its device; the others carry on. One
 * that stays connected without sending anything is closed once every
 * frontend that did send has closed (an idle one would otherwise keep the
 * backend up for ever). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/account.h"
#include "kernel/hypervisor.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "pvabi/vcpu.h"
#include "store/server.h"
#include "xenbus/echo.h"
#include "xenbus/xenbus.h"

#define MAX_DOMS 16
#define SECOND 1000000000ull

struct dev {
	uint16_t fe;
	bool made;
	struct xenbus_back b;
	struct echo_back_ring r;
	struct waitqueue wq;
	volatile unsigned kicks;
	volatile bool connected, done;
	volatile unsigned served;  /* requests answered */
	uint64_t answer_ns;        /* time spent answering them */
};

static struct dev devs[MAX_DOMS];
/* ECHO_COSTS=1: time each batch answered and say what a request costs
 * (test/bench/run account compares the attributions with that). */
static bool costs;
/* Every frontend that sent requests has closed: close the idle ones. */
static volatile bool dismiss_idle;

static void kick(evtchn_port_t port, void *data)
{
	(void)port;
	struct dev *d = data;
	d->kicks++;
	waitq_wake_all(&d->wq);
}

static bool answer_ring(struct dev *d, unsigned *served)
{
	int work, notify;
	do {
		if (RING_REQUESTS_BROKEN(&d->r))
			return false;
		while (RING_HAS_UNCONSUMED_REQUESTS(&d->r)) {
			struct echo_req q = *RING_GET_REQUEST(&d->r, d->r.req_cons);
			d->r.req_cons++;
			*RING_GET_RESPONSE(&d->r, d->r.rsp_prod_pvt) =
				(struct echo_rsp){ q.id, q.value + 1 };
			d->r.rsp_prod_pvt++;
			(*served)++;
		}
		RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&d->r, notify);
		if (notify)
			evtchn_notify(d->b.port);
		RING_FINAL_CHECK_FOR_REQUESTS(&d->r, work);
	} while (work);
	return true;
}

/* Answer what is on the ring: false when the frontend broke it. The time
 * it takes is the frontend's (account_serving). */
static bool answer(struct dev *d)
{
	unsigned served = d->served;
	account_serving(d->fe);
	uint64_t t0 = costs ? time_now_ns() : 0;
	bool ok = answer_ring(d, &served);
	d->served = served;
	if (costs)
		d->answer_ns += time_now_ns() - t0;
	account_serving(DOMID_SELF);
	return ok;
}

static void serve(void *arg)
{
	struct dev *d = arg;
	char dir[XENBUS_PATH];

	snprintf(dir, sizeof(dir), "/local/domain/0/backend/echo/%u/0", d->fe);
	if (xenbus_back_open(&d->b, dir, kick, d, 10 * SECOND) < 0) {
		char why[96] = "";
		char path[XENBUS_PATH + 8];
		snprintf(path, sizeof(path), "%s/error", dir);
		xb_read(path, why, sizeof(why));
		printf("echoback: domain %u: no connection: %s\n", d->fe, why[0] ? why : "gone");
		d->done = true;
		return;
	}
	BACK_RING_INIT(&d->r, (struct echo_sring *)d->b.rings[0].va);
	printf("echoback: domain %u connected\n", d->fe);
	d->connected = true;
	const char *end = "the frontend closed";
	for (;;) {
		unsigned seen = d->kicks;
		if (!answer(d)) {
			end = "its ring is broken: closed";
			break;
		}
		enum xenbus_state s = xenbus_read_state(d->b.dev.peer);
		if (s != XenbusStateConnected && s != XenbusStateInitialised)
			break;
		if (dismiss_idle && d->served == 0) {
			end = "it sent nothing while the others finished: closed";
			break;
		}
		unsigned mask = events_mask_save();
		if (d->kicks == seen)
			waitq_block_until(&d->wq, time_now_ns() + SECOND / 10);
		events_restore(mask);
	}
	printf("echoback: domain %u: %u requests answered; %s\n", d->fe, d->served, end);
	xenbus_back_close(&d->b);
	d->done = true;
}

/* Whether every frontend that sent requests has closed (at least one did)
 * and the rest are connected and have sent nothing. */
static bool only_idle_left(void)
{
	bool sent = false;

	for (unsigned i = 0; i < MAX_DOMS; i++) {
		const struct dev *d = &devs[i];
		if (!d->made)
			continue;
		if (d->done)
			sent |= d->served > 0;
		else if (!d->connected || d->served > 0)
			return false;
	}
	return sent;
}

/* Domains alive besides this one; a device for each new one. */
static unsigned scan(void)
{
	struct xen_domctl dc = { .cmd = XEN_DOMCTL_getdomaininfo,
				 .interface_version = XEN_DOMCTL_INTERFACE_VERSION, .domain = 1 };
	unsigned alive = 0;

	while (dc.domain < DOMID_FIRST_RESERVED && hypercall_domctl(&dc) == 0) {
		uint16_t dom = dc.u.getdomaininfo.domain;
		bool dying = dc.u.getdomaininfo.flags & (XEN_DOMINF_dying | XEN_DOMINF_shutdown);
		alive += !dying;
		if (!dying && dom < MAX_DOMS && !devs[dom].made) {
			devs[dom].made = true;
			devs[dom].fe = dom;
			if (xenbus_create("echo", dom, 0, 0) < 0 ||
			    !thread_create("echoback", serve, &devs[dom], 32768))
				devs[dom].done = true;
		}
		dc.domain = dom + 1u;
	}
	return alive;
}

/* What the hypervisor counted for each frontend served: the time marked
 * as spent on it (b) and the events sent it, by which the paper's way (a)
 * shares the backend's time; and which frontend each way makes the
 * busiest. */
static void attribution(void)
{
	static struct ringlet_account_peer peers[RINGLET_ACCOUNT_PEERS];
	struct ringlet_domctl_getaccount a;
	uint16_t by_mark = 0, by_ops = 0;
	uint64_t most_ns = 0, most_ops = 0;

	if (account_read(0, &a, peers) < 0)
		return;
	for (uint32_t i = 0; i < a.nr_peers; i++) {
		const struct ringlet_account_peer *p = &peers[i];
		if (p->domid >= MAX_DOMS || !devs[p->domid].made)
			continue;
		uint64_t ops = account_ops(p);
		printf("echoback: domain %u: served %llu us (marked), %llu operations\n", p->domid,
		       (unsigned long long)(p->served_ns / 1000), (unsigned long long)ops);
		if (costs)
			printf("echoback: costs: domain %u: %u requests, %llu ns answering, "
			       "%llu ns marked, %llu operations\n", p->domid, devs[p->domid].served,
			       (unsigned long long)devs[p->domid].answer_ns,
			       (unsigned long long)p->served_ns, (unsigned long long)ops);
		if (p->served_ns > most_ns) {
			most_ns = p->served_ns;
			by_mark = p->domid;
		}
		if (ops > most_ops) {
			most_ops = ops;
			by_ops = p->domid;
		}
	}
	printf("echoback: the busiest frontend: domain %u by marks, domain %u by operations\n",
	       by_mark, by_ops);
	if (costs)
		printf("echoback: costs: running %llu ns\n",
		       (unsigned long long)a.runstate_ns[RUNSTATE_running]);
}

int main(void)
{
	const char *c = getenv("ECHO_COSTS");
	costs = c && strcmp(c, "1") == 0;
	if (xenstored_start() < 0)
		return 1;
	printf("echoback: up\n");
	while (scan()) {
		if (!dismiss_idle && only_idle_left())
			dismiss_idle = true;
		thread_sleep_ns(SECOND / 10);
	}
	/* Let the serving threads say how their devices ended. */
	thread_sleep_ns(SECOND / 5);
	attribution();
	printf("echoback: the last domain ended\n");
	return 0;
}
