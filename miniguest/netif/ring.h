/* The vif's two rings in the split-driver ring layout. */
#ifndef NETIF_RING_H
#define NETIF_RING_H

#include "../../pvabi/io/netif.h"
#include "../xenbus/ring.h"

DEFINE_RING_TYPES(netif_tx, union netif_tx_slot, struct netif_tx_response);
DEFINE_RING_TYPES(netif_rx, struct netif_rx_request, struct netif_rx_response);

_Static_assert(RING_PAGE_ENTRIES((struct netif_tx_sring *)0) == NET_TX_RING_SIZE,
	       "Xen's tx ring size");
_Static_assert(RING_PAGE_ENTRIES((struct netif_rx_sring *)0) == NET_RX_RING_SIZE,
	       "Xen's rx ring size");

#endif
