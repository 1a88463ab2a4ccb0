/* The shared ring macros (miniguest/xenbus/ring.h): Xen's layout, entries
 * in a page, requests and responses round the wrap, when each end is told
 * to notify, and a backend's view of a frontend that lies about req_prod. */
#include <string.h>
#include "unit.h"
#include "miniguest/xenbus/ring.h"

struct t_req { uint32_t id, value; };
struct t_rsp { uint32_t id, value; };
DEFINE_RING_TYPES(t, struct t_req, struct t_rsp);

struct big { uint8_t b[112]; };            /* blkif's request size */
DEFINE_RING_TYPES(b, struct big, struct big);

static union { struct t_sring s; uint8_t page[RING_PAGE_SIZE]; } page;

static void test_layout(void)
{
	CHECK_EQ(offsetof(struct t_sring, req_event), 4);
	CHECK_EQ(offsetof(struct t_sring, rsp_prod), 8);
	CHECK_EQ(offsetof(struct t_sring, rsp_event), 12);
	CHECK_EQ(offsetof(struct t_sring, ring), 64);
	struct t_sring *s = &page.s;
	CHECK_EQ(RING_PAGE_ENTRIES(s), 256);    /* 4032 / 8 = 504, down to 256 */
	struct b_sring *bs = (struct b_sring *)page.page;
	CHECK_EQ(RING_PAGE_ENTRIES(bs), 32);    /* 4032 / 112 = 36, down to 32 */
	CHECK_EQ(RING_POW2(1), 1);
	CHECK_EQ(RING_POW2(4095), 2048);
}

static void test_round_trip(void)
{
	struct t_front_ring f;
	struct t_back_ring b;
	int notify, work;

	memset(&page, 0xa5, sizeof(page));
	SHARED_RING_INIT(&page.s);
	FRONT_RING_INIT(&f, &page.s);
	BACK_RING_INIT(&b, &page.s);
	CHECK_EQ(RING_FREE_REQUESTS(&f), 256);
	/* Far enough to wrap the indices round the ring several times. */
	for (uint32_t round = 0; round < 1000; round++) {
		uint32_t n = 1 + round % 7;
		for (uint32_t i = 0; i < n; i++)
			*RING_GET_REQUEST(&f, f.req_prod_pvt++) = (struct t_req){ round, i };
		RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&f, notify);
		CHECK_EQ(notify, 1);            /* the backend asked (req_event) */
		CHECK(!RING_REQUESTS_BROKEN(&b));
		CHECK_EQ(RING_HAS_UNCONSUMED_REQUESTS(&b), n);
		while (RING_HAS_UNCONSUMED_REQUESTS(&b)) {
			struct t_req q = *RING_GET_REQUEST(&b, b.req_cons++);
			*RING_GET_RESPONSE(&b, b.rsp_prod_pvt++) = (struct t_rsp){ q.id, q.value * 2 };
		}
		RING_FINAL_CHECK_FOR_REQUESTS(&b, work);
		CHECK_EQ(work, 0);
		RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&b, notify);
		CHECK_EQ(notify, 1);
		CHECK(!RING_RESPONSES_BROKEN(&f));
		for (uint32_t i = 0; i < n; i++) {
			struct t_rsp r = *RING_GET_RESPONSE(&f, f.rsp_cons++);
			CHECK_EQ(r.id, round);
			CHECK_EQ(r.value, i * 2);
		}
		RING_FINAL_CHECK_FOR_RESPONSES(&f, work);
		CHECK_EQ(work, 0);
	}
	/* A second push before the backend looked again: no new notification. */
	*RING_GET_REQUEST(&f, f.req_prod_pvt++) = (struct t_req){ 1, 1 };
	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&f, notify);
	CHECK_EQ(notify, 1);
	*RING_GET_REQUEST(&f, f.req_prod_pvt++) = (struct t_req){ 2, 2 };
	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&f, notify);
	CHECK_EQ(notify, 0);
}

static void test_full_and_lies(void)
{
	struct t_front_ring f;
	struct t_back_ring b;

	SHARED_RING_INIT(&page.s);
	FRONT_RING_INIT(&f, &page.s);
	BACK_RING_INIT(&b, &page.s);
	f.req_prod_pvt = 256;
	CHECK(RING_FULL(&f));
	/* A full ring is not a lie; one more request than it holds is. */
	page.s.req_prod = 256;
	CHECK(!RING_REQUESTS_BROKEN(&b));
	CHECK_EQ(RING_HAS_UNCONSUMED_REQUESTS(&b), 256);
	page.s.req_prod = 257;
	CHECK(RING_REQUESTS_BROKEN(&b));
	page.s.req_prod = 0xfffffff0u;          /* behind the backend */
	CHECK(RING_REQUESTS_BROKEN(&b));
	/* Requests beyond the room left for responses are not taken. */
	page.s.req_prod = 280;
	b.req_cons = 200;
	b.rsp_prod_pvt = 10;
	CHECK(!RING_REQUESTS_BROKEN(&b));
	CHECK_EQ(RING_HAS_UNCONSUMED_REQUESTS(&b), 66);
	/* A backend claiming responses never asked for. */
	f.req_prod_pvt = 3;
	f.rsp_cons = 0;
	page.s.rsp_prod = 4;
	CHECK(RING_RESPONSES_BROKEN(&f));
}

UNIT_MAIN(UNIT(test_layout), UNIT(test_round_trip), UNIT(test_full_and_lies))
