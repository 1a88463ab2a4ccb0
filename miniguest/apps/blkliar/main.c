/* blkliar COUNT: a lying blkback, the backend domain of an honest guest's
 * disks (disk=GUEST:ram:1M:NAME words), one lie per disk, chosen by its
 * index (xvda 0, xvdb 1...):
 *   0  none: every request answered OKAY
 *   1  a READ answered as a WRITE
 *   2  a status that is no BLKIF_RSP_* (5)
 *   3  a response for an id never issued
 *   4  the second request answered with the first's id
 *   5  a response producer 1000 past the requests
 *   6  the state Closed at the first request, none answered
 *   7  sector-size 1000 in the store (not a power of two)
 * No data moves: the guest's pages are never mapped. Ends once COUNT
 * disks are done (their frontends gone). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blkif/blkif.h"
#include "kernel/thread.h"
#include "kernel/time.h"
#include "xenbus/xenbus.h"

#define SECOND 1000000000ull

struct lvbd {
	char dir[XENBUS_PATH];
	unsigned lie;
	struct xenbus_back b;
	struct blkif_back_ring r;
	uint64_t first_id;
	unsigned answered;
};

static volatile unsigned done;

static void nothing(evtchn_port_t port, void *data)
{
	(void)port;
	(void)data;
}

static int put(struct lvbd *v, const char *key, const char *value)
{
	char path[XENBUS_PATH + 32];
	snprintf(path, sizeof(path), "%s/%s", v->dir, key);
	return xb_write(path, value);
}

static void respond(struct lvbd *v, uint64_t id, uint8_t op, int16_t status)
{
	int notify;
	*RING_GET_RESPONSE(&v->r, v->r.rsp_prod_pvt) =
		(struct blkif_response){ .id = id, .operation = op, .status = status };
	v->r.rsp_prod_pvt++;
	RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(&v->r, notify);
	(void)notify;
	evtchn_notify(v->b.port);
}

/* One request, answered with v's lie. */
static void answer(struct lvbd *v, const struct blkif_request *q)
{
	uint64_t id = q->id;
	uint8_t op = q->operation;
	int16_t status = BLKIF_RSP_OKAY;
	if (v->answered++ == 0)
		v->first_id = id;
	switch (v->lie) {
	case 1: op = op == BLKIF_OP_READ ? BLKIF_OP_WRITE : BLKIF_OP_READ; break;
	case 2: status = 5; break;
	case 3: id ^= 0x40000000ull; break;
	case 4: id = v->first_id; break;
	case 5:
		v->r.rsp_prod_pvt += 1000;
		RING_SHARED(v->r.sring->rsp_prod) = v->r.rsp_prod_pvt;
		evtchn_notify(v->b.port);
		return;
	case 6:
		xenbus_switch_state(&v->b.dev, XenbusStateClosed);
		return;
	}
	respond(v, id, op, status);
}

/* Requests answered until the frontend leaves (2 minutes at most). */
static void serve_ring(struct lvbd *v)
{
	uint64_t end = time_now_ns() + 120 * SECOND;
	for (unsigned turn = 0; time_now_ns() < end; turn++) {
		while (RING_HAS_UNCONSUMED_REQUESTS(&v->r)) {
			struct blkif_request q;
			RING_MB();
			memcpy(&q, RING_GET_REQUEST(&v->r, v->r.req_cons), sizeof(q));
			v->r.req_cons++;
			answer(v, &q);
		}
		/* Initialised until it has seen us Connected. */
		enum xenbus_state s = turn % 100 ? XenbusStateConnected
						 : xenbus_read_state(v->b.dev.peer);
		if (s != XenbusStateConnected && s != XenbusStateInitialised)
			break;
		thread_sleep_ns(SECOND / 1000);
	}
}

/* The toolstack writes mode last, just after making the directory. */
static bool made(struct lvbd *v)
{
	char path[XENBUS_PATH + 8], mode[4];
	uint64_t end = time_now_ns() + 5 * SECOND;
	snprintf(path, sizeof(path), "%s/mode", v->dir);
	while (xb_read(path, mode, sizeof(mode)) < 0)
		if (time_now_ns() >= end)
			return false;
		else
			thread_sleep_ns(SECOND / 20);
	return true;
}

static void serve(void *arg)
{
	struct lvbd *v = arg;
	int rc = !made(v) ? -1 : put(v, "sectors", "2048") | put(v, "info", "0") |
				 put(v, "sector-size", v->lie == 7 ? "1000" : "512");
	/* Disks connect one after another: a long wait for each. */
	if (rc < 0 || xenbus_back_open(&v->b, v->dir, nothing, v, 150 * SECOND) < 0) {
		printf("blkliar: %s: no frontend\n", v->dir);
		done++;
		return;
	}
	BACK_RING_INIT(&v->r, (struct blkif_sring *)v->b.rings[0].va);
	printf("blkliar: disk %u connected\n", v->lie);
	serve_ring(v);
	xenbus_back_close(&v->b);
	done++;
}

static void found(uint16_t fe, const char *dir, void *arg)
{
	struct lvbd *v = calloc(1, sizeof(*v));
	const char *n = strrchr(dir, '/');
	(void)fe, (void)arg;
	if (v) {
		snprintf(v->dir, sizeof(v->dir), "%s", dir);
		v->lie = (unsigned)(strtoul(n ? n + 1 : dir, NULL, 10) >> 4 & 15);
	}
	if (!v || !thread_create("blkliar", serve, v, 16384)) {
		printf("blkliar: %s: no memory\n", dir);
		done++;
	}
}

int main(int argc, char **argv)
{
	unsigned count = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 1;
	if (xenbus_back_watch("vbd", found, NULL) < 0) {
		printf("blkliar: no store\n");
		return 1;
	}
	while (done < count)
		thread_sleep_ns(SECOND / 10);
	printf("blkliar: %u disks told their lies\n", count);
	return 0;
}
