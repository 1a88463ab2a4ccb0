/* Checking a request from a frontend, which may lie about every field:
 * the request was copied out of the ring first, so it cannot change
 * between the check and the use. Sector arithmetic is 64-bit and never
 * adds before comparing. */
#include <string.h>

#include "blkif.h"

uint32_t blkif_indirect_pages(uint32_t n)
{
	return (uint32_t)(((uint64_t)n + BLKIF_SEGS_PER_INDIRECT_FRAME - 1) /
			  BLKIF_SEGS_PER_INDIRECT_FRAME);
}

static int inside(uint64_t sector, uint64_t count, uint64_t disk_sectors)
{
	return sector <= disk_sectors && count <= disk_sectors - sector ? BLKIF_RSP_OKAY
									 : BLKIF_RSP_ERROR;
}

int blkif_check_segs(struct blkif_io *io, uint64_t disk_sectors)
{
	uint64_t total = 0;
	if (io->nsegs > BLKIF_INDIRECT_MAX)
		return BLKIF_RSP_ERROR;
	for (uint32_t i = 0; i < io->nsegs; i++) {
		const struct blkif_request_segment *s = &io->seg[i];
		if (s->first_sect > s->last_sect || s->last_sect >= BLKIF_SECTORS_PER_PAGE)
			return BLKIF_RSP_ERROR;
		total += (uint64_t)s->last_sect - s->first_sect + 1;
	}
	io->nr_sectors = total;
	return inside(io->sector, total, disk_sectors);
}

/* READ, WRITE, and the flushes that may carry a write. */
static int direct(const struct blkif_request *r, uint32_t min, uint64_t disk_sectors,
		  struct blkif_io *io)
{
	if (r->nr_segments < min || r->nr_segments > BLKIF_MAX_SEGMENTS_PER_REQUEST)
		return BLKIF_RSP_ERROR;
	io->nsegs = r->nr_segments;
	if (!io->nsegs)
		return BLKIF_RSP_OKAY;  /* a flush alone: its sector means nothing */
	memcpy(io->seg, r->seg, io->nsegs * sizeof(io->seg[0]));
	return blkif_check_segs(io, disk_sectors);
}

static int indirect(const struct blkif_request_indirect *r, struct blkif_io *io)
{
	if (r->indirect_op != BLKIF_OP_READ && r->indirect_op != BLKIF_OP_WRITE)
		return BLKIF_RSP_ERROR;
	if (r->nr_segments == 0 || r->nr_segments > BLKIF_INDIRECT_MAX)
		return BLKIF_RSP_ERROR;
	io->op = r->indirect_op;
	io->nsegs = r->nr_segments;
	io->nindirect = blkif_indirect_pages(io->nsegs);
	memcpy(io->indirect, r->indirect_grefs, io->nindirect * sizeof(io->indirect[0]));
	return BLKIF_RSP_OKAY;
}

int blkif_check(const struct blkif_request *r, uint64_t disk_sectors, bool can_discard,
		struct blkif_io *io)
{
	const struct blkif_request_discard *d = (const void *)r;

	io->op = r->operation;
	io->flush = false;
	io->nsegs = io->nindirect = 0;
	io->sector = r->sector_number;
	io->nr_sectors = 0;
	switch (r->operation) {
	case BLKIF_OP_READ:
	case BLKIF_OP_WRITE:
		return direct(r, 1, disk_sectors, io);
	case BLKIF_OP_WRITE_BARRIER:
	case BLKIF_OP_FLUSH_DISKCACHE:
		/* As Xen's backend: a flush, then the write it carries, if any. */
		io->flush = true;
		io->op = r->nr_segments ? BLKIF_OP_WRITE : BLKIF_OP_FLUSH_DISKCACHE;
		return direct(r, 0, disk_sectors, io);
	case BLKIF_OP_DISCARD:
		if (!can_discard)
			return BLKIF_RSP_EOPNOTSUPP;
		io->nr_sectors = d->nr_sectors;
		return io->nr_sectors ? inside(io->sector, io->nr_sectors, disk_sectors)
				      : BLKIF_RSP_ERROR;
	case BLKIF_OP_INDIRECT:
		return indirect((const struct blkif_request_indirect *)r, io);
	default:
		return BLKIF_RSP_EOPNOTSUPP;
	}
}
