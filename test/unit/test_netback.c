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
	unsigned copies, calls;
	unsigned flip_calls;         /* flips: one call a turn, one op a frame */
	uint16_t domid;              /* the only domain that granted pages */
};

/* A batch: each op copies, or fails alone, as GNTTABOP_copy's do. */
static void batch(void *ctx, struct netback_copy_op *ops, unsigned n)
{
	struct fake *f = ctx;

	f->calls++;
	CHECK(n >= 1 && n <= NETBACK_BATCH);
	for (unsigned i = 0; i < n; i++) {
		struct netback_copy_op *o = &ops[i];
		uint8_t *page = o->gref < PAGES ? f->page[o->gref] : NULL;

		f->copies++;
		/* Our side never crosses a buffer; the guest's was checked. */
		CHECK((uintptr_t)o->buf / NETBACK_BUF ==
		      ((uintptr_t)o->buf + o->len - 1) / NETBACK_BUF);
		CHECK((uint32_t)o->offset + o->len <= 4096);
		o->status = -1;
		if (!page || o->domid != f->domid || (o->to_guest && f->readonly[o->gref]))
			continue;
		if (o->to_guest)
			memcpy(page + o->offset, o->buf, o->len);
		else
			memcpy(o->buf, page + o->offset, o->len);
		o->status = 0;
	}
}

/* Page flips, as back_flip.c's to_guest: each op alone, the same page
 * rules. */
static void flips(void *ctx, struct netback_copy_op *ops, unsigned n)
{
	struct fake *f = ctx;

	f->flip_calls++;
	for (unsigned i = 0; i < n; i++) {
		CHECK(ops[i].to_guest);
		f->calls--;              /* batch counts each op as its own call */
		batch(ctx, &ops[i], 1);
	}
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
	r->v.copy = (struct netback_copy){ batch, batch, &r->fake };
	r->v.domid = r->fake.domid = 3;
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
	CHECK_EQ(r->fake.calls, 1);
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

/* Calls netback_tx until the ring is empty: the slots taken; each call
 * at most budget slots and one batch. */
static unsigned drain(struct rig *r, unsigned budget)
{
	unsigned all = 0, got;
	bool notify;

	do {
		unsigned calls = r->fake.calls;

		got = netback_tx(&r->v, budget, deliver, r, &notify);
		CHECK(got <= budget && got <= NETBACK_BATCH);
		CHECK(r->fake.calls - calls <= 1);
		all += got;
	} while (got);
	return all;
}

static void test_tx_budget(void)
{
	struct rig *r = rig();
	bool notify;

	for (unsigned i = 0; i < NET_TX_RING_SIZE; i++)
		post_tx(r, 1, 0, 60, 0, (uint16_t)i);
	push_tx(r);
	CHECK_EQ(netback_tx(&r->v, 10, deliver, r, &notify), 10);
	CHECK_EQ(netback_tx(&r->v, 1000, deliver, r, &notify), NETBACK_BATCH);
	CHECK(netback_tx_pending(&r->v));
	CHECK_EQ(drain(r, 1000), NET_TX_RING_SIZE - 10 - NETBACK_BATCH);
	CHECK_EQ(r->delivered, NET_TX_RING_SIZE);
	/* The ring goes round: indices past 2^16 and the ring's size. */
	for (unsigned round = 0; round < 400; round++) {
		for (unsigned i = 0; i < 200; i++)
			post_tx(r, 1, 0, 60, 0, (uint16_t)i);
		push_tx(r);
		CHECK_EQ(drain(r, 1000), 200);
		r->txf.rsp_cons = r->txs->rsp_prod;
	}
	CHECK_EQ(r->delivered, NET_TX_RING_SIZE + 80000);
	CHECK(!r->v.broken);
	unrig(r);
}

/* One batch where some copies fail: each request gets its own answer,
 * the good frames arrive whole and in order. */
static void test_tx_batch_some_fail(void)
{
	struct rig *r = rig();
	bool notify;

	for (unsigned i = 0; i < 12; i++)
		post_tx(r, i % 3 == 1 ? 50 + i : i % PAGES, (uint16_t)(i * 100), (uint16_t)(60 + i),
			0, (uint16_t)(100 + i));
	push_tx(r);
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 12);
	CHECK_EQ(r->fake.calls, 1);
	CHECK_EQ(r->fake.copies, 12);
	for (unsigned i = 0; i < 12; i++) {
		CHECK_EQ(tx_rsp(r, i)->id, 100 + i);
		CHECK_EQ(tx_rsp(r, i)->status, i % 3 == 1 ? NETIF_RSP_ERROR : NETIF_RSP_OKAY);
	}
	CHECK_EQ(r->delivered, 8);
	CHECK_EQ(r->v.st.tx_errors, 4);
	/* The last delivered was request 11: page 3, offset 1100, 71 bytes. */
	CHECK_EQ(r->last_len, 71);
	CHECK(memcmp(r->last, r->fake.page[11 % PAGES] + 1100, 71) == 0);
	/* A frontend of another domain: its copies all fail. */
	r->v.domid = 4;
	post_tx(r, 1, 0, 60, 0, 1);
	post_tx(r, 2, 0, 60, 0, 2);
	push_tx(r);
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 2);
	CHECK_EQ(tx_rsp(r, 12)->status, NETIF_RSP_ERROR);
	CHECK_EQ(tx_rsp(r, 13)->status, NETIF_RSP_ERROR);
	CHECK_EQ(r->delivered, 8);
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

/* r's first n rx responses: each want's id and status, and no more. */
static void rx_answered(struct rig *r, const int (*want)[2], unsigned n)
{
	CHECK_EQ(r->rxs->rsp_prod, n);
	for (unsigned i = 0; i < n; i++) {
		CHECK_EQ(RING_GET_RESPONSE(&r->rxf, i)->id, want[i][0]);
		CHECK_EQ(RING_GET_RESPONSE(&r->rxf, i)->status, want[i][1]);
	}
}

/* rx copies of a turn for two vifs in one batch, some failing: each
 * buffer answered in its vif's order, the good ones holding the frame. */
static void test_rxq(void)
{
	struct rig *a = rig(), *b = rig();
	static uint8_t frame[2][NETBACK_BUF] __attribute__((aligned(NETBACK_BUF)));
	struct netback_rxq q = { .n = 0 };

	for (unsigned i = 0; i < NETBACK_BUF; i++)
		frame[0][i] = (uint8_t)i, frame[1][i] = (uint8_t)~i;
	post_rx(a, 4, 1);
	post_rx(a, 77, 2);                                  /* never granted */
	post_rx(b, 5, 3);
	a->fake.readonly[6] = true;
	post_rx(b, 6, 4);
	post_rx(a, 7, 5);
	/* b's pages are a's fake too: one batch serves both vifs. */
	b->v.copy = a->v.copy;
	CHECK(netback_rxq_add(&q, &a->v, frame[0], 1514));
	CHECK(netback_rxq_add(&q, &b->v, frame[1], 60));
	CHECK(netback_rxq_add(&q, &a->v, frame[1], 100));
	CHECK(netback_rxq_add(&q, &b->v, frame[0], 60));
	CHECK(netback_rxq_add(&q, &a->v, frame[0], 14));
	CHECK(!netback_rxq_add(&q, &b->v, frame[0], 60));   /* b has no buffer left */
	CHECK(!netback_rxq_add(&q, &a->v, frame[0], 13));   /* no frame */
	CHECK_EQ(b->v.st.rx_no_buffer, 1);
	CHECK_EQ(a->fake.calls, 0);
	CHECK_EQ(a->rxs->rsp_prod, 0);                      /* nothing answered yet */
	netback_rxq_flush(&q);
	CHECK_EQ(a->fake.calls, 1);
	CHECK_EQ(a->fake.copies, 5);
	CHECK_EQ(q.n, 0);
	rx_answered(a, (const int[][2]){ { 1, 1514 }, { 2, NETIF_RSP_ERROR }, { 5, 14 } }, 3);
	rx_answered(b, (const int[][2]){ { 3, 60 }, { 4, NETIF_RSP_ERROR } }, 2);
	CHECK(memcmp(a->fake.page[4], frame[0], 1514) == 0);
	CHECK(memcmp(a->fake.page[5], frame[1], 60) == 0);
	CHECK(a->v.rx_notify && b->v.rx_notify);
	CHECK_EQ(a->v.st.rx_frames, 2);
	CHECK_EQ(a->v.st.rx_errors, 1);
	CHECK_EQ(b->v.st.rx_frames, 1);
	CHECK_EQ(b->v.st.rx_errors, 1);
	/* More than a batch: the queue flushes itself when full. */
	for (unsigned i = 0; i < NETBACK_BATCH + 6; i++)
		post_rx(a, 1, (uint16_t)i);
	for (unsigned i = 0; i < NETBACK_BATCH + 6; i++)
		CHECK(netback_rxq_add(&q, &a->v, frame[0], 60));
	CHECK_EQ(a->fake.calls, 2);
	netback_rxq_flush(&q);
	CHECK_EQ(a->fake.calls, 3);
	CHECK_EQ(a->v.st.rx_frames, 2 + NETBACK_BATCH + 6);
	unrig(a);
	unrig(b);
}

/* A turn's rx for vifs reached two ways (grant copy, flipping): one
 * call for each way, whatever the order the frames came in; each buffer
 * answered in its vif's order, a bad ref failing its own frame only. */
static void test_rxq_two_ways(void)
{
	struct rig *a = rig(), *b = rig(), *c = rig();
	static uint8_t frame[NETBACK_BUF] __attribute__((aligned(NETBACK_BUF)));
	struct netback_rxq q = { .n = 0 };

	for (unsigned i = 0; i < NETBACK_BUF; i++)
		frame[i] = (uint8_t)(i * 7);
	b->v.copy = a->v.copy;                                  /* a and b by copy */
	c->v.copy = (struct netback_copy){ batch, flips, &a->fake };    /* c flips */
	post_rx(a, 1, 10);
	post_rx(c, 2, 20);
	post_rx(b, 3, 30);
	post_rx(c, 66, 21);                                  /* never granted */
	post_rx(c, 4, 22);
	post_rx(a, 99, 11);                                  /* never granted */
	CHECK(netback_rxq_add(&q, &a->v, frame, 100));
	CHECK(netback_rxq_add(&q, &c->v, frame, 200));
	CHECK(netback_rxq_add(&q, &b->v, frame, 300));
	CHECK(netback_rxq_add(&q, &c->v, frame, 400));
	CHECK(netback_rxq_add(&q, &c->v, frame, 500));
	CHECK(netback_rxq_add(&q, &a->v, frame, 600));
	netback_rxq_flush(&q);
	CHECK_EQ(a->fake.calls, 1);                          /* a's and b's four copies */
	CHECK_EQ(a->fake.flip_calls, 1);                     /* c's three flips */
	CHECK_EQ(a->fake.copies, 6);
	rx_answered(a, (const int[][2]){ { 10, 100 }, { 11, NETIF_RSP_ERROR } }, 2);
	rx_answered(b, (const int[][2]){ { 30, 300 } }, 1);
	rx_answered(c, (const int[][2]){ { 20, 200 }, { 21, NETIF_RSP_ERROR }, { 22, 500 } }, 3);
	CHECK(memcmp(a->fake.page[4], frame, 500) == 0);
	CHECK_EQ(c->v.st.rx_frames, 2);
	CHECK_EQ(c->v.st.rx_errors, 1);
	CHECK_EQ(q.n, 0);
	unrig(a);
	unrig(b);
	unrig(c);
}

/* The rate: frames past the credit wait in the ring until it is given
 * back; a frame bigger than an interval's credit still goes. */
static void test_tx_credit(void)
{
	struct rig *r = rig();
	uint64_t bytes, ns;
	bool notify;

	CHECK(netback_rate_parse("1000,50000", &bytes, &ns));
	CHECK_EQ(bytes, 1000);
	CHECK_EQ(ns, 50000000);
	static const char *const bad[] = { "", "1000", "1000,", ",5", "0,5", "5,0", "5,5x",
					   "-1,5", "5, 5", "99999999999999999999,1",
					   "1,18446744073709552" };
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK(!netback_rate_parse(bad[i], &bytes, &ns));
	netback_credit_set(&r->v.credit, 1000, 50000000);
	netback_credit_refill(&r->v.credit, 1);
	for (unsigned i = 0; i < 20; i++)
		post_tx(r, 1, 0, 300, 0, (uint16_t)i);
	post_tx(r, 1, 0, 1514, 0, 20);
	push_tx(r);
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 3);   /* 900 of 1000 */
	CHECK(r->v.throttled);
	CHECK(!netback_tx_pending(&r->v));
	/* Not yet time: nothing more. */
	netback_credit_refill(&r->v.credit, 50000000);
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 0);
	netback_credit_refill(&r->v.credit, 50000001);
	/* 100 left and 1000 given: three more. */
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 3);
	uint64_t t = 50000001;
	while (r->delivered < 20) {
		t += 50000000;
		netback_credit_refill(&r->v.credit, t);
		CHECK(netback_tx(&r->v, 64, deliver, r, &notify) <= 4);
	}
	/* 1514 bytes: credit adds up to a frame. */
	for (unsigned i = 0; i < 3 && r->delivered < 21; i++) {
		t += 50000000;
		netback_credit_refill(&r->v.credit, t);
		netback_tx(&r->v, 64, deliver, r, &notify);
	}
	CHECK_EQ(r->delivered, 21);
	CHECK(!r->v.throttled);
	/* No rate: everything at once. */
	netback_credit_set(&r->v.credit, 0, 0);
	for (unsigned i = 0; i < 30; i++)
		post_tx(r, 1, 0, 1514, 0, (uint16_t)i);
	push_tx(r);
	CHECK_EQ(netback_tx(&r->v, 64, deliver, r, &notify), 30);
	unrig(r);
}

UNIT_MAIN(UNIT(test_tx_frames), UNIT(test_tx_refusals), UNIT(test_tx_extra_info),
	  UNIT(test_tx_budget), UNIT(test_tx_batch_some_fail), UNIT(test_tx_garbage_indices),
	  UNIT(test_rx), UNIT(test_rxq), UNIT(test_rxq_two_ways), UNIT(test_tx_credit))
