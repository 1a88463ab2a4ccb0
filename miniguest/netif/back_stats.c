/* netback's counters per vif, published in the store under the vif's
 * backend directory for the toolstack's top, by the names Linux's vifX.Y
 * interface gives them in dom0: rx is what the guest sent (its tx ring),
 * tx what it was given (its rx ring), tx_dropped the frames for it that
 * found no posted buffer or a buffer whose grant failed, rx_errors its
 * requests answered with an error. */
#include "netif/vif.h"

enum { RX_PACKETS, RX_BYTES, RX_ERRORS, TX_PACKETS, TX_BYTES, TX_DROPPED, VIF_STATS };

static const char *const names[VIF_STATS] = {
	[RX_PACKETS] = "rx_packets", [RX_BYTES] = "rx_bytes", [RX_ERRORS] = "rx_errors",
	[TX_PACKETS] = "tx_packets", [TX_BYTES] = "tx_bytes", [TX_DROPPED] = "tx_dropped",
};

void netback_publish(struct vif *v)
{
	const struct netback_stats *st = &v->nv.st;
	uint64_t now[VIF_STATS] = {
		[RX_PACKETS] = st->tx_frames, [RX_BYTES] = st->tx_bytes, [RX_ERRORS] = st->tx_errors,
		[TX_PACKETS] = st->rx_frames, [TX_BYTES] = st->rx_bytes,
		[TX_DROPPED] = st->rx_no_buffer + st->rx_errors,
	};

	xenbus_publish_stats(&v->shown, v->dir, names, now, VIF_STATS);
}
