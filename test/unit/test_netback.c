/* Netback's ring work (miniguest/netif/back_tx.c, back_rx.c) on rings in
 * host memory, with "grants" that are pages of a small array: frames
 * copied out and answered, bad sizes, offsets and refs answered
 * NETIF_RSP_ERROR and counted, extra-info slots, the work bound, garbage
 * indices, and rx into posted buffers, dropping without them. */
#include <stdlib.h>

#include "../../miniguest/netif/back.h"
#include "unit.h"

#define PAGES 8

struct fake {
	uint8_t page[PAGES][4096];
	bool readonly[PAGES];
	unsigned copies;
};

static int from_guest(void *ctx, uint32_t gref, uint16_t offset, void *buf, uint16_t len)
{
	struct fake *f = ctx;

	f->copies++;
	if (gref >= PAGES || (uint32_t)offset + len > 4096)
		return -1;
	memcpy(buf, f->page[gref] + offset, len);
	return 0;
}

static int to_guest(void *ctx, uint32_t gref, uint16_t offset, const void *buf, uint16_t len)
{
	struct fake *f = ctx;

	f->copies++;
	if (gref >= PAGES || f->readonly[gref] || (uint32_t)offset + len > 4096)
		return -1;
	memcpy(f->page[gref] + offset, buf, len);
	return 0;
}

struct rig {
	struct fake fake;
	struct netif_tx_sring *txs;
	struct netif_rx_sring *rxs;
	struct netif_tx_front_ring txf;
	struct netif_rx_front_ring rxf;
	struct netback_vif v;
	unsigned delivered;
	uint16_t last_len;
	uint8_t last[NETIF_ETH_MAX];
};

static struct rig *rig(void)
{
	struct rig *r = calloc(1, sizeof(*r));

	r->txs = aligned_alloc(4096, 4096);
	r->rxs = aligned_alloc(4096, 4096);
	SHARED_RING_INIT(r->txs);
	SHARED_RING_INIT(r->rxs);
	FRONT_RING_INIT(&r->txf, r->txs);
	FRONT_RING_INIT(&r->rxf, r->rxs);
	BACK_RING_INIT(&r->v.tx, r->txs);
	BACK_RING_INIT(&r->v.rx, r->rxs);
	r->v.copy = (struct netback_copy){ from_guest, to_guest, &r->fake };
	for (unsigned p = 0; p < PAGES; p++)
		for (unsigned i = 0; i < 4096; i++)
			r->fake.page[p][i] = (uint8_t)(p * 31 + i);
	return r;
}

static void unrig(struct rig *r)
{
	free(r->txs);
	free(r->rxs);
	free(r);
}

static void deliver(void *arg, struct netback_vif *from, const uint8_t *frame, uint16_t len)
{
	struct rig *r = arg;

	CHECK(from == &r->v);
	r->delivered++;
	r->last_len = len;
	memcpy(r->last, frame, len);
}

static void post_tx(struct rig *r, uint32_t gref, uint16_t offset, uint16_t size, uint16_t flags,
		    uint16_t id)
{
	RING_GET_REQUEST(&r->txf, r->txf.req_prod_pvt)->req =
		(struct netif_tx_request){ gref, offset, flags, id, size };
	r->txf.req_prod_pvt++;
}

static void push_tx(struct rig *r)
{
	int notify;

	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&r->txf, notify);
	(void)notify;
}

static const struct netif_tx_response *tx_rsp(struct rig *r, RING_IDX i)
{
	return RING_GET_RESPONSE(&r->txf, i);
}

static void test_tx_frames(void)
{
	struct rig *r = rig();
	bool notify;

	post_tx(r, 2, 100, 60, 0, 7);
	post_tx(r, 3, 4096 - 1514, 1514, NETTXF_csum_blank, 8);
	push_tx(r);
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 2);
	CHECK(notify);
	CHECK_EQ(r->txs->rsp_prod, 2);
	CHECK_EQ(tx_rsp(r, 0)->id, 7);
	CHECK_EQ(tx_rsp(r, 0)->status, NETIF_RSP_OKAY);
	CHECK_EQ(tx_rsp(r, 1)->id, 8);
	CHECK_EQ(tx_rsp(r, 1)->status, NETIF_RSP_OKAY);
	CHECK_EQ(r->delivered, 2);
	CHECK_EQ(r->last_len, 1514);
	CHECK(memcmp(r->last, r->fake.page[3] + 4096 - 1514, 1514) == 0);
	CHECK_EQ(r->v.st.tx_frames, 2);
	CHECK_EQ(r->v.st.tx_bytes, 1574);
	CHECK(!netback_tx_pending(&r->v));
	unrig(r);
}

static void test_tx_refusals(void)
{
	struct rig *r = rig();
	bool notify;

	post_tx(r, 1, 0, 0, 0, 1);                          /* zero length */
	post_tx(r, 1, 0, 13, 0, 2);                         /* shorter than a header */
	post_tx(r, 1, 0, 1515, 0, 3);                       /* oversized */
	post_tx(r, 1, 4000, 200, 0, 4);                     /* past its page */
	post_tx(r, 99, 0, 60, 0, 5);                        /* a bad grant ref */
	post_tx(r, 0xffffffffu, 0, 60, 0, 6);
	post_tx(r, 1, 0, 60, NETTXF_more_data, 7);          /* no feature-sg */
	post_tx(r, 1, 0, 60, 0, 8);                         /* and a good one */
	push_tx(r);
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 8);
	for (unsigned i = 0; i < 7; i++) {
		CHECK_EQ(tx_rsp(r, i)->id, i + 1);
		CHECK_EQ(tx_rsp(r, i)->status, NETIF_RSP_ERROR);
	}
	CHECK_EQ(tx_rsp(r, 7)->status, NETIF_RSP_OKAY);
	CHECK_EQ(r->v.st.tx_errors, 7);
	CHECK_EQ(r->delivered, 1);
	/* Only the refs that passed the checks were tried. */
	CHECK_EQ(r->fake.copies, 3);
	CHECK(!r->v.broken);
	unrig(r);
}

static void test_tx_extra_info(void)
{
	struct rig *r = rig();
	bool notify;

	post_tx(r, 1, 0, 60, NETTXF_extra_info, 1);
	push_tx(r);
	/* Its extra slot is not posted yet: nothing taken. */
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 0);
	RING_GET_REQUEST(&r->txf, r->txf.req_prod_pvt)->extra =
		(struct netif_extra_info){ .type = XEN_NETIF_EXTRA_TYPE_MCAST_ADD,
					   .flags = XEN_NETIF_EXTRA_FLAG_MORE };
	r->txf.req_prod_pvt++;
	push_tx(r);
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 0);
	RING_GET_REQUEST(&r->txf, r->txf.req_prod_pvt)->extra =
		(struct netif_extra_info){ .type = XEN_NETIF_EXTRA_TYPE_MCAST_DEL };
	r->txf.req_prod_pvt++;
	post_tx(r, 1, 0, 60, 0, 2);
	push_tx(r);
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 4);
	CHECK_EQ(tx_rsp(r, 0)->status, NETIF_RSP_OKAY);
	CHECK_EQ(tx_rsp(r, 1)->status, NETIF_RSP_NULL);
	CHECK_EQ(tx_rsp(r, 2)->status, NETIF_RSP_NULL);
	CHECK_EQ(tx_rsp(r, 3)->id, 2);
	CHECK_EQ(r->delivered, 2);
	unrig(r);
}

static void test_tx_budget(void)
{
	struct rig *r = rig();
	bool notify;

	for (unsigned i = 0; i < NET_TX_RING_SIZE; i++)
		post_tx(r, 1, 0, 60, 0, (uint16_t)i);
	push_tx(r);
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 64);
	CHECK(netback_tx_pending(&r->v));
	CHECK_EQ(netback_tx(&r->v, 1000, deliver, r, &notify), NET_TX_RING_SIZE - 64);
	CHECK_EQ(r->delivered, NET_TX_RING_SIZE);
	/* The ring goes round: indices past 2^16 and the ring's size. */
	for (unsigned round = 0; round < 400; round++) {
		for (unsigned i = 0; i < 200; i++)
			post_tx(r, 1, 0, 60, 0, (uint16_t)i);
		push_tx(r);
		CHECK_EQ(netback_tx(&r->v, 1000, deliver, r, &notify), 200);
		r->txf.rsp_cons = r->txs->rsp_prod;
	}
	CHECK_EQ(r->delivered, NET_TX_RING_SIZE + 80000);
	CHECK(!r->v.broken);
	unrig(r);
}

static void test_tx_garbage_indices(void)
{
	struct rig *r = rig();
	bool notify;

	r->txs->req_prod = NET_TX_RING_SIZE + 1;
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 0);
	CHECK(r->v.broken);
	CHECK_EQ(r->delivered, 0);
	CHECK(!netback_tx_pending(&r->v));
	unrig(r);
	/* Random indices and slots: never a copy outside a page, never more
	 * than a ring's worth of work. */
	srand(15);
	for (unsigned t = 0; t < 2000; t++) {
		r = rig();
		for (unsigned i = 0; i < 4096 - 64; i++)
			((uint8_t *)r->txs->ring)[i] = (uint8_t)rand();
		r->txs->req_prod = (t & 1) ? (uint32_t)rand() : (uint32_t)rand() % 300;
		unsigned taken = netback_tx(&r->v, 1000, deliver, r, &notify);
		CHECK(taken <= NET_TX_RING_SIZE);
		CHECK(r->v.broken == (r->txs->req_prod > NET_TX_RING_SIZE));
		CHECK(r->v.st.tx_frames + r->v.st.tx_errors <= taken);
		unrig(r);
	}
}

static void post_rx(struct rig *r, uint32_t gref, uint16_t id)
{
	int notify;

	*RING_GET_REQUEST(&r->rxf, r->rxf.req_prod_pvt) = (struct netif_rx_request){ id, 0, gref };
	r->rxf.req_prod_pvt++;
	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&r->rxf, notify);
	(void)notify;
}

static void test_rx(void)
{
	struct rig *r = rig();
	uint8_t frame[NETIF_ETH_MAX];
	bool notify;

	for (unsigned i = 0; i < sizeof(frame); i++)
		frame[i] = (uint8_t)(i * 7);
	/* Nothing posted: dropped and counted. */
	CHECK(!netback_rx(&r->v, frame, 60, &notify));
	CHECK_EQ(r->v.st.rx_no_buffer, 1);
	post_rx(r, 4, 11);
	post_rx(r, 42, 12);
	r->fake.readonly[5] = true;
	post_rx(r, 5, 13);
	post_rx(r, 6, 14);
	CHECK(netback_rx(&r->v, frame, 1514, &notify));
	CHECK(notify);
	CHECK(memcmp(r->fake.page[4], frame, 1514) == 0);
	CHECK(!netback_rx(&r->v, frame, 60, &notify));
	CHECK(!netback_rx(&r->v, frame, 60, &notify));
	/* Sizes that are no frame are refused before a buffer is used. */
	CHECK(!netback_rx(&r->v, frame, 13, &notify));
	CHECK(!netback_rx(&r->v, frame, 1515, &notify));
	CHECK(netback_rx(&r->v, frame, 14, &notify));
	const struct netif_rx_response *p = RING_GET_RESPONSE(&r->rxf, 0);
	CHECK_EQ(p[0].id, 11);
	CHECK_EQ(p[0].status, 1514);
	CHECK_EQ(p[0].offset, 0);
	CHECK_EQ(p[1].id, 12);
	CHECK_EQ(p[1].status, NETIF_RSP_ERROR);
	CHECK_EQ(p[2].id, 13);
	CHECK_EQ(p[2].status, NETIF_RSP_ERROR);
	CHECK_EQ(p[3].id, 14);
	CHECK_EQ(p[3].status, 14);
	CHECK_EQ(r->v.st.rx_frames, 2);
	CHECK_EQ(r->v.st.rx_errors, 2);
	CHECK(!netback_rx(&r->v, frame, 60, &notify));
	CHECK_EQ(r->v.st.rx_no_buffer, 2);
	/* Garbage indices break the vif. */
	r->rxs->req_prod += 0x80000000u;
	CHECK(!netback_rx(&r->v, frame, 60, &notify));
	CHECK(r->v.broken);
	unrig(r);
}

UNIT_MAIN(UNIT(test_tx_frames), UNIT(test_tx_refusals), UNIT(test_tx_extra_info),
	  UNIT(test_tx_budget), UNIT(test_tx_garbage_indices), UNIT(test_rx))
