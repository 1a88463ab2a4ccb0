/* The toolstack's part for networks (domain 0): each vif=GUEST[:mac=..]
 * [:rx=copy|flip][:rate=..][:backend=NAME] word (in the environment: the
 * command line's NAME=value words) gives domain GUEST a vif served by this
 * domain's netback, a port of its bridge, or by domain NAME's backend. A
 * guest's vifs are numbered 0, 1... in the order of the words, as Xen
 * numbers them; the address is the word's, else 00:16:3e:DOMID:N (NET-7).
 * Both ends' directories get mac and handle; the frontend's gets rx-mode
 * too (copy or flip), which netfront follows when the backend offers it;
 * a rate goes into the backend's rate key, as Xen's toolstack writes it. */
#include <stdio.h>
#include <string.h>

#include "netif/netif.h"
#include "netif/vif.h"

#define MAX_GUESTS 64

static int key(const char *dir, const char *name, const char *value)
{
	char path[XENBUS_PATH + 24];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return xb_write(path, value);
}

/* One vif: 0 or -1 (said why). */
static int attach(const struct vif_word *w, unsigned *count)
{
	long fe = xenbus_domid_of(w->guest);
	long be = w->backend[0] ? xenbus_domid_of(w->backend) : xb_domid();
	char be_dir[XENBUS_PATH], fe_dir[XENBUS_PATH], mac[18], n[8], rate[32];
	uint8_t addr[6];

	if (fe <= 0 || be < 0 || fe == be || fe >= MAX_GUESTS) {
		printf("netif: vif for %s: no such domain (or the backend's)\n", w->guest);
		return -1;
	}
	unsigned devno = count[fe]++;
	if (w->has_mac)
		memcpy(addr, w->mac, 6);
	else
		netif_mac_make((uint16_t)fe, (uint8_t)devno, addr);
	netif_mac_format(addr, mac);
	snprintf(n, sizeof(n), "%u", devno);
	snprintf(be_dir, sizeof(be_dir), "/local/domain/%ld/backend/vif/%ld/%u", be, fe, devno);
	snprintf(fe_dir, sizeof(fe_dir), "/local/domain/%ld/device/vif/%u", fe, devno);
	/* Xen's backend rate key: bytes per interval, the interval in us. */
	snprintf(rate, sizeof(rate), "%llu,%lu", (unsigned long long)w->rate_bytes,
		 (unsigned long)w->rate_us);
	/* netback waits for handle, written last, before it reads mac and
	 * rate. */
	if (xenbus_create("vif", (uint16_t)fe, (uint16_t)be, devno) < 0 ||
	    key(be_dir, "mac", mac) < 0 || (w->rate_bytes && key(be_dir, "rate", rate) < 0) ||
	    key(be_dir, "handle", n) < 0 ||
	    key(fe_dir, "rx-mode", w->rx_flip ? "flip" : "copy") < 0 ||
	    key(fe_dir, "mac", mac) < 0 || key(fe_dir, "handle", n) < 0)
		return -1;
	printf("netif: domain %ld gets vif %u (%s, rx by %s) from domain %ld\n", fe, devno, mac,
	       w->rx_flip ? "flip" : "copy", be);
	return 0;
}

int netif_toolstack(char *const *words)
{
	static unsigned count[MAX_GUESTS];
	int made = 0;

	for (; words && *words; words++) {
		struct vif_word w;
		long cost = strncmp(*words, "netcost=", 8) == 0 ? xenbus_domid_of(*words + 8) : -1;

		if (cost > 0 && cost < MAX_GUESTS)
			netback_cost_start((uint16_t)cost);
		if (strncmp(*words, "vif=", 4) != 0)
			continue;
		if (netif_vif_word(*words, &w) && attach(&w, count) == 0)
			made++;
		else
			printf("netif: %s: not attached\n", *words);
	}
	return made;
}
