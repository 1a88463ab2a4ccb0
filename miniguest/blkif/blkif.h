/* Block devices over the blkif channel (pvabi/io/blkif.h): blkback serves
 * any struct blkdev to other domains, blkfront makes each of this domain's
 * vbd devices a struct blkdev named xvda, xvdb, ... */
#ifndef BLKIF_BLKIF_H
#define BLKIF_BLKIF_H

#include <stdbool.h>
#include <stdint.h>

#include "pvabi/io/blkif.h"
#include "../xenbus/ring.h"

DEFINE_RING_TYPES(blkif, struct blkif_request, struct blkif_response);

/* Segments one indirect request may carry here: 32 pages, 128 KiB. */
#define BLKIF_INDIRECT_MAX 32u
/* The only layout spoken: this domain's own, Xen's x86_32 one. */
#define BLKIF_PROTOCOL "x86_32-abi"

/* check.c: what a request asks once checked. */
struct blkif_io {
	uint8_t op;                     /* BLKIF_OP_READ/WRITE/FLUSH/DISCARD */
	bool flush;                     /* flush the device first (barrier, flush) */
	uint32_t nsegs;
	uint32_t nindirect;             /* pages of an indirect segment list */
	grant_ref_t indirect[BLKIF_MAX_INDIRECT_PAGES_PER_REQUEST];
	uint64_t sector, nr_sectors;    /* 512-byte sectors */
	struct blkif_request_segment seg[BLKIF_INDIRECT_MAX];
};

/* Check r (a private copy) against a disk of disk_sectors sectors and
 * fill io: BLKIF_RSP_OKAY, BLKIF_RSP_ERROR, or BLKIF_RSP_EOPNOTSUPP (an
 * operation not known, or DISCARD when can_discard is false). An indirect
 * request is only checked here up to its segment list: the caller reads
 * the list into io->seg and calls blkif_check_segs. */
int blkif_check(const struct blkif_request *r, uint64_t disk_sectors, bool can_discard,
		struct blkif_io *io);
/* io->nsegs segments from sector io->sector: inside the disk, each
 * first_sect <= last_sect <= 7. Sets io->nr_sectors. */
int blkif_check_segs(struct blkif_io *io, uint64_t disk_sectors);
/* The indirect pages that hold n segments. */
uint32_t blkif_indirect_pages(uint32_t n);

/* back.c: serve every vbd whose backend directory appears under this
 * domain's backend/vbd (in threads of their own): 0 or -1. */
int blkback_start(void);
/* Requests answered so far, by every device (benchmarks). */
uint64_t blkback_requests(void);

/* front.c: connect every device/vbd/N of this domain and register each as
 * a blkdev, xvda for the lowest N: how many, 0 when there is no store or
 * no vbd. */
int blkfront_probe(void);

/* toolstack.c (domain 0): a vbd for each disk=GUEST:PARAMS[:BACKNAME] in
 * words (NULL-terminated, e.g. environ): how many were made. */
int blkif_toolstack(char *const *words);

#endif
