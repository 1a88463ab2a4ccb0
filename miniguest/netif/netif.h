/* What netback and netfront share: checks of what the other end wrote,
 * and vif addresses. Pure functions, so host tests can feed them garbage. */
#ifndef NETIF_NETIF_H
#define NETIF_NETIF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pvabi/io/netif.h"

/* tx_check.c: NETIF_RSP_OKAY for a tx request the backend can carry out
 * (a whole frame in one slot, within its page), else NETIF_RSP_ERROR.
 * sg: the backend offered feature-sg (it does not yet: more_data is an
 * error). */
int netif_tx_check(const struct netif_tx_request *r, bool sg);

/* Requests the frontend claims are waiting: req_prod - req_cons, or -1
 * when that is more than the ring holds (garbage indices: the backend
 * stops serving the vif rather than read stale slots as requests). */
long netif_ring_pending(uint32_t req_prod, uint32_t req_cons, uint32_t ring_size);

/* mac.c: "xx:xx:xx:xx:xx:xx" (hex digits, either case) to bytes: false
 * for anything else. out holds 18 bytes. */
bool netif_mac_parse(const char *s, uint8_t mac[6]);
void netif_mac_format(const uint8_t mac[6], char out[18]);
/* A vif's address: Xen's OUI 00:16:3e, then the frontend's domain and
 * the device number, so two vifs never share one. */
void netif_mac_make(uint16_t domid, uint8_t devno, uint8_t mac[6]);

/* vif_word.c: a command line's vif=GUESTNAME[:mac=xx:xx:xx:xx:xx:xx]
 * [:rx=copy|flip][:rate=RATE/s[@INTERVAL]][:backend=NAME] word (rx by
 * grant copy unless flip is asked for, no rate limit unless one is given,
 * served by domain NAME, else by the toolstack's own; the options in any
 * order): false for any other word, a name that is empty, too long or
 * holds '/', a bad or second option of a kind, or another option. */
struct vif_word {
	char guest[64];
	char backend[64];               /* empty: the toolstack's domain */
	bool rx_flip;
	bool has_mac;
	uint8_t mac[6];
	uint64_t rate_bytes;         /* a turn's credit, 0: no limit */
	uint32_t rate_us;            /* given back this often */
};

/* rate_word.c: Xen xl's RATE/s[@INTERVAL] (the len bytes at s): RATE a
 * decimal number of B, KB, MB, GB or b, Kb, Mb, Gb (bits), INTERVAL of s,
 * ms or us (by default 50ms, at most 10 s), to bytes per interval and
 * the interval in microseconds; false for anything else, or a rate that
 * gives less than a byte an interval. */
bool netif_rate_parse(const char *s, size_t len, uint64_t *bytes, uint32_t *usecs);
bool netif_vif_word(const char *word, struct vif_word *out);

#endif
