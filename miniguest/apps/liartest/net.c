/* Each vif in turn: 66 frames out (two more than there are tx buffers),
 * three seconds of frames in, each checked against the pattern netliar
 * writes; then the counters, and the vif closed. */
#include <stdio.h>
#include <string.h>

#include "kernel/time.h"
#include "netif/front.h"
#include "netif/netif.h"
#include "liartest.h"

#define OUT (NETFRONT_TX_BUFS + 2)

struct in {
	const uint8_t *mac;
	unsigned frames, right;
};

/* netliar's frames: to us, then bytes counting up from the first. */
static void deliver(void *arg, const uint8_t *frame, uint16_t len)
{
	struct in *in = arg;
	bool ok = len > NETIF_ETH_HLEN && memcmp(frame, in->mac, 6) == 0;

	for (unsigned i = NETIF_ETH_HLEN; ok && i < len; i++)
		ok = frame[i] == (uint8_t)(frame[NETIF_ETH_HLEN] + i - NETIF_ETH_HLEN);
	in->frames++;
	in->right += ok;
}

static unsigned send(struct netfront *nf, unsigned *refused)
{
	unsigned sent = 0;

	for (unsigned i = 0; i < OUT && !nf->dead; i++) {
		int id = netfront_tx_get(nf);

		if (id < 0) {
			(*refused)++;
			continue;
		}
		memset(nf->tx_page[id], 0xff, 6);
		memcpy(nf->tx_page[id] + 6, nf->mac, 6);
		memset(nf->tx_page[id] + 12, 0x88, 48);
		netfront_tx_put(nf, id, 60);
		sent++;
	}
	return sent;
}

static void receive(struct netfront *nf, struct in *in)
{
	uint64_t end = time_now_ns() + 3 * SECOND;

	while (!nf->dead && time_now_ns() < end) {
		unsigned seen = nf->events;

		if (!netfront_rx(nf, deliver, in))
			netfront_wait(nf, seen, end);
	}
}

static void one(unsigned devno)
{
	struct netfront *nf = netfront_connect(devno);
	unsigned refused = 0;

	if (!nf) {
		printf("liartest: vif %u: not connected\n", devno);
		return;
	}
	struct in in = { .mac = nf->mac };
	unsigned sent = send(nf, &refused);
	receive(nf, &in);
	printf("liartest: vif %u: %u in (%u right), %llu rx errors; %u out, %u refused, "
	       "%llu tx errors; %s%s\n", devno, in.frames, in.right,
	       (unsigned long long)nf->rx_errors, sent, refused,
	       (unsigned long long)nf->tx_errors, nf->dead ? "dead: " : "alive",
	       nf->dead && nf->why ? nf->why : "");
	netfront_close(nf);
}

void net_round(void)
{
	unsigned devnos[8], n = netfront_list(devnos, 8);

	printf("liartest: %u vif(s)\n", n);
	for (unsigned i = 0; i < n; i++)
		one(devnos[i]);
}
