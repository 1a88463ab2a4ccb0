/* netback's service thread: the bridge between the vifs and the ports
 * that are no vif (port.h: the NIC, this domain's own stack, which put
 * their frames in with netback_input from threads of their own). Each
 * turn takes at most BUDGET tx slots from every connected vif in turn; a
 * frame goes out of the ports bridge_route names, into a vif's rx ring
 * straight away (a frame for a vif without a posted buffer is dropped
 * there, never held); each vif hears of its frames once a turn, those
 * from the other ports too.
 * With no work anywhere it re-arms every tx ring's event and sleeps until
 * a frontend's event (or a second, to look again); once a second it looks
 * at the frontends' states. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "kernel/account.h"
#include "kernel/events.h"
#include "kernel/time.h"
#include "netif/port.h"
#include "netif/vif.h"

#define BUDGET 64
#define SECOND 1000000000ull
#define AGE (300 * SECOND)      /* as a Linux bridge forgets addresses */

static struct netports net;
static struct vif *vifs[BRIDGE_PORTS];  /* the ports that are vifs */
static uint32_t to_flush;               /* ports given frames this turn */
static struct waitqueue kick_wq;
static volatile unsigned kicks;
static struct thread *server;

void netback_kick(void)
{
	kicks++;
	waitq_wake_all(&kick_wq);
}

/* A vif as a port: frames into its rx ring, an event once a turn. */
static bool vif_send(struct netport *p, const uint8_t *frame, uint16_t len)
{
	struct vif *v = (struct vif *)((char *)p - offsetof(struct vif, port));
	bool notify, ok;

	if (!v->connected)
		return false;
	ok = netback_rx(&v->nv, frame, len, &notify);
	v->notify_rx |= notify;
	return ok;
}

static void vif_flush(struct netport *p)
{
	struct vif *v = (struct vif *)((char *)p - offsetof(struct vif, port));

	if (v->notify_rx) {
		v->notify_rx = false;
		evtchn_notify(v->b.port);
	}
}

static const struct netport_ops vif_ops = { vif_send, vif_flush };

bool netback_port_attach(struct netport *p)
{
	unsigned mask = events_mask_save();
	bool ok = netports_attach(&net, p);

	events_restore(mask);
	return ok;
}

bool netback_attach(struct vif *v)
{
	v->port = (struct netport){ .ops = &vif_ops, .name = v->dir };
	if (!netback_port_attach(&v->port))
		return false;
	vifs[v->port.no] = v;
	netback_kick();
	return true;
}

/* The vifs hear of it at the end of the service thread's next turn: a
 * burst from the NIC (TCP's acknowledgements) costs each one event. */
void netback_input(struct netport *in, const uint8_t *frame, uint16_t len)
{
	to_flush |= netports_input(&net, in, frame, len, time_now_ns());
	netback_kick();
}

static void deliver(void *arg, struct netback_vif *from, const uint8_t *frame, uint16_t len)
{
	struct vif *in = arg;

	(void)from;
	to_flush |= netports_input(&net, &in->port, frame, len, time_now_ns());
}

/* A vif whose indices were garbage (NET-4), or whose frontend closed or
 * is gone, leaves the bridge and is closed; why is said (for garbage, in
 * its error key). */
static void cut_off(struct vif *v, bool broken)
{
	v->connected = false;
	vifs[v->port.no] = NULL;
	netports_detach(&net, &v->port);
	if (broken)
		netback_error(v, "a producer index is more than a ring ahead: disconnected");
	else
		printf("netback: %s: the frontend closed: %llu frames in, %llu out\n", v->dir,
		       (unsigned long long)v->nv.st.tx_frames, (unsigned long long)v->nv.st.rx_frames);
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
		if (!vifs[p] || !vifs[p]->connected)
			continue;
		enum xenbus_state s = xenbus_read_state(vifs[p]->b.dev.peer);
		if (s == XenbusStateClosing || s == XenbusStateClosed)
			cut_off(vifs[p], false);
	}
}

/* One turn over every vif: whether any had work. */
static bool turn(void)
{
	bool busy = false;

	for (unsigned p = 0; p < BRIDGE_PORTS; p++) {
		struct vif *v = vifs[p];
		bool notify;

		if (!v || !v->connected)
			continue;
		/* Its frames' copies, in and out, are charged to it (SCHED-13). */
		(void)account_serving(v->fe);
		if (netback_tx(&v->nv, BUDGET, deliver, v, &notify))
			busy = true;
		(void)account_serving(DOMID_SELF);
		netback_publish(v);
		if (notify)
			evtchn_notify(v->b.port);
	}
	for (unsigned p = 0; p < BRIDGE_PORTS; p++)
		if (vifs[p] && vifs[p]->nv.broken)
			cut_off(vifs[p], true);
	netports_flush(&net, to_flush);
	to_flush = 0;
	return busy;
}

/* Whether a tx ring holds requests, arming its event otherwise. */
static bool pending(void)
{
	for (unsigned p = 0; p < BRIDGE_PORTS; p++)
		if (vifs[p] && vifs[p]->connected && netback_tx_pending(&vifs[p]->nv))
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
	netports_init(&net, AGE);
	server = thread_create("netback", serve, NULL, 32768);
	return server ? 0 : -1;
}
