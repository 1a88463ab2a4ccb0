/* blkback's counters per vbd, by Linux's names for them (its blkback's
 * statistics directory), published in the store under the backend's
 * directory for the toolstack's top. A request is counted once it is
 * done, whatever its status; oo_req counts the requests that had to wait
 * for a worker behind others. */
#include "blkif/back.h"

static const char *const names[VBD_STATS] = {
	[VBD_RD_REQ] = "rd_req", [VBD_WR_REQ] = "wr_req", [VBD_F_REQ] = "f_req",
	[VBD_DS_REQ] = "ds_req", [VBD_OO_REQ] = "oo_req", [VBD_RD_SECT] = "rd_sect",
	[VBD_WR_SECT] = "wr_sect",
};

void blkback_count(struct vbd *v, const struct blkif_io *io)
{
	if (io->flush)
		v->stat[VBD_F_REQ]++;
	switch (io->op) {
	case BLKIF_OP_READ:
		v->stat[VBD_RD_REQ]++;
		v->stat[VBD_RD_SECT] += io->nr_sectors;
		break;
	case BLKIF_OP_WRITE:
		v->stat[VBD_WR_REQ]++;
		v->stat[VBD_WR_SECT] += io->nr_sectors;
		break;
	case BLKIF_OP_DISCARD:
		v->stat[VBD_DS_REQ]++;
		break;
	}
}

void blkback_publish(struct vbd *v)
{
	xenbus_publish_stats(&v->shown, v->dir, names, v->stat, VBD_STATS);
}
