/* netback's rx by page flipping (rx=flip), behind the same to_guest
 * batch as the grant copies: the frame is copied into a spare page of
 * ours (a machine frame we own, mapped nowhere, so that it is ours alone
 * as GNTTABOP_transfer wants), and that frame is transferred through the
 * frontend's accept_transfer entry. The pfn left empty gets a new frame
 * with populate_physmap, a batch at a time. A transfer the hypervisor
 * refuses (an entry that is not a fresh accept_transfer naming us, a
 * frontend at its memory limit) leaves the frame with us: it stays spare,
 * the request is answered NETIF_RSP_ERROR. A page never carries what a
 * frame before left in it: the spares start zeroed, populate_physmap
 * gives zeroed frames, and a spare whose transfer was refused is written
 * over as far as its last frame reached. */
#include <string.h>

#include "kernel/frames.h"
#include "kernel/hypervisor.h"
#include "kernel/pagetable.h"
#include "kernel/reservation.h"
#include "netif/vif.h"

#define SPARES 64
#define REFILL 16               /* empty pfns taken back in one populate_physmap */

static uint32_t spare[SPARES], nspare;  /* pfns with a frame, unmapped */
static uint16_t dirty[SPARES];          /* bytes written in spare[i] */
static uint32_t empty[SPARES], nempty;  /* pfns whose frame went away */
static uint8_t *staging;                /* the frame is written here first */
static bool ready;

static void refill(void)
{
	xen_pfn_t list[SPARES];

	for (uint32_t i = 0; i < nempty; i++)
		list[i] = empty[i];
	uint32_t got = reservation(XENMEM_populate_physmap, list, nempty);
	for (uint32_t i = 0; i < got; i++) {
		p2m_set(empty[i], (uint32_t)list[i]);
		dirty[nspare] = 0;
		spare[nspare++] = empty[i];
	}
	memmove(empty, empty + got, (nempty - got) * sizeof(empty[0]));
	nempty -= got;
}

/* The staging page's len bytes into the machine frame mfn of ours. */
static int fill(uint32_t mfn, uint16_t len)
{
	struct gnttab_copy op = {
		.source = { .ref_or_gmfn = pfn_to_mfn(virt_to_pfn(staging)), .domid = DOMID_SELF },
		.dest = { .ref_or_gmfn = mfn, .domid = DOMID_SELF },
		.len = len,
	};

	if (hypercall_grant_table_op(GNTTABOP_copy, &op, 1) < 0 || op.status != GNTST_okay)
		return -1;
	return 0;
}

static int flip(uint16_t domid, uint32_t gref, uint16_t offset, const void *buf, uint16_t len)
{
	if (nempty >= REFILL || nspare == 0)
		refill();
	if (offset != 0 || nspare == 0)
		return -1;
	uint32_t pfn = spare[nspare - 1];
	uint16_t reach = dirty[nspare - 1] > len ? dirty[nspare - 1] : len;
	memcpy(staging, buf, len);
	memset(staging + len, 0, reach - len);
	if (fill(pfn_to_mfn(pfn), reach) < 0)
		return -1;
	dirty[nspare - 1] = len;
	struct gnttab_transfer op = { .mfn = pfn_to_mfn(pfn), .domid = domid, .ref = gref };
	if (hypercall_grant_table_op(GNTTABOP_transfer, &op, 1) < 0 || op.status != GNTST_okay)
		return -1;
	nspare--;
	p2m_set(pfn, INVALID_P2M_ENTRY);
	empty[nempty++] = pfn;
	return 0;
}

/* A turn's frames for the vifs that receive by flipping: one transfer
 * each. */
static void flips(void *ctx, struct netback_copy_op *ops, unsigned n)
{
	(void)ctx;
	for (unsigned i = 0; i < n; i++)
		ops[i].status = (int16_t)flip(ops[i].domid, ops[i].gref, ops[i].offset, ops[i].buf,
					      ops[i].len);
}

/* The spare pages, once: false without memory for them. */
static bool spares(void)
{
	uint32_t pfn = frame_alloc();

	if (pfn == FRAME_NONE)
		return false;
	staging = pfn_to_virt(pfn);
	while (nspare < SPARES && (pfn = frame_alloc()) != FRAME_NONE) {
		memset(pfn_to_virt(pfn), 0, PAGE_SIZE);
		dirty[nspare] = 0;
		if (unmap_page((uint32_t)(uintptr_t)pfn_to_virt(pfn)) < 0) {
			frame_free(pfn);
			break;
		}
		spare[nspare++] = pfn;
	}
	return nspare == SPARES;
}

bool netback_flip_init(struct vif *v)
{
	if (!ready)
		ready = spares();
	if (!ready)
		return false;
	v->nv.copy.to_guest = flips;
	return true;
}
