/* A hostile netif frontend speaking the raw rings to netback (it links no
 * netfront): tx requests of 0 and 1515 bytes, a frame crossing its page,
 * NETTXF_more_data, refs never granted, an extra-info slot; rx requests
 * whose refs were never granted, and no rx buffer posted otherwise; a
 * flood of broadcast frames, every slot of the ring again and again; and
 * at last a producer index far ahead. Each lie must get its error
 * response, each honest frame its OKAY (the flood's too: a vif with no
 * buffer posted never holds the bridge up), and after the garbage index
 * the vif is served no more; guests beside it keep talking. Before the
 * garbage, vif 1 lies about page flipping (flip.c).
 *   nethostile fair DOMID   the flood lasts while domain DOMID (nettest
 *                           client ... fair) measures its share of the
 *                           bridge (nettest/fair.c); one vif, no flip.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/frames.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "netif/netif.h"
#include "netif/ring.h"
#include "xenbus/xenbus.h"
#include "nethostile.h"

/* The flood lasts at least this long (and this many rounds), so that the
 * honest guests beside it start talking meanwhile. */
#define FLOOD_ROUNDS 40
#define FLOOD_NS (8 * SECOND)
#define FLOOD_MAX_ROUNDS 200000
/* In fair mode, the flood lasts until the client says stop, this long
 * at most. */
#define FAIR_NS (180 * SECOND)

static uint8_t tx_page[4096] __attribute__((aligned(4096)));
static uint8_t rx_page[4096] __attribute__((aligned(4096)));
static uint8_t frame_page[4096] __attribute__((aligned(4096)));
static struct xenbus_front f;
static struct netif_tx_front_ring tx;
static struct netif_rx_front_ring rx;
static unsigned checks, good;
int frame_ref;

static void kick(evtchn_port_t port, void *arg)
{
	(void)port;
	(void)arg;
}

void check(int ok, const char *what, long got)
{
	checks++;
	good += ok != 0;
	printf("nethostile: %s %s (%ld)\n", ok ? "ok  " : "FAIL", what, got);
}

static void push(void)
{
	int notify;

	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&tx, notify);
	(void)notify;
	evtchn_notify(f.port);
}

static void put(uint32_t gref, uint16_t offset, uint16_t flags, uint16_t id, uint16_t size)
{
	struct netif_tx_request *q = &RING_GET_REQUEST(&tx, tx.req_prod_pvt)->req;

	q->gref = gref;
	q->offset = offset;
	q->flags = flags;
	q->id = id;
	q->size = size;
	tx.req_prod_pvt++;
}

/* The next tx response (5 s at most): its status, or 99 when none came. */
static int next(uint16_t *id)
{
	uint64_t end = time_now_ns() + 5 * SECOND;

	while (!RING_HAS_UNCONSUMED_RESPONSES(&tx) && time_now_ns() < end)
		thread_sleep_ns(SECOND / 1000);
	if (!RING_HAS_UNCONSUMED_RESPONSES(&tx))
		return 99;
	struct netif_tx_response r = *RING_GET_RESPONSE(&tx, tx.rsp_cons);
	tx.rsp_cons++;
	*id = r.id;
	return r.status;
}

/* One request alone: its status (the id echoed, else 98). */
int one(uint32_t gref, uint16_t offset, uint16_t flags, uint16_t size)
{
	static uint16_t ids;
	uint16_t id = ++ids, got = 0;

	put(gref, offset, flags, id, size);
	push();
	int st = next(&got);
	return st == 99 || got == id ? st : 98;
}

static void lies(void)
{
	int st;

	st = one((uint32_t)frame_ref, 0, 0, 0);
	check(st == NETIF_RSP_ERROR, "a frame of 0 bytes is an error", st);
	st = one((uint32_t)frame_ref, 0, 0, NETIF_ETH_HLEN - 1);
	check(st == NETIF_RSP_ERROR, "a frame shorter than its header is an error", st);
	st = one((uint32_t)frame_ref, 0, 0, NETIF_ETH_MAX + 1);
	check(st == NETIF_RSP_ERROR, "a frame of 1515 bytes is an error", st);
	st = one((uint32_t)frame_ref, 4000, 0, 100);
	check(st == NETIF_RSP_ERROR, "a frame crossing its page is an error", st);
	st = one((uint32_t)frame_ref, 0xffff, 0, 0xffff);
	check(st == NETIF_RSP_ERROR, "offset and size 0xffff are an error", st);
	st = one((uint32_t)frame_ref, 0, NETTXF_more_data, 60);
	check(st == NETIF_RSP_ERROR, "more_data without feature-sg is an error", st);
	st = one(400, 0, 0, 60);
	check(st == NETIF_RSP_ERROR, "a ref never granted is an error", st);
	st = one(0xffffffffu, 0, 0, 60);
	check(st == NETIF_RSP_ERROR, "ref 0xffffffff is an error", st);
	st = one((uint32_t)frame_ref, 0, 0, 60);
	check(st == NETIF_RSP_OKAY, "an honest frame between them is sent", st);

	/* An extra-info slot: NETIF_RSP_NULL after the request's response. */
	uint16_t id;
	put((uint32_t)frame_ref, 0, NETTXF_extra_info, 77, 60);
	struct netif_extra_info *x = &RING_GET_REQUEST(&tx, tx.req_prod_pvt)->extra;
	memset(x, 0, sizeof(*x));
	x->type = XEN_NETIF_EXTRA_TYPE_GSO;
	tx.req_prod_pvt++;
	push();
	st = next(&id);
	int null = next(&id);
	check(st == NETIF_RSP_OKAY && null == NETIF_RSP_NULL,
	      "a request with an extra slot: OKAY, then NULL", null);
}

/* Whether the client's store key (fair mode) reads value. */
static bool client_says(long client, const char *value)
{
	char path[48], got[16];

	snprintf(path, sizeof(path), "/local/domain/%ld/data/flood", client);
	return xb_read(path, got, sizeof(got)) == 0 && strcmp(got, value) == 0;
}

/* Every slot of the ring, round after round: all answered OKAY. Alone,
 * for FLOOD_NS (and FLOOD_ROUNDS); in fair mode, from the client's
 * "start" while it says so (until its "stop", or its end takes the key
 * away; FAIR_NS at most), saying so in the key data/flooding, readable
 * by every domain. */
static void flood(long client)
{
	unsigned okay = 0, frames = 0;
	uint64_t end = time_now_ns() + FLOOD_NS;
	uint16_t id;

	if (client >= 0) {
		char path[48], perms[16];
		int n = snprintf(perms, sizeof(perms), "r%d", xb_domid());

		while (!client_says(client, "start") && time_now_ns() < end + 60 * SECOND)
			thread_sleep_ns(SECOND / 10);
		snprintf(path, sizeof(path), "/local/domain/%d/data/flooding", xb_domid());
		xb_write(path, "1");
		xb_set_perms(path, perms, (uint32_t)n + 1);
		end = time_now_ns() + FAIR_NS;
	}
	for (unsigned round = 0; round < FLOOD_MAX_ROUNDS; round++) {
		if (client < 0 ? round >= FLOOD_ROUNDS && time_now_ns() >= end :
				 !client_says(client, "start") || time_now_ns() >= end)
			break;
		for (unsigned i = 0; i < NET_TX_RING_SIZE; i++)
			put((uint32_t)frame_ref, 0, 0, (uint16_t)i, 60);
		push();
		for (unsigned i = 0; i < NET_TX_RING_SIZE; i++, frames++)
			okay += next(&id) == NETIF_RSP_OKAY;
	}
	check(okay == frames && frames, "a flood of broadcast frames, each answered OKAY",
	      (long)okay);
}

static void garbage(void)
{
	uint16_t id;

	put((uint32_t)frame_ref, 0, 0, 5, 60);
	/* The index the backend reads, far past what the ring holds. */
	RING_SHARED(tx.sring->req_prod) = tx.req_prod_pvt + 1000;
	evtchn_notify(f.port);
	thread_sleep_ns(SECOND / 2);
	tx.req_prod_pvt = tx.rsp_cons + 1;
	push();
	int st = next(&id);
	check(st == 99, "after a producer index far ahead: no more answers", st);
}

int main(int argc, char **argv)
{
	long client = argc >= 3 && strcmp(argv[1], "fair") == 0 ? strtol(argv[2], NULL, 10) : -1;
	static const char *const keys[] = { "tx-ring-ref", "rx-ring-ref" };
	void *rings[2] = { tx_page, rx_page };
	char path[XENBUS_PATH + 32];
	uint8_t mac[6];

	SHARED_RING_INIT((struct netif_tx_sring *)tx_page);
	FRONT_RING_INIT(&tx, (struct netif_tx_sring *)tx_page);
	SHARED_RING_INIT((struct netif_rx_sring *)rx_page);
	FRONT_RING_INIT(&rx, (struct netif_rx_sring *)rx_page);
	snprintf(path, sizeof(path), "/local/domain/%d/device/vif/0/request-rx-copy", xb_domid());
	xb_write(path, "1");
	if (xenbus_front_open_rings(&f, "vif", 0, rings, keys, 2, kick, NULL, 10 * SECOND) < 0) {
		printf("nethostile: the backend did not connect\n");
		return 1;
	}
	frame_ref = gnt_grant_access(f.dev.peer_id, pfn_to_mfn(virt_to_pfn(frame_page)), true);
	/* A broadcast of an ethertype nobody speaks (IEEE's local experimental). */
	netif_mac_make((uint16_t)xb_domid(), 0, mac);
	memset(frame_page, 0xff, 6);
	memcpy(frame_page + 6, mac, 6);
	frame_page[12] = 0x88;
	frame_page[13] = 0xb5;
	/* rx requests the backend cannot write to; no other buffer ever. */
	for (unsigned i = 0; i < 4; i++) {
		struct netif_rx_request *q = RING_GET_REQUEST(&rx, rx.req_prod_pvt);
		q->id = (uint16_t)i;
		q->gref = 450 + i;
		rx.req_prod_pvt++;
	}
	int notify;
	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&rx, notify);
	(void)notify;
	lies();
	flood(client);
	if (client < 0)
		flip_lies();
	garbage();
	unsigned errors = 0, seen = 0;
	while (RING_HAS_UNCONSUMED_RESPONSES(&rx) && seen < 4) {
		errors += RING_GET_RESPONSE(&rx, rx.rsp_cons)->status == NETIF_RSP_ERROR;
		rx.rsp_cons++;
		seen++;
	}
	printf("nethostile: %u rx responses to refs never granted, %u of them errors\n", seen,
	       errors);
	printf("nethostile: %u of %u answers right\n", good, checks);
	return good == checks ? 0 : 1;
}
