/* blkif (miniguest/blkif/check.c and the ring macros over blkif's types):
 * the layout, the ring's index arithmetic round the 2^32 wrap with
 * requests answered out of order, and the checking of requests a frontend
 * wrote, each lie alone and then random garbage against an independent
 * reading of the rules. */
#include <stdlib.h>
#include <string.h>
#include "unit.h"
#include "miniguest/blkif/blkif.h"

static union { struct blkif_sring s; uint8_t page[RING_PAGE_SIZE]; } page;

static void test_layout(void)
{
	CHECK_EQ(sizeof(struct blkif_request), 108);
	CHECK_EQ(sizeof(struct blkif_response), 12);
	CHECK_EQ(sizeof(struct blkif_request_indirect), 64);
	CHECK_EQ(RING_PAGE_ENTRIES(&page.s), BLKIF_RING_SIZE);
	CHECK(offsetof(struct blkif_sring, ring) + BLKIF_RING_SIZE * sizeof(page.s.ring[0]) <=
	      RING_PAGE_SIZE);
	CHECK_EQ(BLKIF_SEGS_PER_INDIRECT_FRAME, 512);
	CHECK_EQ(blkif_indirect_pages(1), 1);
	CHECK_EQ(blkif_indirect_pages(512), 1);
	CHECK_EQ(blkif_indirect_pages(513), 2);
	CHECK_EQ(blkif_indirect_pages(0xffffffffu), 0x800000u);
}

/* Out-of-order answers never let more than a ring of requests be taken,
 * across the wrap of the free-running indices. */
static void test_ring_wrap(void)
{
	struct blkif_front_ring f;
	struct blkif_back_ring b;
	SHARED_RING_INIT(&page.s);
	FRONT_RING_INIT(&f, &page.s);
	BACK_RING_INIT(&b, &page.s);
	RING_IDX start = 0xffffffe0u;
	f.req_prod_pvt = f.rsp_cons = start;
	b.req_cons = b.rsp_prod_pvt = start;
	page.s.req_prod = page.s.rsp_prod = start;
	unsigned taken_max = 0;
	for (unsigned round = 0; round < 200; round++) {
		while (!RING_FULL(&f))
			f.req_prod_pvt++;
		page.s.req_prod = f.req_prod_pvt;
		CHECK(!RING_REQUESTS_BROKEN(&b));
		unsigned n = RING_HAS_UNCONSUMED_REQUESTS(&b);
		b.req_cons += n;
		if (b.req_cons - b.rsp_prod_pvt > taken_max)
			taken_max = b.req_cons - b.rsp_prod_pvt;
		/* Answer a few of those in flight (any of them: order is free). */
		unsigned answer = 1 + round % 7;
		if (answer > b.req_cons - b.rsp_prod_pvt)
			answer = b.req_cons - b.rsp_prod_pvt;
		b.rsp_prod_pvt += answer;
		page.s.rsp_prod = b.rsp_prod_pvt;
		CHECK(!RING_RESPONSES_BROKEN(&f));
		f.rsp_cons += RING_HAS_UNCONSUMED_RESPONSES(&f);
	}
	CHECK_EQ(taken_max, BLKIF_RING_SIZE);
	CHECK(b.req_cons < start);      /* wrapped */
	page.s.req_prod = b.req_cons + BLKIF_RING_SIZE + 1;
	CHECK(RING_REQUESTS_BROKEN(&b));
	page.s.req_prod = b.req_cons - 1;
	CHECK(RING_REQUESTS_BROKEN(&b));
}

static struct blkif_request rw(uint8_t op, uint8_t n, uint64_t sector)
{
	struct blkif_request r = { .operation = op, .nr_segments = n, .id = 9, .sector_number = sector };
	for (unsigned i = 0; i < BLKIF_MAX_SEGMENTS_PER_REQUEST; i++)
		r.seg[i] = (struct blkif_request_segment){ 100 + i, 0, 7 };
	return r;
}

static void test_each_lie(void)
{
	struct blkif_io io;
	struct blkif_request r = rw(BLKIF_OP_READ, 2, 100);
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_OKAY);
	CHECK_EQ(io.nr_sectors, 16);
	r = rw(BLKIF_OP_WRITE, 11, 1000 - 88);
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_OKAY);
	r.sector_number = 1000 - 87;
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_ERROR);
	r.sector_number = ~0ull - 10;       /* would wrap past 2^64 */
	CHECK_EQ(blkif_check(&r, ~0ull, true, &io), BLKIF_RSP_ERROR);
	r = rw(BLKIF_OP_READ, 1, 0);
	r.seg[0].first_sect = 3;
	r.seg[0].last_sect = 2;
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_ERROR);
	r.seg[0].first_sect = 0;
	r.seg[0].last_sect = 8;
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_ERROR);
	r = rw(BLKIF_OP_READ, 12, 0);
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_ERROR);
	r = rw(BLKIF_OP_READ, 0, 0);
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_ERROR);
	r = rw(BLKIF_OP_FLUSH_DISKCACHE, 0, 123456);
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_OKAY);
	CHECK(io.flush && io.op == BLKIF_OP_FLUSH_DISKCACHE);
	r = rw(BLKIF_OP_WRITE_BARRIER, 1, 0);
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_OKAY);
	CHECK(io.flush && io.op == BLKIF_OP_WRITE);
	r = rw(99, 1, 0);
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_EOPNOTSUPP);
	r = rw(BLKIF_OP_RESERVED_1, 1, 0);
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_EOPNOTSUPP);

	struct blkif_request_discard d = { .operation = BLKIF_OP_DISCARD, .sector_number = 990,
					   .nr_sectors = 10 };
	memcpy(&r, &d, sizeof(d));
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_OKAY);
	CHECK_EQ(blkif_check(&r, 1000, false, &io), BLKIF_RSP_EOPNOTSUPP);
	d.nr_sectors = 11;
	memcpy(&r, &d, sizeof(d));
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_ERROR);
	d.nr_sectors = 0;
	memcpy(&r, &d, sizeof(d));
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_ERROR);

	struct blkif_request_indirect in = { .operation = BLKIF_OP_INDIRECT,
					     .indirect_op = BLKIF_OP_WRITE, .nr_segments = 32 };
	memcpy(&r, &in, sizeof(in));
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_OKAY);
	CHECK_EQ(io.nindirect, 1);
	for (unsigned i = 0; i < 32; i++)
		io.seg[i] = (struct blkif_request_segment){ 1, 0, 7 };
	CHECK_EQ(blkif_check_segs(&io, 1000), BLKIF_RSP_OKAY);
	CHECK_EQ(io.nr_sectors, 256);
	io.seg[31].last_sect = 9;
	CHECK_EQ(blkif_check_segs(&io, 1000), BLKIF_RSP_ERROR);
	in.nr_segments = 33;
	memcpy(&r, &in, sizeof(in));
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_ERROR);
	in.nr_segments = 0;
	memcpy(&r, &in, sizeof(in));
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_ERROR);
	in.nr_segments = 4;
	in.indirect_op = BLKIF_OP_INDIRECT;
	memcpy(&r, &in, sizeof(in));
	CHECK_EQ(blkif_check(&r, 1000, true, &io), BLKIF_RSP_ERROR);
}

/* Random bytes as requests: whatever is accepted obeys the rules, read
 * here independently; unknown operations are EOPNOTSUPP. */
static void test_garbage(void)
{
	srand(14);
	unsigned accepted = 0;
	for (unsigned t = 0; t < 200000; t++) {
		struct blkif_request r;
		uint8_t *p = (uint8_t *)&r;
		for (size_t i = 0; i < sizeof(r); i++)
			p[i] = (uint8_t)rand();
		r.operation %= 8;
		if (t & 1)
			r.nr_segments %= 13;
		if (t & 2)
			for (unsigned i = 0; i < BLKIF_MAX_SEGMENTS_PER_REQUEST; i++)
				r.seg[i].first_sect %= 8, r.seg[i].last_sect %= 9;
		if (t & 4)
			r.sector_number %= 4096;
		uint64_t disk = t & 8 ? 4096 : ~0ull - (uint64_t)(rand() % 1000);
		struct blkif_io io;
		int st = blkif_check(&r, disk, true, &io);
		CHECK(st == BLKIF_RSP_OKAY || st == BLKIF_RSP_ERROR || st == BLKIF_RSP_EOPNOTSUPP);
		if (r.operation == 4 || r.operation == 7)
			CHECK_EQ(st, BLKIF_RSP_EOPNOTSUPP);
		if (st != BLKIF_RSP_OKAY || r.operation == BLKIF_OP_INDIRECT)
			continue;
		accepted++;
		if (r.operation == BLKIF_OP_DISCARD) {
			CHECK(io.nr_sectors >= 1 && io.sector <= disk && disk - io.sector >= io.nr_sectors);
			continue;
		}
		unsigned __int128 total = 0;
		CHECK(io.nsegs <= BLKIF_MAX_SEGMENTS_PER_REQUEST);
		CHECK(io.nsegs >= 1 || io.op == BLKIF_OP_FLUSH_DISKCACHE);
		for (unsigned i = 0; i < io.nsegs; i++) {
			CHECK(io.seg[i].first_sect <= io.seg[i].last_sect && io.seg[i].last_sect <= 7);
			total += io.seg[i].last_sect - io.seg[i].first_sect + 1u;
		}
		CHECK(total == io.nr_sectors);
		CHECK(total == 0 || (unsigned __int128)io.sector + total <= disk);
	}
	CHECK(accepted > 1000);
}

UNIT_MAIN(UNIT(test_layout), UNIT(test_ring_wrap), UNIT(test_each_lie), UNIT(test_garbage))
