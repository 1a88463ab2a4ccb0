/* netfront: one vif of this domain. Frames go out through tx pages of our
 * own, each granted read-only to the backend once and reused (its ring
 * id is its index); frames come in through rx pages posted to the backend,
 * each granted writable once, and posted again as soon as its frame has
 * been taken; with rx=flip the rx buffers are pfns that receive frames by
 * page flipping instead (front_flip.c). The event handler only reaps tx
 * responses and wakes the
 * receiving thread; the network stack's glue (net/netfront_if.c) does the
 * rest in threads. */
#ifndef NETIF_FRONT_H
#define NETIF_FRONT_H

#include "kernel/thread.h"
#include "netif/ring.h"
#include "xenbus/xenbus.h"

#define NETFRONT_TX_BUFS 64u
#define NETFRONT_RX_BUFS 64u

struct netfront {
	unsigned devno;
	struct xenbus_front f;
	struct netif_tx_front_ring tx;
	struct netif_rx_front_ring rx;
	uint8_t mac[6];
	uint8_t *tx_page[NETFRONT_TX_BUFS];
	int tx_ref[NETFRONT_TX_BUFS];
	uint16_t tx_free[NETFRONT_TX_BUFS];   /* a stack of free ids */
	unsigned ntx_free;
	uint8_t *rx_page[NETFRONT_RX_BUFS];
	int rx_ref[NETFRONT_RX_BUFS];
	bool flip;                             /* rx by page flipping */
	uint32_t rx_pfn[NETFRONT_RX_BUFS];     /* flip: the buffers' pfns */
	bool rx_held[NETFRONT_RX_BUFS];        /* flip: a frame came, not yet given back */
	bool rx_posted[NETFRONT_RX_BUFS];      /* on the ring, not yet answered */
	struct waitqueue wq;
	volatile unsigned events;
	volatile bool dead;                    /* the backend broke a ring */
	const char *why;                       /* how */
	uint64_t tx_errors, rx_errors;
	uint64_t tx_dropped;                   /* frames with no tx buffer free in time */
};

/* front.c: connect device/vif/devno: NULL when there is none or its
 * backend did not connect (said why). */
struct netfront *netfront_connect(unsigned devno);
/* The vifs of this domain (device/vif/N), at most max, lowest N first:
 * how many, their numbers in devnos. */
unsigned netfront_list(unsigned *devnos, unsigned max);

/* Give the device back: the backend's end closed, every page and grant
 * the backend no longer holds freed, nf with them. */
void netfront_close(struct netfront *nf);

/* front_ring.c: a free tx page to build a frame in (at most
 * NETIF_ETH_MAX bytes), waiting for one while all are in flight, at most
 * NETFRONT_TX_WAIT_NS (then the frame is dropped, and counted): its id,
 * or -1 when there is none or the device is dead (a backend that has left
 * Connected ends it). */
#define NETFRONT_TX_WAIT_NS 1000000000ull
int netfront_tx_get(struct netfront *nf);
/* Send the frame of len bytes in id's page. */
void netfront_tx_put(struct netfront *nf, int id, uint16_t len);
/* Take every frame that came in, each handed to deliver (which copies it:
 * the page is posted again after), and post the buffers again: the
 * frames taken. */
typedef void netfront_deliver_t(void *arg, const uint8_t *frame, uint16_t len);
unsigned netfront_rx(struct netfront *nf, netfront_deliver_t *deliver, void *arg);
/* Sleep until an event after seen (nf->events) or the deadline. */
void netfront_wait(struct netfront *nf, unsigned seen, uint64_t deadline_ns);
void netfront_event(evtchn_port_t port, void *data);

/* front_flip.c: the rx buffers as pfns given back, each with an
 * accept_transfer entry for the backend: false without memory or
 * entries. */
bool netfront_flip_init(struct netfront *nf);
/* Whether a frame came through id's entry; it is then mapped at id's page. */
bool netfront_flip_take(struct netfront *nf, uint16_t id);
/* The frames taken for the n ids given back, the ids' entries ready for
 * another: ids keeps those that can be posted again, how many. */
unsigned netfront_flip_return(struct netfront *nf, uint16_t *ids, unsigned n);

#endif
