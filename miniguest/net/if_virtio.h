/* The network device's interface (if_virtio.c), for programs that want
 * to say what it is. */
#ifndef MINIGUEST_NET_IF_VIRTIO_H
#define MINIGUEST_NET_IF_VIRTIO_H

#include "lwip/netif.h"

/* Brings the device's interface up; net_start calls it, once. */
void net_iface_start(void);

/* The interface, NULL when no device was brought up. */
struct netif *net_iface(void);

#endif
