/* The test echo device's frontend: it connects device echo/0 through the
 * xenbus handshake, sends numbers over the shared ring and checks each
 * answer, then closes. With ECHO_REQUESTS=0 it sends none and keeps the
 * connection open until the backend closes it (or the domain is asked to
 * shut down): an idle frontend. With an argument it lies to the backend
 * instead:
 *   bad-ref    offers a ring-ref it never granted
 *   bad-port   offers an event channel that is not there
 *   garbage    connects, then claims far more requests than the ring holds
 *   flip       flips its state through every value, then ends */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "xenbus/echo.h"
#include "xenbus/xenbus.h"

#define SECOND 1000000000ull
/* ECHO_REQUESTS=N in its environment: how many (2000 by default; 0:
 * none, idle until the backend closes). */
#define REQUESTS_DEFAULT 2000
#define REQUESTS_MAX 1000000
static uint32_t requests = REQUESTS_DEFAULT;

static struct waitqueue wq;
static volatile unsigned kicks;
static uint8_t page[4096] __attribute__((aligned(4096)));

static void kick(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
	kicks++;
	waitq_wake_all(&wq);
}

static void wait_kick(unsigned seen)
{
	unsigned mask = events_mask_save();
	if (kicks == seen)
		waitq_block_until(&wq, time_now_ns() + SECOND / 10);
	events_restore(mask);
}

/* Send the requests,, a few at a time, and check every answer. */
static unsigned exchange(struct echo_front_ring *r, evtchn_port_t port)
{
	uint32_t sent = 0, good = 0, got = 0;
	uint64_t deadline = time_now_ns() + 30 * SECOND;

	while (got < requests && time_now_ns() < deadline) {
		unsigned seen = kicks;
		int notify;
		for (unsigned i = 0; i < 1 + sent % 13 && sent < requests && !RING_FULL(r); i++) {
			*RING_GET_REQUEST(r, r->req_prod_pvt) = (struct echo_req){ sent, sent * 7 };
			r->req_prod_pvt++;
			sent++;
		}
		RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(r, notify);
		if (notify)
			evtchn_notify(port);
		int more;
		do {
			if (RING_RESPONSES_BROKEN(r))
				return good;
			while (RING_HAS_UNCONSUMED_RESPONSES(r)) {
				struct echo_rsp a = *RING_GET_RESPONSE(r, r->rsp_cons);
				r->rsp_cons++;
				good += a.id == got && a.value == got * 7 + 1;
				got++;
			}
			RING_FINAL_CHECK_FOR_RESPONSES(r, more);
		} while (more);
		if (got < sent)
			wait_kick(seen);
	}
	return good;
}

static int lie(const char *how)
{
	struct xenbus_dev d = { 0 };
	char path[XENBUS_PATH + 16];
	snprintf(d.self, sizeof(d.self), "/local/domain/%d/device/echo/0", xb_domid());
	snprintf(path, sizeof(path), "%s/backend", d.self);
	xb_read(path, d.peer, sizeof(d.peer));
	if (strcmp(how, "flip") == 0) {
		for (unsigned i = 0; i < 300; i++)
			xenbus_switch_state(&d, (enum xenbus_state)(i % 9));
		printf("echofront: flipped my state 300 times\n");
		return 0;
	}
	snprintf(path, sizeof(path), "%s/ring-ref", d.self);
	xb_write(path, strcmp(how, "bad-ref") == 0 ? "400" : "1");
	snprintf(path, sizeof(path), "%s/event-channel", d.self);
	xb_write(path, strcmp(how, "bad-port") == 0 ? "1000" : "1");
	xenbus_switch_state(&d, XenbusStateInitialised);
	enum xenbus_state s = xenbus_wait_peer(&d, 1u << XenbusStateClosed |
					       1u << XenbusStateConnected, time_now_ns() + 10 * SECOND);
	printf("echofront: %s: the backend is %s\n", how,
	       s == XenbusStateClosed ? "Closed" : "not Closed");
	return s == XenbusStateClosed ? 0 : 1;
}

/* Connected, sending nothing, until the backend leaves Connected. */
static int idle(struct xenbus_front *f)
{
	enum xenbus_state s;

	printf("echofront: idle: sending nothing until the backend closes\n");
	do
		s = xenbus_wait_peer(&f->dev, 1u << XenbusStateClosing | 1u << XenbusStateClosed,
				     time_now_ns() + 60 * SECOND);
	while (s == XenbusStateConnected);
	xenbus_front_close(f, 5 * SECOND);
	printf("echofront: idle: the backend closed; 0 requests sent\n");
	return 0;
}

int main(int argc, char **argv)
{
	struct xenbus_front f;
	struct echo_front_ring r;
	struct echo_sring *s = (struct echo_sring *)page;

	if (argc > 1 && strcmp(argv[1], "garbage") != 0)
		return lie(argv[1]);
	const char *n = getenv("ECHO_REQUESTS");
	if (n) {
		char *end;
		unsigned long v = strtoul(n, &end, 10);
		if (n[0] < '0' || n[0] > '9' || *end || v > REQUESTS_MAX) {
			printf("echofront: ECHO_REQUESTS=%s: give 0 to %u\n", n, REQUESTS_MAX);
			return 1;
		}
		requests = (uint32_t)v;
	}
	SHARED_RING_INIT(s);
	FRONT_RING_INIT(&r, s);
	if (xenbus_front_open(&f, "echo", 0, page, kick, NULL, 10 * SECOND) < 0) {
		printf("echofront: the backend did not connect\n");
		return 1;
	}
	printf("echofront: connected to %s (domain %u), ring-ref %d, port %u\n", f.dev.peer,
	       f.dev.peer_id, f.refs[0], f.port);
	if (argc > 1) {
		s->req_prod = 0x7fff0000u;
		evtchn_notify(f.port);
		enum xenbus_state st = xenbus_wait_peer(&f.dev, 1u << XenbusStateClosed,
							time_now_ns() + 10 * SECOND);
		printf("echofront: garbage: the backend is %s\n",
		       st == XenbusStateClosed ? "Closed" : "not Closed");
		return st == XenbusStateClosed ? 0 : 1;
	}
	if (requests == 0)
		return idle(&f);
	unsigned good = exchange(&r, f.port);
	printf("echofront: %u of %u answers right\n", good, requests);
	xenbus_front_close(&f, 5 * SECOND);
	printf("echofront: closed; the backend is %s, the ring's grant %s\n",
	       xenbus_read_state(f.dev.peer) == XenbusStateClosed ? "Closed" : "not Closed",
	       f.refs[0] < 0 ? "taken back" : "still held");
	return good == requests ? 0 : 1;
}
