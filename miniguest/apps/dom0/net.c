/* dom0's network, when it holds the NIC: the NIC joins netback's bridge
 * and this domain's own stack comes up behind it as br0 (if_bridge.c), on
 * a thread of its own: its DHCP lease is not waited for here. */
#include <stdio.h>

#include "kernel/thread.h"
#include "netif/vif.h"
#include "dom0.h"

int net_start(void);

static void start(void *arg)
{
	(void)arg;
	net_start();
}

void dom0_net_start(void)
{
	if (netback_nic_start() && !thread_create("br0", start, NULL, 32768))
		printf("dom0: no memory for the network's thread\n");
}
