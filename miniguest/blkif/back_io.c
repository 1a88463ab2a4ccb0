/* Doing a checked request on the disk. The frontend's data pages are
 * reached by grant map, not grant copy: test/bench/run grant measures a
 * map and unmap of a page at about 13900 cycles and a 4 KiB GNTTABOP_copy
 * at about 29000, and once mapped the disk reads or writes the frontend's
 * page itself, with no second copy. A request's pages are mapped by one
 * hypercall on the worker's window and unmapped by another, and where
 * they lie end to end they go to the disk as one transfer (a 64 KiB
 * request is one virtio request, not sixteen). A page the frontend did
 * not grant us (a bad ref, or one granted to another domain) fails to
 * map: the request is answered BLKIF_RSP_ERROR. Each transfer ends with a
 * yield, so that a long request lets shorter ones finish first. */
#include <string.h>

#include "blkif/back.h"
#include "kernel/grant.h"
#include "kernel/layout.h"

#define DISCARD_CHUNK 8u                /* sectors zeroed per write */

static uint64_t disk_sectors(struct vbd *v)
{
	return v->dev->sectors * (v->dev->sector_size / BLKIF_SECTOR_SIZE);
}

/* An indirect request's segment list, out of the pages it names. */
static int read_segments(struct vbd *v, struct blkif_io *io)
{
	for (uint32_t p = 0; p < io->nindirect; p++) {
		struct grant_mapping m;
		uint32_t first = p * BLKIF_SEGS_PER_INDIRECT_FRAME;
		uint32_t n = io->nsegs - first;
		if (n > BLKIF_SEGS_PER_INDIRECT_FRAME)
			n = BLKIF_SEGS_PER_INDIRECT_FRAME;
		if (grant_map_as(v->fe, io->indirect[p], true, &m) < 0)
			return BLKIF_RSP_ERROR;
		memcpy(&io->seg[first], m.va, n * sizeof(io->seg[0]));
		grant_unmap(&m);
	}
	return blkif_check_segs(io, disk_sectors(v));
}

/* The segments from i that lie end to end on the window: each one but the
 * last reaches its page's end, each one but the first starts its page.
 * The index after the last of them. */
static uint32_t run_end(const struct blkif_io *io, uint32_t i)
{
	while (i + 1 < io->nsegs && io->seg[i].last_sect == BLKIF_SECTORS_PER_PAGE - 1 &&
	       io->seg[i + 1].first_sect == 0)
		i++;
	return i + 1;
}

static int transfer(struct vbd *v, struct blkif_io *io, uint8_t *window)
{
	bool write = io->op == BLKIF_OP_WRITE;
	uint32_t refs[BLKIF_INDIRECT_MAX], handles[BLKIF_INDIRECT_MAX];
	uint64_t sector = io->sector;
	int rc = 0;

	if (write && !v->dev->write)
		return BLKIF_RSP_ERROR;
	for (uint32_t i = 0; i < io->nsegs; i++)
		refs[i] = io->seg[i].gref;
	/* A write only reads the frontend's pages. */
	if (grant_map_many(v->fe, refs, io->nsegs, write, window, handles) < 0)
		return BLKIF_RSP_ERROR;
	for (uint32_t i = 0, end; i < io->nsegs && rc >= 0; i = end) {
		end = run_end(io, i);
		uint8_t *buf = window + (size_t)i * PAGE_SIZE + io->seg[i].first_sect * BLKIF_SECTOR_SIZE;
		uint64_t sectors = (uint64_t)(end - 1 - i) * BLKIF_SECTORS_PER_PAGE +
				   io->seg[end - 1].last_sect + 1 - io->seg[i].first_sect;
		uint64_t bytes = sectors * BLKIF_SECTOR_SIZE, at = sector * BLKIF_SECTOR_SIZE;
		rc = write ? blkdev_pwrite(v->dev, buf, bytes, at) : blkdev_pread(v->dev, buf, bytes, at);
		sector += sectors;
		thread_yield();
	}
	grant_unmap_many(window, handles, io->nsegs);
	return rc < 0 ? BLKIF_RSP_ERROR : BLKIF_RSP_OKAY;
}

/* Discarded sectors read back as zeroes (the disk has no discard of its
 * own): zeroed a few at a time, with a yield after each. */
static int discard(struct vbd *v, struct blkif_io *io)
{
	static const uint8_t zero[DISCARD_CHUNK * BLKIF_SECTOR_SIZE];
	for (uint64_t done = 0; done < io->nr_sectors; done += DISCARD_CHUNK) {
		uint64_t n = io->nr_sectors - done;
		if (n > DISCARD_CHUNK)
			n = DISCARD_CHUNK;
		if (blkdev_pwrite(v->dev, zero, n * BLKIF_SECTOR_SIZE,
				  (io->sector + done) * BLKIF_SECTOR_SIZE) < 0)
			return BLKIF_RSP_ERROR;
		thread_yield();
	}
	return BLKIF_RSP_OKAY;
}

int blkback_do(struct vbd *v, struct blkif_io *io, uint8_t *window)
{
	if (io->nindirect && read_segments(v, io) != BLKIF_RSP_OKAY)
		return BLKIF_RSP_ERROR;
	if (io->flush && v->dev->flush && v->dev->flush(v->dev) < 0)
		return BLKIF_RSP_ERROR;
	switch (io->op) {
	case BLKIF_OP_READ:
	case BLKIF_OP_WRITE:
		return transfer(v, io, window);
	case BLKIF_OP_DISCARD:
		return discard(v, io);
	default:
		return BLKIF_RSP_OKAY;  /* a flush alone, done above */
	}
}
