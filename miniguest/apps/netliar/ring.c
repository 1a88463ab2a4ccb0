/* The liar's honest moves on a vif's rings: taking rx requests, putting
 * responses, copying or transferring frames, answering tx. */
#include <string.h>

#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "kernel/pagetable.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "pvabi/grant_table.h"
#include "netliar.h"

static uint8_t frame[NETIF_ETH_MAX];

static void sleep_ms(unsigned ms)
{
	thread_sleep_ns(ms * (SECOND / 1000));
}

bool posted(struct lvif *v, unsigned n)
{
	uint64_t end = time_now_ns() + 5 * SECOND;

	while (RING_SHARED(v->rx.sring->req_prod) - v->rx.req_cons < n && time_now_ns() < end)
		sleep_ms(1);
	return RING_SHARED(v->rx.sring->req_prod) - v->rx.req_cons >= n;
}

bool take_rx(struct lvif *v, struct netif_rx_request *q)
{
	if (!posted(v, 1))
		return false;
	RING_MB();
	*q = *RING_GET_REQUEST(&v->rx, v->rx.req_cons);
	v->rx.req_cons++;
	return true;
}

void put_rx(struct lvif *v, uint16_t id, uint16_t offset, int16_t status)
{
	struct netif_rx_response *r = RING_GET_RESPONSE(&v->rx, v->rx.rsp_prod_pvt);

	*r = (struct netif_rx_response){ .id = id, .offset = offset, .status = status };
	v->rx.rsp_prod_pvt++;
}

void push_rx(struct lvif *v)
{
	int notify;

	RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&v->rx, notify);
	(void)notify;
	evtchn_notify(v->b.port);
}

/* Frame seq: to the vif, from a local address, type 0x88b5 (for local
 * experiments), then bytes counting up from seq. */
static void make(struct lvif *v, unsigned seq, uint16_t len)
{
	static const uint8_t src[6] = { 0x02, 0, 0, 0, 0, 0x99 };

	memcpy(frame, v->mac, 6);
	memcpy(frame + 6, src, 6);
	frame[12] = 0x88;
	frame[13] = 0xb5;
	for (unsigned i = NETIF_ETH_HLEN; i < len; i++)
		frame[i] = (uint8_t)(seq + i - NETIF_ETH_HLEN);
}

int copy_frame(struct lvif *v, uint32_t gref, unsigned seq, uint16_t len)
{
	static uint8_t bounce[4096] __attribute__((aligned(4096)));
	struct gnttab_copy op = {
		.source = { .ref_or_gmfn = pfn_to_mfn(virt_to_pfn(bounce)), .domid = DOMID_SELF },
		.dest = { .ref_or_gmfn = gref, .domid = v->fe },
		.len = len, .flags = GNTCOPY_dest_gref };

	make(v, seq, len);
	memcpy(bounce, frame, len);
	if (hypercall_grant_table_op(GNTTABOP_copy, &op, 1) < 0 || op.status != GNTST_okay)
		return -1;
	return 0;
}

/* A page of ours holding the frame, unmapped (as a transfer wants), goes
 * to the frontend for good: the pfn is left empty. */
int flip_frame(struct lvif *v, uint32_t gref, unsigned seq, uint16_t len)
{
	uint32_t pfn = frame_alloc();

	if (pfn == FRAME_NONE)
		return -1;
	make(v, seq, len);
	memset(pfn_to_virt(pfn), 0, PAGE_SIZE);
	memcpy(pfn_to_virt(pfn), frame, len);
	struct gnttab_transfer op = { .mfn = pfn_to_mfn(pfn), .domid = v->fe, .ref = gref };
	if (unmap_page((uint32_t)(uintptr_t)pfn_to_virt(pfn)) < 0 ||
	    hypercall_grant_table_op(GNTTABOP_transfer, &op, 1) < 0 || op.status != GNTST_okay)
		return -1;
	p2m_set(pfn, INVALID_P2M_ENTRY);
	return 0;
}

bool honest_rx(struct lvif *v, unsigned seq)
{
	struct netif_rx_request q;
	uint16_t len = (uint16_t)(60 + seq * 100);

	if (!take_rx(v, &q))
		return false;
	int rc = v->flip ? flip_frame(v, q.gref, seq, len) : copy_frame(v, q.gref, seq, len);
	put_rx(v, q.id, 0, rc < 0 ? NETIF_RSP_ERROR : (int16_t)len);
	return rc == 0;
}

unsigned answer_tx(struct lvif *v, unsigned *count, unsigned bad_at, int16_t bad)
{
	unsigned n = 0;
	int notify;

	while (RING_HAS_UNCONSUMED_REQUESTS(&v->tx)) {
		RING_MB();
		struct netif_tx_request q = RING_GET_REQUEST(&v->tx, v->tx.req_cons)->req;
		struct netif_tx_response *r = RING_GET_RESPONSE(&v->tx, v->tx.rsp_prod_pvt);

		v->tx.req_cons++;
		*r = (struct netif_tx_response){ .id = q.id,
			.status = *count == bad_at ? bad : NETIF_RSP_OKAY };
		v->tx.rsp_prod_pvt++;
		(*count)++;
		n++;
	}
	RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&v->tx, notify);
	if (n)
		evtchn_notify(v->b.port);
	return n;
}

void serve_tx(struct lvif *v)
{
	uint64_t end = time_now_ns() + 120 * SECOND;
	unsigned count = 0;

	/* Initialised until it has seen us Connected. */
	for (enum xenbus_state s = XenbusStateInitialised;
	     (s == XenbusStateInitialised || s == XenbusStateConnected) && time_now_ns() < end;
	     s = xenbus_read_state(v->b.dev.peer)) {
		answer_tx(v, &count, ~0u, 0);
		sleep_ms(5);
	}
}
