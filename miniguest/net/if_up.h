/* Bringing an ethernet interface up in lwIP as the environment says
 * (if_up.c), for the device interfaces (if_virtio.c, if_bridge.c). */
#ifndef MINIGUEST_NET_IF_UP_H
#define MINIGUEST_NET_IF_UP_H

#include <stdbool.h>
#include <stdint.h>

#include "lwip/netif.h"

/* What an ethernet device is to lwIP. */
struct net_link {
	char name[2];                   /* lwIP's, "en" */
	uint8_t mac[6];
	/* Sends one frame (from the tcpip thread): 0, or negative. */
	int (*send)(const uint8_t *frame, uint16_t len);
};

/* A frame the device received, into lwIP (any thread; a copy). */
void net_link_input(struct netif *nif, const void *frame, uint16_t len);

/* Adds nif, link's interface, as the default interface and brings it up: a static address when the environment says ip=
 * (with netmask=, default 255.255.255.0, and gw=), otherwise DHCP,
 * waited for at most 10 s. Says the address under name ("en0"); false
 * when the interface could not be added or no lease came. */
bool net_if_up(struct netif *nif, struct net_link *link, const char *name);

#endif
