/* blkback's device: one vbd served to one frontend. The dispatcher thread
 * takes requests off the ring and checks them; worker threads do them and
 * answer, each as it finishes (so out of order). */
#ifndef BLKIF_BACK_H
#define BLKIF_BACK_H

#include "blkif/blkif.h"
#include "ext2fs/blkdev.h"
#include "kernel/thread.h"
#include "xenbus/xenbus.h"

#define BLKBACK_WORKERS 4

struct blkback_slot {
	uint64_t id;
	uint8_t op;                     /* the request's, for the response */
	bool busy;
	struct blkif_io io;
};

struct vbd;

/* The counters of back_stats.c. */
enum { VBD_RD_REQ, VBD_WR_REQ, VBD_F_REQ, VBD_DS_REQ, VBD_OO_REQ, VBD_RD_SECT, VBD_WR_SECT,
       VBD_STATS };

/* A worker thread and the address space it maps a request's pages in. */
struct blkback_worker {
	struct vbd *v;
	uint8_t *window;                /* BLKIF_INDIRECT_MAX pages */
};

struct vbd {
	uint16_t fe;
	char dir[XENBUS_PATH];
	struct blkdev *dev;
	struct blkdev ram;              /* params ram:SIZE: a disk of our own */
	struct blkdev ro;               /* mode r: the disk without its write */
	struct xenbus_back b;
	struct blkif_back_ring r;
	struct waitqueue kick_wq, work_wq;
	volatile unsigned kicks;
	/* Requests checked, waiting for a worker: slot numbers, a FIFO. */
	struct blkback_slot slots[BLKIF_RING_SIZE];
	uint8_t queue[BLKIF_RING_SIZE];
	unsigned q_head, q_tail;
	bool stopping;
	unsigned workers;               /* alive */
	struct blkback_worker worker[BLKBACK_WORKERS];
	uint64_t answered;
	uint64_t stat[VBD_STATS];
	struct xenbus_stats shown;      /* in the store */
};

/* back_conn.c: find the disk params names, write the keys, do the
 * handshake: 0, or -1 with the reason in the error key. */
int blkback_connect(struct vbd *v);
void blkback_disconnect(struct vbd *v);
void blkback_error(struct vbd *v, const char *why);

/* back_ring.c: serve v until its frontend goes or breaks the ring. */
void blkback_serve(struct vbd *v);
void blkback_respond(struct vbd *v, uint64_t id, uint8_t op, int status);

/* back_io.c: do a checked request: a BLKIF_RSP_* status. */
int blkback_do(struct vbd *v, struct blkif_io *io, uint8_t *window);

/* back_stats.c: count a request done; publish the counts in the store
 * (at most every half second). */
void blkback_count(struct vbd *v, const struct blkif_io *io);
void blkback_publish(struct vbd *v);

#endif
