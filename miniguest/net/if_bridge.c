/* The driver domain's own stack as a port of netback's bridge, as Linux's
 * br0 is: lwIP's interface "br0", with the NIC's address, frames out of
 * it routed by the bridge (to the NIC or a vif), frames the bridge sends
 * it into lwIP. Brought up by the first socket call (net_start.c) in a
 * program linked with it, once the NIC is a port (back_nic.c), with the
 * environment's address or DHCP's (if_up.c). */
#include "net/if_up.h"
#include "netif/vif.h"

static struct netif nif;
static struct netport self;

static bool self_send(struct netport *p, const uint8_t *frame, uint16_t len)
{
	(void)p;
	if (!nif.input)                 /* not added to lwIP yet */
		return false;
	net_link_input(&nif, frame, len);
	return true;
}

static const struct netport_ops self_ops = { self_send, NULL };

static int send(const uint8_t *frame, uint16_t len)
{
	netback_input(&self, frame, len);
	return 0;
}

void net_iface_start(void)
{
	static struct net_link link = { { 'b', 'r' }, { 0 }, send };

	if (!netback_nic_mac(link.mac))
		return;
	self = (struct netport){ .ops = &self_ops, .name = "br0" };
	if (netback_port_attach(&self))
		net_if_up(&nif, &link, "br0");
}
