/* blkback's ring: the dispatcher copies each request out of the shared
 * page, checks it and queues it for the workers; a worker does it and
 * answers. At most BATCH requests are taken per turn before the thread
 * yields, so one busy frontend cannot starve another's threads. In-flight
 * requests never exceed the ring's size: a request is only taken while
 * there is room for its response (RING_HAS_UNCONSUMED_REQUESTS). */
#include <stdio.h>
#include <string.h>

#include "blkif/back.h"
#include "kernel/account.h"
#include "kernel/cost.h"
#include "kernel/grant.h"
#include "kernel/time.h"

#define BATCH 8
#define TENTH 100000000ull

void blkback_respond(struct vbd *v, uint64_t id, uint8_t op, int status)
{
	int notify;
	struct blkif_response *rsp = RING_GET_RESPONSE(&v->r, v->r.rsp_prod_pvt);
	rsp->id = id;
	rsp->operation = op;
	rsp->status = (int16_t)status;
	v->r.rsp_prod_pvt++;
	v->answered++;
	RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&v->r, notify);
	if (notify)
		evtchn_notify(v->b.port);
	/* A response frees room: the dispatcher may take more. */
	v->kicks++;
	waitq_wake_all(&v->kick_wq);
}

static void worker(void *arg)
{
	struct blkback_worker *w = arg;
	struct vbd *v = w->v;
	for (;;) {
		wait_until(&v->work_wq, v->q_head != v->q_tail || v->stopping);
		if (v->q_head == v->q_tail)
			break;
		struct blkback_slot *s = &v->slots[v->queue[v->q_head++ % BLKIF_RING_SIZE]];
		/* The hypervisor charges this request's time to its frontend
		 * (SCHEDOP_ringlet_serving); a refusal (Xen) changes nothing. */
		(void)account_serving(v->fe);
		cost_begin(COST_BLK, v->fe);
		int status = blkback_do(v, &s->io, w->window);
		blkback_count(v, &s->io);
		s->busy = false;
		blkback_respond(v, s->id, s->op, status);
		cost_end(COST_BLK, v->fe, 1);
		(void)account_serving(DOMID_SELF);
	}
	v->workers--;
	waitq_wake_all(&v->kick_wq);
}

/* Take one request: answered now when it is bad, else queued. */
static void take(struct vbd *v)
{
	cost_alone(COST_BLK, v->fe);
	RING_IDX i = v->r.req_cons++;
	/* Requests in flight are never more than the slots (above). */
	unsigned k = 0;
	while (v->slots[k].busy)
		k++;
	struct blkback_slot *s = &v->slots[k];
	struct blkif_request q;
	memcpy(&q, RING_GET_REQUEST(&v->r, i), sizeof(q));
	RING_MB();
	s->id = q.id;
	s->op = q.operation;
	bool can_discard = v->dev->write != NULL;
	uint64_t sectors = v->dev->sectors * (v->dev->sector_size / BLKIF_SECTOR_SIZE);
	int status = blkif_check(&q, sectors, can_discard, &s->io);
	if (status != BLKIF_RSP_OKAY) {
		blkback_respond(v, s->id, s->op, status);
		cost_alone_end(COST_BLK, v->fe, 1);
		return;
	}
	s->busy = true;
	if (v->q_head != v->q_tail)
		v->stat[VBD_OO_REQ]++;
	v->queue[v->q_tail++ % BLKIF_RING_SIZE] = (uint8_t)k;
	waitq_wake_all(&v->work_wq);
	cost_alone_end(COST_BLK, v->fe, 0);
}

/* Take up to BATCH requests: -1 when the frontend broke the ring, 1 when
 * there may be more, 0 when there are none. */
static int dispatch(struct vbd *v)
{
	for (unsigned n = 0; n < BATCH; n++) {
		if (RING_REQUESTS_BROKEN(&v->r))
			return -1;
		int work;
		RING_FINAL_CHECK_FOR_REQUESTS(&v->r, work);
		if (!work)
			return 0;
		take(v);
	}
	thread_yield();
	return 1;
}

static bool frontend_there(struct vbd *v)
{
	enum xenbus_state s = xenbus_read_state(v->b.dev.peer);
	return s == XenbusStateConnected || s == XenbusStateInitialised;
}

void blkback_serve(struct vbd *v)
{
	bool broken = false;
	uint64_t look = 0;

	/* A vbd is served once: its windows are made once, and kept. */
	for (unsigned i = 0; i < BLKBACK_WORKERS; i++) {
		struct blkback_worker *w = &v->worker[i];
		w->v = v;
		if (!w->window)
			w->window = grant_window(BLKIF_INDIRECT_MAX);
		v->workers += w->window && thread_create("blkback-io", worker, w, 16384) != NULL;
	}
	if (!v->workers) {
		blkback_error(v, "no memory for a worker");
		blkback_disconnect(v);
		return;
	}
	for (;;) {
		unsigned seen = v->kicks;
		blkback_publish(v);
		int more = dispatch(v);
		if (more < 0) {
			broken = true;
			break;
		}
		if (more || v->kicks != seen)
			continue;
		/* The frontend's state, at most ten times a second. */
		if (time_now_ns() >= look) {
			if (!frontend_there(v))
				break;
			look = time_now_ns() + TENTH;
		}
		unsigned mask = events_mask_save();
		if (v->kicks == seen)
			waitq_block_until(&v->kick_wq, time_now_ns() + TENTH);
		events_restore(mask);
	}
	if (broken)
		blkback_error(v, "the producer index is more than a ring ahead: disconnected");
	v->stopping = true;
	waitq_wake_all(&v->work_wq);
	wait_until(&v->kick_wq, v->workers == 0);
	printf("blkback: domain %u: %llu requests answered; %s\n", v->fe,
	       (unsigned long long)v->answered, broken ? "its ring is broken: closed" : "the frontend closed");
	cost_say("blkback", COST_BLK, v->fe);
	blkback_disconnect(v);
}
