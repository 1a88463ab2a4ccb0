/* dom0's vif=GUESTNAME[:mac=xx:xx:xx:xx:xx:xx][:rx=copy|flip][:rate=..]
 * [:backend=NAME] words,
 * read apart from the store so that host tests can feed them garbage. */
#include <string.h>

#include "netif.h"

#define MAC_TEXT 17

/* A store name of len bytes at s: not empty, no separator of its own,
 * room for the NUL in out (max bytes). */
static bool name(const char *s, size_t len, char *out, size_t max)
{
	if (len == 0 || len >= max || memchr(s, '/', len))
		return false;
	memcpy(out, s, len);
	out[len] = '\0';
	return true;
}

/* backend=NAME at s, NAME up to the next ':': the length it takes, or 0. */
static size_t backend(const char *s, struct vif_word *out)
{
	const char *end = strchr(s + 8, ':');
	size_t len = end ? (size_t)(end - s - 8) : strlen(s + 8);

	return name(s + 8, len, out->backend, sizeof(out->backend)) ? 8 + len : 0;
}

/* One option at s (after its ':'): the length it takes, or 0 (also for
 * an option already in *seen, a mask of the three). */
static size_t option(const char *s, struct vif_word *out, unsigned *seen)
{
	char mac[MAC_TEXT + 1];

	if (strncmp(s, "mac=", 4) == 0 && strlen(s + 4) >= MAC_TEXT) {
		memcpy(mac, s + 4, MAC_TEXT);
		mac[MAC_TEXT] = '\0';
		if (s[4 + MAC_TEXT] != '\0' && s[4 + MAC_TEXT] != ':')
			return 0;
		if ((*seen & 1) || !netif_mac_parse(mac, out->mac))
			return 0;
		*seen |= 1;
		out->has_mac = true;
		return 4 + MAC_TEXT;
	}
	if (strncmp(s, "rx=copy", 7) == 0 || strncmp(s, "rx=flip", 7) == 0) {
		if ((s[7] != '\0' && s[7] != ':') || (*seen & 2))
			return 0;
		*seen |= 2;
		out->rx_flip = s[3] == 'f';
		return 7;
	}
	if (strncmp(s, "rate=", 5) == 0) {
		size_t n = strcspn(s + 5, ":");

		if ((*seen & 4) || !netif_rate_parse(s + 5, n, &out->rate_bytes, &out->rate_us))
			return 0;
		*seen |= 4;
		return 5 + n;
	}
	if (strncmp(s, "backend=", 8) == 0 && !(*seen & 8)) {
		*seen |= 8;
		return backend(s, out);
	}
	return 0;
}

bool netif_vif_word(const char *word, struct vif_word *out)
{
	const char *guest, *opt;
	size_t len;

	if (strncmp(word, "vif=", 4) != 0)
		return false;
	guest = word + 4;
	opt = strchr(guest, ':');
	len = opt ? (size_t)(opt - guest) : strlen(guest);
	unsigned seen = 0;
	struct vif_word w = { .rx_flip = false };

	if (!name(guest, len, w.guest, sizeof(w.guest)))
		return false;
	while (opt) {
		size_t n = option(opt + 1, &w, &seen);

		if (n == 0)
			return false;
		opt = opt[1 + n] ? opt + 1 + n : NULL;
	}
	*out = w;
	return true;
}
