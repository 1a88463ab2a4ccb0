/* A vbd's store side in blkback: the disk its params names, the keys a
 * Xen frontend reads, the handshake, and the frontend's protocol. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blkif/back.h"
#include "kernel/time.h"

#define SECOND 1000000000ull
#define RAM_MAX (64ull << 20)

void blkback_error(struct vbd *v, const char *why)
{
	char path[XENBUS_PATH + 8];
	snprintf(path, sizeof(path), "%s/error", v->dir);
	xb_write(path, why);
	printf("blkback: %s: %s\n", v->dir, why);
}

static int put(struct vbd *v, const char *key, unsigned long long value)
{
	char path[XENBUS_PATH + 32], s[24];
	snprintf(path, sizeof(path), "%s/%s", v->dir, key);
	snprintf(s, sizeof(s), "%llu", value);
	return xb_write(path, s);
}

/* "ram:SIZE" (SIZE in bytes, or with K or M): a zeroed disk of our own. */
static struct blkdev *ram(struct vbd *v, const char *size)
{
	char *end;
	unsigned long long n = strtoull(size, &end, 10);
	if (*end == 'K' || *end == 'M')
		n <<= *end++ == 'K' ? 10 : 20;
	if (*end || n < BLKIF_SECTOR_SIZE || n > RAM_MAX)
		return NULL;
	void *mem = calloc(1, (size_t)n);
	if (!mem)
		return NULL;
	blkdev_ram(&v->ram, mem, (size_t)n);
	return &v->ram;
}

/* mode r: the disk seen through a copy that has no write, so that
 * everything keyed on write (info, discard, WRITE requests) says no. */
static struct blkdev *mode(struct vbd *v, struct blkdev *dev)
{
	char path[XENBUS_PATH + 8], m[8];
	snprintf(path, sizeof(path), "%s/mode", v->dir);
	if (!dev || xb_read(path, m, sizeof(m)) < 0 || strcmp(m, "r") != 0)
		return dev;
	v->ro = *dev;
	v->ro.write = NULL;
	v->ro.discard = NULL;
	return &v->ro;
}

static struct blkdev *disk(struct vbd *v)
{
	char path[XENBUS_PATH + 8], params[64];
	uint64_t end = time_now_ns() + 5 * SECOND;
	snprintf(path, sizeof(path), "%s/params", v->dir);
	/* The toolstack writes it just after making the directory. */
	while (xb_read(path, params, sizeof(params)) < 0)
		if (time_now_ns() >= end)
			return NULL;
		else
			thread_sleep_ns(SECOND / 20);
	if (strncmp(params, "ram:", 4) == 0)
		return mode(v, ram(v, params + 4));
	return mode(v, blkdev_find(params));
}

/* The keys first: a frontend reads them once it sees InitWait. */
static int advertise(struct vbd *v)
{
	uint64_t sectors = v->dev->sectors * (v->dev->sector_size / BLKIF_SECTOR_SIZE);
	int rc = put(v, "sectors", sectors) | put(v, "sector-size", v->dev->sector_size) |
		 put(v, "info", v->dev->write ? 0 : VDISK_READONLY) |
		 put(v, "feature-flush-cache", 1) | put(v, "feature-barrier", 1) |
		 put(v, "feature-discard", v->dev->write != NULL) |
		 put(v, "discard-granularity", 4096) | put(v, "discard-alignment", 0) |
		 put(v, "discard-secure", 0) |
		 put(v, "feature-max-indirect-segments", BLKIF_INDIRECT_MAX) |
		 put(v, "feature-persistent", 0);
	return rc < 0 ? -1 : 0;
}

static void kick(evtchn_port_t port, void *data)
{
	(void)port;
	struct vbd *v = data;
	v->kicks++;
	waitq_wake_all(&v->kick_wq);
}

int blkback_connect(struct vbd *v)
{
	char path[XENBUS_PATH + 16], proto[32] = "";

	if (!(v->dev = disk(v)) || v->dev->sector_size < BLKIF_SECTOR_SIZE) {
		blkback_error(v, "params names no disk");
		return -1;
	}
	if (advertise(v) < 0) {
		blkback_error(v, "cannot write the store");
		return -1;
	}
	if (xenbus_back_open(&v->b, v->dir, kick, v, 30 * SECOND) < 0) {
		printf("blkback: %s: no connection\n", v->dir);
		return -1;
	}
	/* No protocol key: the frontend's native one, which is ours. */
	snprintf(path, sizeof(path), "%s/protocol", v->b.dev.peer);
	if (xb_read(path, proto, sizeof(proto)) == 0 && proto[0] &&
	    strcmp(proto, BLKIF_PROTOCOL) != 0) {
		blkback_error(v, "protocol not supported: only x86_32-abi");
		xenbus_back_close(&v->b);
		return -1;
	}
	BACK_RING_INIT(&v->r, (struct blkif_sring *)v->b.rings[0].va);
	printf("blkback: domain %u connected to %s (%llu sectors)\n", v->fe, v->dir,
	       (unsigned long long)(v->dev->sectors * (v->dev->sector_size / BLKIF_SECTOR_SIZE)));
	return 0;
}

void blkback_disconnect(struct vbd *v)
{
	xenbus_back_close(&v->b);
}
