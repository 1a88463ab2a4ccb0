/* netback in a driver domain (dom0): every vif the toolstack makes under
 * this domain's backend/vif/FE/N is a port of one bridge; one service
 * thread takes tx frames from each connected vif in turn (a budget of
 * slots each, so a flood cannot starve the others), routes them
 * (bridge_route) and puts them into the rx rings of the ports they go
 * out of. The rings' work is back_tx.c and back_rx.c; the pages are
 * reached by grant copy (back_copy.c), or on rx by page flipping when the
 * frontend asks for it (back_flip.c). */
#ifndef NETIF_VIF_H
#define NETIF_VIF_H

#include "kernel/thread.h"
#include "netif/back.h"
#include "netif/bridge.h"
#include "netif/port.h"
#include "xenbus/xenbus.h"

struct vif {
	uint16_t fe;
	uint8_t devno;                  /* N of backend/vif/FE/N */
	struct netport port;            /* on the bridge */
	char dir[XENBUS_PATH];
	uint8_t mac[6];
	struct xenbus_back b;
	struct netback_vif nv;
	volatile bool connected;
	bool rx_flip;                   /* the frontend receives by page flipping */
	struct xenbus_stats shown;      /* the counters in the store */
	unsigned storm_left;            /* frames it may still flood */
	uint64_t storm_next;            /* when storm_left is given back */
	uint64_t storm_seen;            /* till then, it went past the bound
	                                   lately */
};

/* back_conn.c: write the keys a Xen netfront reads, do the handshake with
 * both rings, check the frontend's choices: 0, or -1 with the reason in
 * the error key. */
int netback_connect(struct vif *v);
void netback_error(struct vif *v, const char *why);

/* back_copy.c: the grant-copy batches for v's frontend: false without
 * memory for them. */
bool netback_copy_init(struct vif *v);
/* back_flip.c: v's frames go to its frontend by GNTTABOP_transfer instead
 * (rx=flip): false without memory for the spare pages. */
bool netback_flip_init(struct vif *v);

/* back_serve.c: start the service thread (once); kick it. */
int netback_serve_start(void);
void netback_kick(void);
/* The vif joins the bridge: false when every port is taken. */
bool netback_attach(struct vif *v);
/* A port that is no vif (the NIC, this domain's own stack) joins the
 * bridge: false when every port is taken. Its frames come in by
 * netback_input, from the thread that serves it. */
bool netback_port_attach(struct netport *p);
void netback_input(struct netport *in, const uint8_t *frame, uint16_t len);

/* back_nic.c: the virtio NIC this domain holds, if any, joins the bridge:
 * whether it did. Its address (for this domain's own port): false
 * without one. */
bool netback_nic_start(void);
bool netback_nic_mac(uint8_t mac[6]);

/* back_cost.c: answer guest's data/netcost windows with this domain's
 * running time (benchmarks). */
void netback_cost_start(uint16_t guest);
/* back_stats.c: v's counters into the store (at most every half second). */
void netback_publish(struct vif *v);

/* netback.c: serve every vif made for this domain: 0 or -1. */
int netback_start(void);
/* toolstack.c: the toolstack's vif=GUEST[:mac=..][:rx=copy|flip] words
 * (dom0): the vifs made; a netcost=GUEST word starts back_cost.c for it. */
int netif_toolstack(char *const *words);

#endif
