/* A hostile blkif frontend speaking the raw ring to blkback: requests past
 * the disk or wrapping round 2^64, first_sect > last_sect, a sector 8,
 * too many segments (direct and indirect), bad and foreign grant refs (one
 * among good ones: nothing done, nothing left mapped), an
 * operation not known, duplicate ids, responses it never consumes, and at
 * last a producer index far ahead; and an honest discard, which zeroes. Each must get its error response (or,
 * the last, the device cut off); an honest request between them must
 * still work. */
#include <stdio.h>
#include <string.h>

#include "blkif/blkif.h"
#include "kernel/frames.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "xenbus/xenbus.h"

#define SECOND 1000000000ull

static uint8_t ring_page[4096] __attribute__((aligned(4096)));
static uint8_t data[4096] __attribute__((aligned(4096)));
static uint8_t list[4096] __attribute__((aligned(4096)));
static struct xenbus_front f;
static struct blkif_front_ring r;
static struct blkif_sring *s = (struct blkif_sring *)ring_page;
static unsigned checks, good;

static void kick(evtchn_port_t port, void *arg)
{
	(void)port;
	(void)arg;
}

static void push(void)
{
	int notify;
	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&r, notify);
	(void)notify;
	evtchn_notify(f.port);
}

static void put(const void *q, size_t len)
{
	struct blkif_request *slot = RING_GET_REQUEST(&r, r.req_prod_pvt);
	memset(slot, 0, sizeof(*slot));
	memcpy(slot, q, len);
	r.req_prod_pvt++;
}

/* The next response (5 s at most): its status, or 99 when none came. */
static int16_t next(uint64_t *id)
{
	uint64_t end = time_now_ns() + 5 * SECOND;
	while (!RING_HAS_UNCONSUMED_RESPONSES(&r) && time_now_ns() < end)
		thread_sleep_ns(SECOND / 1000);
	if (!RING_HAS_UNCONSUMED_RESPONSES(&r))
		return 99;
	struct blkif_response a = *RING_GET_RESPONSE(&r, r.rsp_cons);
	r.rsp_cons++;
	*id = a.id;
	return a.status;
}

static void expect(const char *what, int16_t got, uint64_t id, uint64_t want_id, int16_t want)
{
	checks++;
	bool ok = got == want && id == want_id;
	good += ok;
	printf("blkhostile: %s: status %d (want %d)%s\n", what, got, want, ok ? "" : " WRONG");
}

static void ask(const char *what, struct blkif_request q, int16_t want)
{
	uint64_t id = ~0ull;
	put(&q, sizeof(q));
	push();
	int16_t st = next(&id);
	expect(what, st, id, q.id, want);
}

static struct blkif_request rw(uint8_t op, uint64_t id, uint64_t sector, grant_ref_t g,
			       uint8_t first, uint8_t last)
{
	return (struct blkif_request){ .operation = op, .nr_segments = 1, .id = id,
				       .sector_number = sector,
				       .seg = { { g, first, last } } };
}

static void indirect(const char *what, uint8_t op, uint16_t n, grant_ref_t lref, grant_ref_t g,
		     int16_t want)
{
	struct blkif_request_segment *seg = (void *)list;
	for (unsigned i = 0; i < BLKIF_SEGS_PER_INDIRECT_FRAME; i++)
		seg[i] = (struct blkif_request_segment){ g, 0, 7 };
	struct blkif_request_indirect q = { .operation = BLKIF_OP_INDIRECT, .indirect_op = op,
					    .nr_segments = n, .id = 500 + n,
					    .indirect_grefs = { lref } };
	uint64_t id = ~0ull;
	put(&q, sizeof(q));
	push();
	int16_t st = next(&id);
	expect(what, st, id, q.id, want);
}

int main(void)
{
	SHARED_RING_INIT(s);
	FRONT_RING_INIT(&r, s);
	if (xenbus_front_open(&f, "vbd", 202u << 8, ring_page, kick, NULL, 10 * SECOND) < 0) {
		printf("blkhostile: the backend did not connect\n");
		return 1;
	}
	char path[XENBUS_PATH + 16];
	snprintf(path, sizeof(path), "%s/sectors", f.dev.peer);
	uint64_t disk = (uint64_t)xb_read_num(path);
	uint16_t be = f.dev.peer_id, other = (uint16_t)(xb_domid() == 1 ? 2 : 1);
	grant_ref_t ok = (grant_ref_t)gnt_grant_access(be, pfn_to_mfn(virt_to_pfn(data)), false);
	grant_ref_t lref = (grant_ref_t)gnt_grant_access(be, pfn_to_mfn(virt_to_pfn(list)), true);
	grant_ref_t foreign = (grant_ref_t)gnt_grant_access(other, pfn_to_mfn(virt_to_pfn(data)), false);
	printf("blkhostile: connected, %llu sectors\n", (unsigned long long)disk);

	ask("an honest write", rw(BLKIF_OP_WRITE, 1, 0, ok, 0, 7), BLKIF_RSP_OKAY);
	ask("an honest read", rw(BLKIF_OP_READ, 2, 0, ok, 0, 7), BLKIF_RSP_OKAY);
	/* A discard, honest: the sectors read back as zeroes. */
	memset(data, 0xab, sizeof(data));
	ask("a write before a discard", rw(BLKIF_OP_WRITE, 20, 16, ok, 0, 7), BLKIF_RSP_OKAY);
	struct blkif_request_discard dd = { .operation = BLKIF_OP_DISCARD, .id = 21,
					    .sector_number = 16, .nr_sectors = 8 };
	struct blkif_request ddq;
	memcpy(&ddq, &dd, sizeof(dd));
	ask("an honest discard", ddq, BLKIF_RSP_OKAY);
	ask("a read after it", rw(BLKIF_OP_READ, 22, 16, ok, 0, 7), BLKIF_RSP_OKAY);
	unsigned nonzero = 0;
	for (unsigned i = 0; i < sizeof(data); i++)
		nonzero += data[i] != 0;
	checks++;
	good += nonzero == 0;
	printf("blkhostile: discarded sectors: %u bytes not zero\n", nonzero);
	ask("sectors past the disk", rw(BLKIF_OP_READ, 3, disk - 4, ok, 0, 7), BLKIF_RSP_ERROR);
	ask("a sector wrapping 2^64", rw(BLKIF_OP_WRITE, 4, ~0ull - 3, ok, 0, 7), BLKIF_RSP_ERROR);
	ask("first_sect > last_sect", rw(BLKIF_OP_READ, 5, 0, ok, 5, 2), BLKIF_RSP_ERROR);
	ask("last_sect 8", rw(BLKIF_OP_READ, 6, 0, ok, 0, 8), BLKIF_RSP_ERROR);
	struct blkif_request many = rw(BLKIF_OP_READ, 7, 0, ok, 0, 0);
	many.nr_segments = 12;
	ask("12 segments", many, BLKIF_RSP_ERROR);
	many.nr_segments = 0;
	many.id = 8;
	ask("a read of 0 segments", many, BLKIF_RSP_ERROR);
	ask("a bad grant ref", rw(BLKIF_OP_READ, 9, 0, 450, 0, 7), BLKIF_RSP_ERROR);
	ask("a grant ref for another domain", rw(BLKIF_OP_WRITE, 10, 0, foreign, 0, 7), BLKIF_RSP_ERROR);
	/* A bad ref among good ones: the request does nothing (its pages are
	 * mapped all at once or not at all), and leaves none mapped (below). */
	memset(data, 0xcd, sizeof(data));
	struct blkif_request mixed = rw(BLKIF_OP_WRITE, 14, 40, ok, 0, 7);
	mixed.nr_segments = 3;
	mixed.seg[1] = (struct blkif_request_segment){ 452, 0, 7 };
	mixed.seg[2] = (struct blkif_request_segment){ ok, 0, 7 };
	ask("a write with a bad ref between good ones", mixed, BLKIF_RSP_ERROR);
	ask("a read of where it would have gone", rw(BLKIF_OP_READ, 15, 40, ok, 0, 7),
	    BLKIF_RSP_OKAY);
	unsigned written = 0;
	for (unsigned i = 0; i < sizeof(data); i++)
		written += data[i] == 0xcd;
	checks++;
	good += written == 0;
	printf("blkhostile: of that write, %u bytes reached the disk\n", written);
	ask("operation 99", rw(99, 11, 0, ok, 0, 7), BLKIF_RSP_EOPNOTSUPP);
	ask("operation 4 (reserved)", rw(BLKIF_OP_RESERVED_1, 12, 0, ok, 0, 7), BLKIF_RSP_EOPNOTSUPP);
	struct blkif_request_discard d = { .operation = BLKIF_OP_DISCARD, .id = 13,
					   .sector_number = disk - 1, .nr_sectors = 2 };
	struct blkif_request dq;
	memcpy(&dq, &d, sizeof(d));
	ask("a discard past the disk", dq, BLKIF_RSP_ERROR);
	indirect("an indirect request of 16 segments", BLKIF_OP_READ, 16, lref, ok, BLKIF_RSP_OKAY);
	indirect("an indirect request of 33 segments", BLKIF_OP_READ, 33, lref, ok, BLKIF_RSP_ERROR);
	indirect("an indirect flush", BLKIF_OP_FLUSH_DISKCACHE, 4, lref, ok, BLKIF_RSP_ERROR);
	indirect("an indirect list not granted", BLKIF_OP_READ, 2, 451, ok, BLKIF_RSP_ERROR);
	indirect("an indirect list with a foreign ref", BLKIF_OP_WRITE, 3, lref, foreign, BLKIF_RSP_ERROR);

	/* Duplicate ids: each request is answered, with the id it had. */
	struct blkif_request dup = rw(BLKIF_OP_READ, 77, 8, ok, 0, 7);
	put(&dup, sizeof(dup));
	put(&dup, sizeof(dup));
	push();
	uint64_t id1 = 0, id2 = 0;
	int16_t a = next(&id1), b = next(&id2);
	expect("duplicate id, the first", a, id1, 77, BLKIF_RSP_OKAY);
	expect("duplicate id, the second", b, id2, 77, BLKIF_RSP_OKAY);

	/* Responses never consumed: two rings' worth of requests. */
	RING_IDX before = s->rsp_prod;
	for (unsigned round = 0; round < 2; round++) {
		for (unsigned i = 0; i < BLKIF_RING_SIZE; i++) {
			struct blkif_request q = rw(BLKIF_OP_READ, 1000 + i, i, ok, 0, 7);
			put(&q, sizeof(q));
		}
		push();
		uint64_t end = time_now_ns() + 5 * SECOND;
		while (s->rsp_prod - before < (round + 1) * BLKIF_RING_SIZE && time_now_ns() < end)
			thread_sleep_ns(SECOND / 100);
	}
	checks++;
	good += s->rsp_prod - before == 2 * BLKIF_RING_SIZE;
	printf("blkhostile: 64 requests, no response consumed: %u answered\n", s->rsp_prod - before);
	/* Every request answered: the backend maps none of our pages now. */
	bool unmapped = gnt_end_access(ok);
	checks++;
	good += unmapped;
	printf("blkhostile: its data page, all answered: %s\n",
	       unmapped ? "mapped no more" : "STILL MAPPED");

	/* A producer index far ahead: the device is cut off. */
	s->req_prod += 1000;
	evtchn_notify(f.port);
	enum xenbus_state st = xenbus_wait_peer(&f.dev, 1u << XenbusStateClosed,
						time_now_ns() + 10 * SECOND);
	char why[96] = "";
	snprintf(path, sizeof(path), "%s/error", f.dev.peer);
	xb_read(path, why, sizeof(why));
	checks++;
	good += st == XenbusStateClosed && why[0];
	printf("blkhostile: producer 1000 ahead: the backend is %s (error: %s)\n",
	       st == XenbusStateClosed ? "Closed" : "not Closed", why);
	printf("blkhostile: %u of %u answers right\n", good, checks);
	return good == checks ? 0 : 1;
}
