/* Vif addresses as the store writes them. */
#include <ctype.h>
#include <stdio.h>

#include "netif.h"

static int hexval(char c)
{
	if (!isxdigit((unsigned char)c))
		return -1;
	return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

bool netif_mac_parse(const char *s, uint8_t mac[6])
{
	for (unsigned i = 0; i < 6; i++) {
		const char *p = s + 3 * i;
		int hi = hexval(p[0]), lo = hi < 0 ? -1 : hexval(p[1]);

		if (hi < 0 || lo < 0)
			return false;
		if (p[2] != (i == 5 ? '\0' : ':'))
			return false;
		mac[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}

void netif_mac_format(const uint8_t mac[6], char out[18])
{
	snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3],
		 mac[4], mac[5]);
}

void netif_mac_make(uint16_t domid, uint8_t devno, uint8_t mac[6])
{
	mac[0] = 0x00;
	mac[1] = 0x16;
	mac[2] = 0x3e;
	mac[3] = (uint8_t)(domid >> 8);
	mac[4] = (uint8_t)domid;
	mac[5] = devno;
}
