/* netback's service thread: the bridge between the vifs and the ports
 * that are no vif (port.h: the NIC, this domain's own stack, which put
 * their frames in with netback_input from threads of their own). Each
 * turn takes at most BUDGET tx slots from every connected vif in turn; a
 * frame goes out of the ports bridge_route names, into a vif's rx ring
 * straight away (a frame for a vif without a posted buffer is dropped
 * there, never held); a vif's frames of a turn are copied out in one
 * batch, and in in one; each vif hears of its frames once a turn, those
 * from the other ports too.
 * A vif with a rate (its backend's rate key) sends what its credit
 * allows; the rest waits in its ring, and the thread sleeps until the
 * credit comes back.
 * With no work anywhere it re-arms every tx ring's event and sleeps until
 * a frontend's event (or a second, to look again); once a second it looks
 * at the frontends' states. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "kernel/account.h"
#include "kernel/cost.h"
#include "kernel/events.h"
#include "kernel/time.h"
#include "netif/port.h"
#include "netif/vif.h"

#define BUDGET 64
/* Storm control (NET-18): a vif floods (broadcast, multicast, unknown
 * destinations) at most STORM frames every STORM_NS; past that, the
 * frames of its batch are answered but go nowhere, and its tx ring waits
 * for the next interval, so that a flooder takes neither the others'
 * buffers nor the service thread. */
#define STORM 10
#define STORM_NS (50 * 1000000ull)
#define SECOND 1000000000ull
#define AGE (300 * SECOND)      /* as a Linux bridge forgets addresses */

static struct netports net;
static struct vif *vifs[BRIDGE_PORTS];  /* the ports that are vifs */
static uint32_t to_flush;               /* ports given frames this turn */
static struct waitqueue kick_wq;
static volatile unsigned kicks;
static struct thread *server;
static struct netback_rxq rxq;   /* the rx copies of a vif's tx turn */
/* Whether the frame being routed is a storming vif's flood (NET-18):
 * then it leaves the vifs their reserve of buffers. */
static bool flood_reserve;

void netback_kick(void)
{
	kicks++;
	waitq_wake_all(&kick_wq);
}

static struct vif *vif_of(struct netport *p)
{
	return (struct vif *)((char *)p - offsetof(struct vif, port));
}

/* A vif as a port: frames queued for its rx ring (copied at the end of
 * the turn), an event once a turn. */
static bool vif_send(struct netport *p, const uint8_t *frame, uint16_t len)
{
	struct vif *v = vif_of(p);

	if (!v->connected)
		return false;
	if (flood_reserve)
		return netback_rxq_flood(&rxq, &v->nv, frame, len);
	return netback_rxq_add(&rxq, &v->nv, frame, len);
}

static void vif_flush(struct netport *p)
{
	struct vif *v = vif_of(p);

	if (v->nv.rx_notify) {
		v->nv.rx_notify = false;
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

/* A frame from a port that is no vif: into a buffer of our own (the rx
 * copies want one that never crosses a page), copied to the vifs at
 * once; the vifs hear of it at the end of the service thread's next turn,
 * so a burst from the NIC (TCP's acknowledgements) costs each one event. */
void netback_input(struct netport *in, const uint8_t *frame, uint16_t len)
{
	static uint8_t buf[NETBACK_BUF] __attribute__((aligned(NETBACK_BUF)));
	bool reserve = flood_reserve;

	if (len > sizeof(buf))
		return;
	memcpy(buf, frame, len);
	flood_reserve = false;
	to_flush |= netports_input(&net, in, buf, len, time_now_ns());
	netback_rxq_flush(&rxq);
	flood_reserve = reserve;
	netback_kick();
}

static void deliver(void *arg, struct netback_vif *from, const uint8_t *frame, uint16_t len)
{
	struct vif *in = arg;
	uint64_t now = time_now_ns();
	/* Whether the frame goes to every port rather than to its own. */
	bool flooded = bridge_mac_is_group(frame) || bridge_lookup(&net.bridge, frame, now) < 0;

	if (flooded && now >= in->storm_next) {
		in->storm_left = STORM;
		in->storm_next = now + STORM_NS;
	}
	if (flooded && !in->storm_left) {
		from->st.tx_storm++;
		in->storm_seen = in->storm_next + STORM_NS;
		return;
	}
	in->storm_left -= flooded;
	/* A storming vif's floods leave the others a reserve of buffers;
	 * anyone's broadcast (an ARP request) reaches a vif that posts few. */
	flood_reserve = flooded && now < in->storm_seen;
	to_flush |= netports_input(&net, &in->port, frame, len, now);
	flood_reserve = false;
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
		printf("netback: %s: the frontend closed: %llu frames in, %llu out, %llu dropped "
		       "for want of a buffer, %llu flooded past the storm bound\n", v->dir,
		       (unsigned long long)v->nv.st.tx_frames, (unsigned long long)v->nv.st.rx_frames,
		       (unsigned long long)v->nv.st.rx_no_buffer,
		       (unsigned long long)v->nv.st.tx_storm);
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
		if (!vifs[p] || !vifs[p]->connected)
			continue;
		enum xenbus_state s = xenbus_read_state(vifs[p]->b.dev.peer);
		if (s == XenbusStateClosing || s == XenbusStateClosed)
			cut_off(vifs[p], false);
	}
}

/* Whether v flooded its bound this interval. */
static bool storming(struct vif *v, uint64_t now)
{
	return !v->storm_left && now < v->storm_next;
}

/* One turn over every vif: whether any had work. A vif's frames are
 * copied out in one batch, and into the ports they go out of in another. */
static bool turn(void)
{
	bool busy = false;
	uint64_t now = time_now_ns();

	for (unsigned p = 0; p < BRIDGE_PORTS; p++) {
		struct vif *v = vifs[p];
		bool notify;

		if (!v || !v->connected)
			continue;
		if (storming(v, now))
			continue;
		netback_credit_refill(&v->nv.credit, now);
		/* Its frames' copies, in and out, are charged to it (SCHED-13). */
		(void)account_serving(v->fe);
		/* Its frames' cost, measured (kernel/cost.h: BACK_COSTS=1). */
		uint64_t frames = v->nv.st.tx_frames;
		cost_alone(COST_NET, v->fe);
		if (netback_tx(&v->nv, BUDGET, deliver, v, &notify))
			busy = true;
		netback_rxq_flush(&rxq);
		cost_alone_end(COST_NET, v->fe, v->nv.st.tx_frames - frames);
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

/* When the first vif waiting for credit (or past its storm bound) may
 * send again (else later). */
static uint64_t credit_due(uint64_t later)
{
	for (unsigned p = 0; p < BRIDGE_PORTS; p++)
		if (vifs[p] && vifs[p]->connected) {
			struct vif *v = vifs[p];

			if (v->nv.throttled && v->nv.credit.next_ns < later)
				later = v->nv.credit.next_ns;
			if (storming(v, time_now_ns()) && v->storm_next < later)
				later = v->storm_next;
		}
	return later;
}

/* Whether a tx ring holds requests, arming its event otherwise. */
static bool pending(void)
{
	for (unsigned p = 0; p < BRIDGE_PORTS; p++)
		if (vifs[p] && vifs[p]->connected && !storming(vifs[p], time_now_ns()) &&
		    netback_tx_pending(&vifs[p]->nv))
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
		uint64_t deadline = credit_due(time_now_ns() + SECOND);
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
