/* netfront's rx by page flipping (rx=flip): each rx buffer is a pfn of
 * ours with no frame behind it (given back with decrease_reservation) and
 * an accept_transfer entry naming the backend. The backend transfers a
 * frame holding the packet through the entry; on the response the frame
 * the hypervisor wrote in the entry is mapped at the pfn, the packet is
 * taken, and the frame is given back again before the buffer is posted
 * anew. The backend's word is never taken for a transfer: a response with
 * no completed transfer behind it is an error and its buffer is posted
 * again as it was. */
#include <string.h>

#include "kernel/frames.h"
#include "kernel/pagetable.h"
#include "kernel/reservation.h"
#include "netif/front.h"

/* The frames of the n pfns given back, one batch: the number gone. */
static uint32_t give_back(const uint32_t *pfns, uint32_t n)
{
	xen_pfn_t mfns[NETFRONT_RX_BUFS];

	for (uint32_t i = 0; i < n; i++) {
		mfns[i] = pfn_to_mfn(pfns[i]);
		unmap_page((uint32_t)(uintptr_t)pfn_to_virt(pfns[i]));
		p2m_set(pfns[i], INVALID_P2M_ENTRY);
	}
	uint32_t done = reservation(XENMEM_decrease_reservation, mfns, n);
	/* Those refused are still ours: mapped again, and out of service. */
	for (uint32_t i = done; i < n; i++) {
		p2m_set(pfns[i], (uint32_t)mfns[i]);
		map_frame((uint32_t)(uintptr_t)pfn_to_virt(pfns[i]), pfns[i], MG_PTE_DATA);
	}
	return done;
}

bool netfront_flip_init(struct netfront *nf)
{
	for (unsigned i = 0; i < NETFRONT_RX_BUFS; i++)
		if ((nf->rx_pfn[i] = frame_alloc()) == FRAME_NONE)
			return false;
	if (give_back(nf->rx_pfn, NETFRONT_RX_BUFS) != NETFRONT_RX_BUFS)
		return false;
	for (unsigned i = 0; i < NETFRONT_RX_BUFS; i++) {
		nf->rx_page[i] = pfn_to_virt(nf->rx_pfn[i]);
		nf->rx_ref[i] = gnt_accept_transfer(nf->f.dev.peer_id, nf->rx_pfn[i]);
		if (nf->rx_ref[i] < 0)
			return false;
	}
	return true;
}

bool netfront_flip_take(struct netfront *nf, uint16_t id)
{
	uint32_t mfn, pfn = nf->rx_pfn[id];

	nf->rx_held[id] = gnt_transfer_done(nf->rx_ref[id], &mfn);
	if (!nf->rx_held[id])
		return false;
	/* The hypervisor wrote mfn and made it ours: a mapping it refuses
	 * means a frame that is not, and it is not read. */
	if (map_mfn((uint32_t)(uintptr_t)pfn_to_virt(pfn), mfn, MG_PTE_DATA) < 0) {
		nf->rx_held[id] = false;
		return false;
	}
	p2m_set(pfn, mfn);
	return true;
}

unsigned netfront_flip_return(struct netfront *nf, uint16_t *ids, unsigned n)
{
	uint32_t pfns[NETFRONT_RX_BUFS];
	uint16_t held[NETFRONT_RX_BUFS];
	unsigned k = 0, kept = 0;

	for (unsigned i = 0; i < n; i++)
		if (nf->rx_held[ids[i]]) {
			held[k] = ids[i];
			pfns[k++] = nf->rx_pfn[ids[i]];
		} else {
			ids[kept++] = ids[i];
		}
	uint32_t done = give_back(pfns, k);
	for (unsigned i = 0; i < k; i++) {
		nf->rx_held[held[i]] = false;
		if (i < done)
			ids[kept++] = held[i];
		else
			nf->rx_errors++;        /* the buffer is out of service */
	}
	for (unsigned i = 0; i < kept; i++)
		gnt_accept_again(nf->rx_ref[ids[i]], nf->rx_pfn[ids[i]]);
	return kept;
}
