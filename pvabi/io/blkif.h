/* The block device channel (Xen's io/blkif.h), x86_32 layout.
 *
 * A frontend asks, a backend answers, over one shared ring page (Xen's
 * io/ring.h: a 64-byte header, then 32 entries, each a request or its
 * response) and one event channel. Sectors are 512 bytes whatever the
 * device's own sector size. Data travels in the frontend's pages, named
 * by grant references: a segment is one page and the sectors
 * first_sect..last_sect (at most 7) within it.
 *
 * Store keys (the backend's directory unless said otherwise):
 *   params                      the toolstack's name for the disk (backend reads)
 *   sectors, sector-size, info  size in 512-byte sectors, the device's sector
 *                               size, VDISK_* flags
 *   feature-flush-cache, feature-barrier, feature-discard (+ discard-granularity,
 *   discard-alignment, discard-secure), feature-max-indirect-segments,
 *   feature-persistent          what the backend accepts
 *   ring-ref, event-channel, protocol   (the frontend's directory)
 *
 * A frontend MUST fill nr_segments in 1..11 for READ and WRITE (0 for
 * FLUSH_DISKCACHE and WRITE_BARRIER without data), first_sect <= last_sect
 * <= 7 in every segment, and sectors inside the disk. A backend MUST check
 * all of that and answer BLKIF_RSP_ERROR when it does not hold,
 * BLKIF_RSP_EOPNOTSUPP for an operation it does not know; it MAY complete
 * requests in any order (the id says which was answered). */
#ifndef PVABI_IO_BLKIF_H
#define PVABI_IO_BLKIF_H

#include "../types.h"
#include "../grant_table.h"

typedef uint16_t blkif_vdev_t;
typedef pv_u64 blkif_sector_t;

#define BLKIF_SECTOR_SIZE 512u
#define BLKIF_SECTORS_PER_PAGE 8u

#define BLKIF_OP_READ             0
#define BLKIF_OP_WRITE            1
#define BLKIF_OP_WRITE_BARRIER    2   /* a flush, then the write (Xen's backend) */
#define BLKIF_OP_FLUSH_DISKCACHE  3
#define BLKIF_OP_RESERVED_1       4
#define BLKIF_OP_DISCARD          5
#define BLKIF_OP_INDIRECT         6

#define BLKIF_MAX_SEGMENTS_PER_REQUEST 11
#define BLKIF_MAX_INDIRECT_PAGES_PER_REQUEST 8

struct blkif_request_segment {
	grant_ref_t gref;               /* the page */
	uint8_t first_sect, last_sect;  /* inclusive, 0..7 */
};
PV_CHECK_SIZE(struct blkif_request_segment, 8);

/* Segments in one page of an indirect request's segment list. */
#define BLKIF_SEGS_PER_INDIRECT_FRAME (4096u / sizeof(struct blkif_request_segment))

struct blkif_request {
	uint8_t operation;              /* BLKIF_OP_* */
	uint8_t nr_segments;
	blkif_vdev_t handle;
	pv_u64 id;                      /* the frontend's, echoed in the response */
	blkif_sector_t sector_number;
	struct blkif_request_segment seg[BLKIF_MAX_SEGMENTS_PER_REQUEST];
};
PV_CHECK_OFFSET(struct blkif_request, id, 4);
PV_CHECK_OFFSET(struct blkif_request, sector_number, 12);
PV_CHECK_OFFSET(struct blkif_request, seg, 20);
PV_CHECK_SIZE(struct blkif_request, 108);

#define BLKIF_DISCARD_SECURE 1u
struct blkif_request_discard {
	uint8_t operation;              /* BLKIF_OP_DISCARD */
	uint8_t flag;                   /* BLKIF_DISCARD_SECURE or 0 */
	blkif_vdev_t handle;
	pv_u64 id;
	blkif_sector_t sector_number;
	pv_u64 nr_sectors;
};
PV_CHECK_OFFSET(struct blkif_request_discard, nr_sectors, 20);
PV_CHECK_SIZE(struct blkif_request_discard, 28);

/* Up to feature-max-indirect-segments segments, listed in the pages
 * indirect_grefs names (BLKIF_SEGS_PER_INDIRECT_FRAME a page). */
struct blkif_request_indirect {
	uint8_t operation;              /* BLKIF_OP_INDIRECT */
	uint8_t indirect_op;            /* BLKIF_OP_READ or BLKIF_OP_WRITE */
	uint16_t nr_segments;
	pv_u64 id;
	blkif_sector_t sector_number;
	blkif_vdev_t handle;
	grant_ref_t indirect_grefs[BLKIF_MAX_INDIRECT_PAGES_PER_REQUEST];
	pv_u64 pad;
};
PV_CHECK_OFFSET(struct blkif_request_indirect, nr_segments, 2);
PV_CHECK_OFFSET(struct blkif_request_indirect, handle, 20);
PV_CHECK_OFFSET(struct blkif_request_indirect, indirect_grefs, 24);
PV_CHECK_SIZE(struct blkif_request_indirect, 64);

struct blkif_response {
	pv_u64 id;                      /* the request's */
	uint8_t operation;              /* the request's */
	int16_t status;                 /* BLKIF_RSP_* */
};
PV_CHECK_OFFSET(struct blkif_response, status, 10);
PV_CHECK_SIZE(struct blkif_response, 12);

#define BLKIF_RSP_EOPNOTSUPP (-2)
#define BLKIF_RSP_ERROR      (-1)
#define BLKIF_RSP_OKAY         0

/* Entries in a one-page ring: (4096 - 64) / 108 rounded down to a power of two. */
#define BLKIF_RING_SIZE 32u

#define VDISK_CDROM     0x1
#define VDISK_REMOVABLE 0x2
#define VDISK_READONLY  0x4

#endif
