/* Checks of a tx request: every field is the frontend's to lie about. */
#include "netif.h"

int netif_tx_check(const struct netif_tx_request *r, bool sg)
{
	/* 16-bit fields: their sum cannot wrap in 32 bits. */
	uint32_t end = (uint32_t)r->offset + r->size;

	if (r->size < NETIF_ETH_HLEN || r->size > NETIF_ETH_MAX)
		return NETIF_RSP_ERROR;
	if (end > 4096)
		return NETIF_RSP_ERROR;
	if ((r->flags & NETTXF_more_data) && !sg)
		return NETIF_RSP_ERROR;
	return NETIF_RSP_OKAY;
}

long netif_ring_pending(uint32_t req_prod, uint32_t req_cons, uint32_t ring_size)
{
	uint32_t n = req_prod - req_cons;   /* indices run free: modular */

	return n > ring_size ? -1 : (long)n;
}
