/* blkfront's device: one vbd of this domain, a struct blkdev for its
 * programs. Callers' threads put requests on the ring and sleep; the event
 * handler takes the responses and wakes them. */
#ifndef BLKIF_FRONT_H
#define BLKIF_FRONT_H

#include "blkif/blkif.h"
#include "ext2fs/blkdev.h"
#include "kernel/thread.h"
#include "xenbus/xenbus.h"

/* Segments a request carries here: 64 KiB of whole pages, and few enough
 * that every slot's grants fit our one grant-table frame with two disks. */
#define BLKFRONT_SEGS 16u
#define BLKFRONT_SLOTS 8u
/* Requests unanswered this long fail, and the device with them. */
#define BLKFRONT_TIMEOUT_NS (20 * 1000000000ull)

struct blkfront_slot {
	bool busy, done;
	uint64_t id;                    /* the slot, and the request's number above it */
	uint8_t op;                     /* what a response must say it did */
	bool indirect;
	int16_t status;
	uint32_t ngrefs;
	int grefs[BLKFRONT_SEGS + 1];   /* the data pages, then the list's */
};

struct blkfront {
	char name[8];
	unsigned vdev;
	struct xenbus_front f;
	struct blkif_front_ring r;
	struct blkdev dev;
	uint32_t segs;                  /* per request: 11, or more if indirect */
	bool indirect;
	bool flush, barrier, discard;
	unsigned long info;             /* the backend's VDISK_* flags */
	volatile bool dead;
	const char *why;                /* what ended it, if the backend lied */
	bool said;                      /* and that was printed */
	uint64_t issued;                /* requests put on the ring */
	struct waitqueue wq;
	struct blkfront_slot slots[BLKFRONT_SLOTS];
	struct blkif_request_segment *lists[BLKFRONT_SLOTS];  /* indirect pages */
	uint8_t *bounce;                /* for buffers not 512-byte aligned */
	bool bounce_busy;
};

/* front_ring.c */
void blkfront_event(evtchn_port_t port, void *data);
/* Put one request on the ring for up to count sectors (512 bytes) of buf,
 * which is 512-byte aligned: the sectors it takes (>= 1) and its slot in
 * *slot, or -EIO. A DISCARD takes no buffer and all count sectors. */
int blkfront_issue(struct blkfront *b, uint8_t op, uint64_t sector, uint8_t *buf,
		   uint64_t count, unsigned *slot);
/* Wait for slot's answer: 0 or -EIO. */
int blkfront_wait(struct blkfront *b, unsigned slot);

/* front_dev.c: the blkdev callbacks over b (no write for a read-only
 * disk, discard when offered). */
void blkfront_blkdev(struct blkfront *b, uint64_t sectors, uint32_t sector_size);

#endif
