/* netback's service thread: the bridge between the vifs. Each turn takes
 * at most BUDGET tx slots from every connected vif in turn; a frame goes
 * where bridge_route sends it, straight into those vifs' rx rings (a
 * frame for a vif without a posted buffer is dropped there, never held).
 * With no work anywhere it re-arms every tx ring's event and sleeps until
 * a frontend's event (or a second, to look again); once a second it looks
 * at the frontends' states. */
#include <stdio.h>
#include <string.h>

#include "kernel/account.h"
#include "kernel/cost.h"
#include "kernel/events.h"
#include "kernel/time.h"
#include "netif/vif.h"

#define BUDGET 64
#define SECOND 1000000000ull
#define AGE (300 * SECOND)      /* as a Linux bridge forgets addresses */

static struct vif *ports[BRIDGE_PORTS];
static struct bridge bridge;
static struct waitqueue kick_wq;
static volatile unsigned kicks;
static struct thread *server;

void netback_kick(void)
{
	kicks++;
	waitq_wake_all(&kick_wq);
}

bool netback_attach(struct vif *v)
{
	unsigned mask = events_mask_save();
	bool ok = false;

	for (unsigned p = 0; p < BRIDGE_PORTS && !ok; p++)
		if (!ports[p]) {
			v->port = p;
			ports[p] = v;
			ok = bridge_attach(&bridge, p);
		}
	events_restore(mask);
	netback_kick();
	return ok;
}

static void deliver(void *arg, struct netback_vif *from, const uint8_t *frame, uint16_t len)
{
	struct vif *in = arg;
	uint32_t out = bridge_route(&bridge, in->port, frame, len, time_now_ns());

	(void)from;
	for (unsigned p = 0; out; p++, out >>= 1) {
		bool notify;
		struct vif *v = ports[p];

		if (!(out & 1) || !v || !v->connected)
			continue;
		netback_rx(&v->nv, frame, len, &notify);
		v->notify_rx |= notify;
	}
}

/* A vif whose indices were garbage (NET-4), or whose frontend closed or
 * is gone, leaves the bridge and is closed; why is said (for garbage, in
 * its error key). */
static void cut_off(struct vif *v, bool broken)
{
	v->connected = false;
	ports[v->port] = NULL;
	bridge_detach(&bridge, v->port);
	if (broken)
		netback_error(v, "a producer index is more than a ring ahead: disconnected");
	else
		printf("netback: %s: the frontend closed: %llu frames in, %llu out\n", v->dir,
		       (unsigned long long)v->nv.st.tx_frames, (unsigned long long)v->nv.st.rx_frames);
	cost_say("netback", COST_NET, v->fe);
	xenbus_back_close(&v->b);
}

/* The frontends' states, once a second at most: the ones Closing or
 * Closed (a domain gone reads so) are closed. */
static void look_at_frontends(void)
{
	static uint64_t next;
	uint64_t now = time_now_ns();

	if (now < next)
		return;
	next = now + SECOND;
	for (unsigned p = 0; p < BRIDGE_PORTS; p++) {
		if (!ports[p] || !ports[p]->connected)
			continue;
		enum xenbus_state s = xenbus_read_state(ports[p]->b.dev.peer);
		if (s == XenbusStateClosing || s == XenbusStateClosed)
			cut_off(ports[p], false);
	}
}

/* One turn over every vif: whether any had work. */
static bool turn(void)
{
	bool busy = false;

	for (unsigned p = 0; p < BRIDGE_PORTS; p++) {
		struct vif *v = ports[p];
		bool notify;

		if (!v || !v->connected)
			continue;
		/* Its frames' copies, in and out, are charged to it (SCHED-13). */
		(void)account_serving(v->fe);
		/* Its frames' cost, measured (kernel/cost.h: BACK_COSTS=1). */
		uint64_t frames = v->nv.st.tx_frames;
		cost_alone(COST_NET, v->fe);
		if (netback_tx(&v->nv, BUDGET, deliver, v, &notify))
			busy = true;
		cost_alone_end(COST_NET, v->fe, v->nv.st.tx_frames - frames);
		(void)account_serving(DOMID_SELF);
		netback_publish(v);
		if (notify)
			evtchn_notify(v->b.port);
	}
	for (unsigned p = 0; p < BRIDGE_PORTS; p++)
		if (ports[p] && ports[p]->nv.broken)
			cut_off(ports[p], true);
	for (unsigned p = 0; p < BRIDGE_PORTS; p++) {
		struct vif *v = ports[p];

		if (v && v->notify_rx) {
			v->notify_rx = false;
			evtchn_notify(v->b.port);
		}
	}
	return busy;
}

/* Whether a tx ring holds requests, arming its event otherwise. */
static bool pending(void)
{
	for (unsigned p = 0; p < BRIDGE_PORTS; p++)
		if (ports[p] && ports[p]->connected && netback_tx_pending(&ports[p]->nv))
			return true;
	return false;
}

static void serve(void *arg)
{
	(void)arg;
	for (;;) {
		unsigned seen = kicks;

		look_at_frontends();
		if (turn() || pending()) {
			thread_yield();
			continue;
		}
		uint64_t deadline = time_now_ns() + SECOND;
		unsigned mask = events_mask_save();
		while (kicks == seen && time_now_ns() < deadline)
			waitq_block_until(&kick_wq, deadline);
		events_restore(mask);
	}
}

int netback_serve_start(void)
{
	if (server)
		return 0;
	bridge_init(&bridge, AGE);
	server = thread_create("netback", serve, NULL, 32768);
	return server ? 0 : -1;
}
