/* blkfront's ring: requests go on it from callers' threads, responses come
 * off it in the event handler, matched to their slot by id. A backend that
 * answers past what was asked, an id that is not waiting, another
 * operation or a status out of range ends the device (BLK-11); a backend
 * that goes away or stops answering ends it
 * too, and every request then fails with -EIO (never a hang: each wait
 * looks at the backend's state ten times a second and gives up after
 * BLKFRONT_TIMEOUT_NS). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "blkif/front.h"
#include "kernel/frames.h"
#include "kernel/pagetable.h"
#include "kernel/time.h"

#define TENTH 100000000ull

/* What is wrong with a response, or NULL. The id names the slot and
 * the request's number, so an answer repeated after its slot was reused
 * is not taken for the new request's. */
static const char *lie(struct blkfront *b, const struct blkif_response *rsp)
{
	const struct blkfront_slot *s = &b->slots[rsp->id % BLKFRONT_SLOTS];
	if (!s->busy || s->done || s->id != rsp->id)
		return "a response for a request not waiting";
	/* Ours answers an indirect request as BLKIF_OP_INDIRECT, Linux's as
	 * the operation inside it. */
	if (rsp->operation != s->op &&
	    !(rsp->operation == BLKIF_OP_INDIRECT && s->indirect))
		return "a response for another operation";
	if (rsp->status != BLKIF_RSP_OKAY && rsp->status != BLKIF_RSP_ERROR &&
	    rsp->status != BLKIF_RSP_EOPNOTSUPP)
		return "a status out of range";
	return NULL;
}

void blkfront_event(evtchn_port_t port, void *data)
{
	(void)port;
	struct blkfront *b = data;
	int more;
	do {
		if (RING_RESPONSES_BROKEN(&b->r)) {
			b->why = "a response index past the requests";
			b->dead = true;
			break;
		}
		while (RING_HAS_UNCONSUMED_RESPONSES(&b->r) && !b->dead) {
			struct blkif_response rsp = *RING_GET_RESPONSE(&b->r, b->r.rsp_cons);
			b->r.rsp_cons++;
			/* A backend that lies once is not believed again (as
			 * Linux's blkfront): every request fails. */
			if ((b->why = lie(b, &rsp))) {
				b->dead = true;
				break;
			}
			struct blkfront_slot *s = &b->slots[rsp.id % BLKFRONT_SLOTS];
			s->status = rsp.status;
			s->done = true;
		}
		RING_FINAL_CHECK_FOR_RESPONSES(&b->r, more);
	} while (more && !b->dead);
	waitq_wake_all(&b->wq);
}

static bool backend_there(struct blkfront *b)
{
	return xenbus_read_state(b->f.dev.peer) == XenbusStateConnected;
}

/* Wait until cond (checked with events masked) or the device ends. The
 * backend's state is read from the store only once a wait has lasted a
 * tenth of a second, not after every wake-up: a store read is a round
 * trip through another domain, dearer than the request it would watch. */
#define WAIT_FOR(b, cond) ({                                                   \
	uint64_t now_ = time_now_ns(), end_ = now_ + BLKFRONT_TIMEOUT_NS;      \
	uint64_t look_ = now_ + TENTH;                                         \
	bool ok_;                                                              \
	for (;;) {                                                             \
		unsigned m_ = events_mask_save();                              \
		ok_ = (cond);                                                  \
		if (!ok_ && !(b)->dead)                                        \
			waitq_block_until(&(b)->wq, look_);                    \
		events_restore(m_);                                            \
		if (ok_ || (b)->dead)                                          \
			break;                                                 \
		if ((now_ = time_now_ns()) < look_)                            \
			continue;                                              \
		if (!backend_there(b) || now_ >= end_)                         \
			(b)->dead = true;                                      \
		look_ = now_ + TENTH;                                          \
	}                                                                      \
	ok_ && !(b)->dead;                                                     \
})

static int free_slot(struct blkfront *b)
{
	for (unsigned k = 0; k < BLKFRONT_SLOTS; k++)
		if (!b->slots[k].busy)
			return (int)k;
	return -1;
}

/* Buffers may be anywhere (the heap is outside the linear map): the
 * machine frame is the one our page table maps there. */
static int grant(struct blkfront *b, struct blkfront_slot *s, const void *page, bool ro)
{
	uint64_t pte = pte_of((uint32_t)(uintptr_t)page);
	if (!(pte & PV_PTE_PRESENT))
		return -1;
	uint32_t mfn = (uint32_t)((pte & 0x000ffffffffff000ull) >> PAGE_SHIFT);
	int ref = gnt_grant_access(b->f.dev.peer_id, mfn, ro);
	if (ref >= 0)
		s->grefs[s->ngrefs++] = ref;
	return ref;
}

static void release(struct blkfront_slot *s)
{
	/* A grant the backend still maps stays granted: that entry is lost,
	 * never reused while it could still write into our page. */
	for (uint32_t i = 0; i < s->ngrefs; i++)
		gnt_end_access(s->grefs[i]);
	s->ngrefs = 0;
	s->busy = false;
}

/* The segments for count sectors at buf: how many sectors they cover. */
static uint64_t segments(struct blkfront *b, struct blkfront_slot *s, bool ro, uint8_t *buf,
			 uint64_t count, struct blkif_request_segment *seg, uint32_t *n)
{
	uint64_t done = 0;
	for (*n = 0; *n < b->segs && done < count; (*n)++) {
		uint8_t *p = buf + done * BLKIF_SECTOR_SIZE;
		uint32_t first = ((uintptr_t)p & (PAGE_SIZE - 1)) / BLKIF_SECTOR_SIZE;
		uint64_t take = BLKIF_SECTORS_PER_PAGE - first;
		if (take > count - done)
			take = count - done;
		int ref = grant(b, s, (void *)((uintptr_t)p & ~(uintptr_t)(PAGE_SIZE - 1)), ro);
		if (ref < 0)
			return 0;
		seg[*n] = (struct blkif_request_segment){ (grant_ref_t)ref, (uint8_t)first,
							  (uint8_t)(first + take - 1) };
		done += take;
	}
	return done;
}

int blkfront_issue(struct blkfront *b, uint8_t op, uint64_t sector, uint8_t *buf,
		   uint64_t count, unsigned *slot)
{
	if (!WAIT_FOR(b, free_slot(b) >= 0 && !RING_FULL(&b->r)))
		return -EIO;
	unsigned k = (unsigned)free_slot(b);
	struct blkfront_slot *s = &b->slots[k];
	struct blkif_request_segment seg[BLKFRONT_SEGS];
	uint32_t n = 0;
	*s = (struct blkfront_slot){ .busy = true, .op = op, .id = k + BLKFRONT_SLOTS * ++b->issued };
	bool data = count && op != BLKIF_OP_DISCARD;
	uint64_t done = data ? segments(b, s, op == BLKIF_OP_WRITE, buf, count, seg, &n) : count;
	if (data && !done) {
		release(s);
		return -EIO;
	}
	struct blkif_request *r = RING_GET_REQUEST(&b->r, b->r.req_prod_pvt);
	if (op == BLKIF_OP_DISCARD) {
		*(struct blkif_request_discard *)r = (struct blkif_request_discard){
			.operation = op, .handle = (blkif_vdev_t)b->vdev, .id = s->id,
			.sector_number = sector, .nr_sectors = count };
	} else if (n <= BLKIF_MAX_SEGMENTS_PER_REQUEST) {
		*r = (struct blkif_request){ .operation = op, .nr_segments = (uint8_t)n,
					     .handle = (blkif_vdev_t)b->vdev, .id = s->id,
					     .sector_number = sector };
		memcpy(r->seg, seg, n * sizeof(seg[0]));
	} else {
		struct blkif_request_indirect *ri = (struct blkif_request_indirect *)r;
		s->indirect = true;
		memcpy(b->lists[k], seg, n * sizeof(seg[0]));
		int ref = grant(b, s, b->lists[k], true);
		if (ref < 0) {
			release(s);
			return -EIO;
		}
		*ri = (struct blkif_request_indirect){ .operation = BLKIF_OP_INDIRECT,
						       .indirect_op = op, .nr_segments = (uint16_t)n,
						       .id = s->id, .sector_number = sector,
						       .handle = (blkif_vdev_t)b->vdev,
						       .indirect_grefs = { (grant_ref_t)ref } };
	}
	b->r.req_prod_pvt++;
	int notify;
	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&b->r, notify);
	if (notify)
		evtchn_notify(b->f.port);
	*slot = k;
	return data ? (int)done : 1;
}

int blkfront_wait(struct blkfront *b, unsigned slot)
{
	struct blkfront_slot *s = &b->slots[slot];
	bool answered = WAIT_FOR(b, s->done);
	int16_t status = s->status;
	if (answered || s->done)
		release(s);
	if (b->why && !b->said) {
		b->said = true;
		printf("blkfront: %s: the backend lied (%s): every request fails\n", b->name, b->why);
	}
	/* Unanswered: its slot and grants stay taken (the device is dead). */
	return answered && status == BLKIF_RSP_OKAY ? 0 : -EIO;
}
