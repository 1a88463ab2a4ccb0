/* vif 1 asks for rx by page flipping (request-rx-copy 0) and posts five
 * rx buffers, one honest: a permit_access entry where an accept_transfer
 * one belongs, a ref never granted, an honest accept_transfer entry, the
 * same ref again, and an accept_transfer entry naming another domain.
 * Broadcast frames sent from vif 0 come out of vif 1 (the bridge floods
 * them there): the honest buffer gets a frame by transfer, every lie
 * NETIF_RSP_ERROR, whichever frame each meets. */
#include <stdio.h>
#include <string.h>

#include "kernel/frames.h"
#include "kernel/pagetable.h"
#include "kernel/reservation.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "netif/netif.h"
#include "netif/ring.h"
#include "xenbus/xenbus.h"
#include "nethostile.h"

#define BUFS 5
#define HONEST 2

static uint8_t tx_page[4096] __attribute__((aligned(4096)));
static uint8_t rx_page[4096] __attribute__((aligned(4096)));
static uint8_t permit_page[4096] __attribute__((aligned(4096)));

static void nothing(evtchn_port_t port, void *arg)
{
	(void)port;
	(void)arg;
}

/* A pfn with its frame given back: FRAME_NONE if none. */
static uint32_t empty_pfn(void)
{
	uint32_t pfn = frame_alloc();
	xen_pfn_t mfn;

	if (pfn == FRAME_NONE)
		return pfn;
	mfn = pfn_to_mfn(pfn);
	unmap_page((uint32_t)(uintptr_t)pfn_to_virt(pfn));
	p2m_set(pfn, INVALID_P2M_ENTRY);
	return reservation(XENMEM_decrease_reservation, &mfn, 1) == 1 ? pfn : FRAME_NONE;
}

/* The response to each id (waiting 5 s at most for all): false if some
 * never came. */
static bool answers(struct netif_rx_front_ring *rx, int16_t *status)
{
	uint64_t end = time_now_ns() + 5 * SECOND;
	unsigned seen = 0;

	while (seen < BUFS && time_now_ns() < end) {
		if (!RING_HAS_UNCONSUMED_RESPONSES(rx)) {
			one((uint32_t)frame_ref, 0, 0, 60);     /* one more broadcast */
			thread_sleep_ns(SECOND / 100);
			continue;
		}
		struct netif_rx_response r = *RING_GET_RESPONSE(rx, rx->rsp_cons);
		rx->rsp_cons++;
		if (r.id < BUFS) {
			status[r.id] = r.status;
			seen++;
		}
	}
	return seen == BUFS;
}

void flip_lies(void)
{
	static const char *const keys[] = { "tx-ring-ref", "rx-ring-ref" };
	static struct xenbus_front f;
	struct netif_rx_front_ring rx;
	void *rings[2] = { tx_page, rx_page };
	char path[XENBUS_PATH + 32];
	uint32_t pfn = empty_pfn(), other = empty_pfn(), mfn = 0;
	int16_t status[BUFS] = { 99, 99, 99, 99, 99 };
	int notify;

	SHARED_RING_INIT((struct netif_tx_sring *)tx_page);
	SHARED_RING_INIT((struct netif_rx_sring *)rx_page);
	FRONT_RING_INIT(&rx, (struct netif_rx_sring *)rx_page);
	snprintf(path, sizeof(path), "/local/domain/%d/device/vif/1/request-rx-copy", xb_domid());
	xb_write(path, "0");
	if (pfn == FRAME_NONE || other == FRAME_NONE ||
	    xenbus_front_open_rings(&f, "vif", 1, rings, keys, 2, nothing, NULL, 10 * SECOND) < 0) {
		check(0, "vif 1 connects asking for rx by flipping", -1);
		return;
	}
	int honest = gnt_accept_transfer(f.dev.peer_id, pfn);
	uint32_t refs[BUFS] = {
		(uint32_t)gnt_grant_access(f.dev.peer_id, pfn_to_mfn(virt_to_pfn(permit_page)), false),
		470, (uint32_t)honest, (uint32_t)honest,
		(uint32_t)gnt_accept_transfer((uint16_t)(f.dev.peer_id + 9), other),
	};
	for (uint16_t i = 0; i < BUFS; i++) {
		struct netif_rx_request *q = RING_GET_REQUEST(&rx, rx.req_prod_pvt);
		q->id = i;
		q->gref = refs[i];
		rx.req_prod_pvt++;
	}
	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&rx, notify);
	(void)notify;
	bool all = answers(&rx, status);
	check(all, "rx by flipping: every buffer posted is answered", all);
	check(status[0] == NETIF_RSP_ERROR, "flip into a permit_access entry is an error", status[0]);
	check(status[1] == NETIF_RSP_ERROR, "flip into a ref never granted is an error", status[1]);
	check(status[3] == NETIF_RSP_ERROR, "a second flip into the same ref is an error",
	      status[3]);
	check(status[4] == NETIF_RSP_ERROR, "flip into an entry naming another domain is an error",
	      status[4]);
	/* The honest buffer: a frame, ours now, holding a broadcast. */
	bool came = status[HONEST] >= NETIF_ETH_HLEN && gnt_transfer_done(honest, &mfn) &&
		    map_mfn((uint32_t)(uintptr_t)pfn_to_virt(pfn), mfn, MG_PTE_DATA) == 0;
	static const uint8_t all_ones[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	check(came && memcmp(pfn_to_virt(pfn), all_ones, 6) == 0,
	      "the honest buffer gets a broadcast frame by transfer", status[HONEST]);
}
