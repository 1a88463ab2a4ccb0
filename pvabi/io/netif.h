/* The network split driver (Xen's io/netif.h, x86_32 layout).
 *
 * A vif is two one-page rings between a frontend and its backend, each
 * laid out as every split driver's ring (a 64-byte header, then a
 * power-of-two number of entries): tx carries frames from the frontend,
 * rx carries frames to it. The frontend writes in its device directory
 *   tx-ring-ref, rx-ring-ref   grant refs of the two ring pages
 *   event-channel              one port for both rings (or event-channel-tx
 *                              and event-channel-rx, one each)
 *   request-rx-copy            1: rx by grant copy into posted buffers;
 *                              0 or missing: rx by page flipping
 * and the backend in its own
 *   mac                        the vif's address, "xx:xx:xx:xx:xx:xx"
 *   feature-rx-copy, feature-rx-flip, feature-sg (0: one slot a frame)
 *
 * tx: the frontend grants the page holding a frame and posts a request
 * (gref, offset, size, id); the backend copies the frame out and answers
 * with the request's id. A frame MUST lie within its page (offset + size
 * <= 4096) and MUST be a whole ethernet frame, 14 to 1514 bytes, without
 * NETTXF_more_data unless the backend offers feature-sg; the backend
 * answers anything else NETIF_RSP_ERROR (a gref it cannot copy from too)
 * and drops the frame. An extra-info slot (NETTXF_extra_info) follows
 * its request in the next slot and gets a NETIF_RSP_NULL response.
 *
 * rx: the frontend posts requests (id, gref of an empty page granted to
 * the backend, or for flipping a GTF_accept_transfer entry) and the
 * backend answers each with a frame put there: offset and status (the
 * frame's length, or negative NETIF_RSP_*). A backend with a frame and no
 * posted request MAY drop it (NETIF_RSP_DROPPED is never written: the
 * frontend just sees nothing). */
#ifndef PVABI_IO_NETIF_H
#define PVABI_IO_NETIF_H

#include "../grant_table.h"
#include "../types.h"

/* Ethernet framing the backend accepts on tx (no FCS). */
#define NETIF_ETH_HLEN     14
#define NETIF_ETH_MAX      1514
#define XEN_NETIF_MAX_TX_SIZE 0xffff

/* tx request flags. */
#define NETTXF_csum_blank     (1u << 0)   /* protocol checksum not yet filled */
#define NETTXF_data_validated (1u << 1)   /* checksum already checked */
#define NETTXF_more_data      (1u << 2)   /* the frame goes on in the next slot (sg) */
#define NETTXF_extra_info     (1u << 3)   /* a netif_extra_info slot follows */

struct netif_tx_request {
	grant_ref_t gref;        /* the page holding the frame */
	uint16_t offset;         /* of the frame in it */
	uint16_t flags;          /* NETTXF_* */
	uint16_t id;             /* echoed in the response */
	uint16_t size;           /* the frame's bytes (the whole packet's in its first slot) */
};
PV_CHECK_SIZE(struct netif_tx_request, 12);
PV_CHECK_OFFSET(struct netif_tx_request, offset, 4);
PV_CHECK_OFFSET(struct netif_tx_request, size, 10);

/* Extra info, in a request slot of its own. */
#define XEN_NETIF_EXTRA_TYPE_NONE      0
#define XEN_NETIF_EXTRA_TYPE_GSO       1
#define XEN_NETIF_EXTRA_TYPE_MCAST_ADD 2
#define XEN_NETIF_EXTRA_TYPE_MCAST_DEL 3
#define XEN_NETIF_EXTRA_TYPE_HASH      4
#define XEN_NETIF_EXTRA_TYPE_XDP       5
#define XEN_NETIF_EXTRA_TYPE_MAX       6
#define XEN_NETIF_EXTRA_FLAG_MORE      (1u << 0)   /* another extra slot follows */
#define XEN_NETIF_GSO_TYPE_NONE  0
#define XEN_NETIF_GSO_TYPE_TCPV4 1
#define XEN_NETIF_GSO_TYPE_TCPV6 2

struct netif_extra_info {
	uint8_t type;            /* XEN_NETIF_EXTRA_TYPE_* */
	uint8_t flags;           /* XEN_NETIF_EXTRA_FLAG_* */
	union {
		struct {
			uint16_t size;   /* segment size */
			uint8_t type;    /* XEN_NETIF_GSO_TYPE_* */
			uint8_t pad;
			uint16_t features;
		} gso;
		struct {
			uint8_t addr[6];
		} mcast;
		uint16_t pad[3];
	} u;
};
PV_CHECK_SIZE(struct netif_extra_info, 8);

struct netif_tx_response {
	uint16_t id;
	int16_t status;          /* NETIF_RSP_* */
};
PV_CHECK_SIZE(struct netif_tx_response, 4);

struct netif_rx_request {
	uint16_t id;             /* echoed in the response */
	uint16_t pad;
	grant_ref_t gref;        /* the empty page to fill (or to swap) */
};
PV_CHECK_SIZE(struct netif_rx_request, 8);
PV_CHECK_OFFSET(struct netif_rx_request, gref, 4);

/* rx response flags. */
#define NETRXF_data_validated (1u << 0)
#define NETRXF_csum_blank     (1u << 1)
#define NETRXF_more_data      (1u << 2)
#define NETRXF_extra_info     (1u << 3)
#define NETRXF_gso_prefix     (1u << 4)

struct netif_rx_response {
	uint16_t id;
	uint16_t offset;         /* of the frame in the page */
	uint16_t flags;          /* NETRXF_* */
	int16_t status;          /* the frame's length, or negative NETIF_RSP_* */
};
PV_CHECK_SIZE(struct netif_rx_response, 8);

#define NETIF_RSP_DROPPED (-2)
#define NETIF_RSP_ERROR   (-1)
#define NETIF_RSP_OKAY    0
#define NETIF_RSP_NULL    1      /* the response to an extra-info slot */

/* One-page rings: a slot holds a request or its response. */
union netif_tx_slot {
	struct netif_tx_request req;
	struct netif_extra_info extra;
	struct netif_tx_response rsp;
};
union netif_rx_slot {
	struct netif_rx_request req;
	struct netif_rx_response rsp;
};
PV_CHECK_SIZE(union netif_tx_slot, 12);
PV_CHECK_SIZE(union netif_rx_slot, 8);
/* (4096 - 64) / 12 = 336 and (4096 - 64) / 8 = 504, rounded down to a
 * power of two: Xen's NET_TX_RING_SIZE and NET_RX_RING_SIZE. */
#define NET_TX_RING_SIZE 256
#define NET_RX_RING_SIZE 256
_Static_assert(NET_TX_RING_SIZE * sizeof(union netif_tx_slot) <= 4096 - 64 &&
	       2 * NET_TX_RING_SIZE * sizeof(union netif_tx_slot) > 4096 - 64,
	       "the tx ring fills one page");
_Static_assert(NET_RX_RING_SIZE * sizeof(union netif_rx_slot) <= 4096 - 64 &&
	       2 * NET_RX_RING_SIZE * sizeof(union netif_rx_slot) > 4096 - 64,
	       "the rx ring fills one page");

#endif
