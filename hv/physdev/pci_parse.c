/* A module's pci= option: devices as BB:DD.F in hex, comma-separated. */
#include "physdev/pci.h"
#include "lib/format.h"

static int hex(const char *s, size_t len, unsigned max, unsigned *out)
{
	unsigned v = 0;

	if (len == 0 || len > 2)
		return -1;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0') :
			     c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10) :
			     c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16u;
		if (d == 16)
			return -1;
		v = v * 16 + d;
	}
	*out = v;
	return v <= max ? 0 : -1;
}

/* "BB:DD.F" exactly. */
static int parse_bdf(const char *s, size_t len, uint16_t *bdf)
{
	unsigned b, d, f;

	if (len < 6 || len > 7 || s[len - 2] != '.' || s[2] != ':' ||
	    hex(s, 2, 255, &b) < 0 || hex(s + 3, len - 5, 31, &d) < 0 ||
	    hex(s + len - 1, 1, 7, &f) < 0)
		return -1;
	*bdf = (uint16_t)(b << 8 | d << 3 | f);
	return 0;
}

int pci_parse(const char *s, size_t len, uint16_t *bdfs, char *err, size_t errlen)
{
	size_t at = 0;
	int n = 0;

	while (at < len) {
		size_t end = at;
		while (end < len && s[end] != ',')
			end++;
		if (n == PCI_GIVE_MAX) {
			format(err, errlen, "pci=%.*s: more than %d devices", (int)len, s,
			       PCI_GIVE_MAX);
			return -1;
		}
		if (parse_bdf(s + at, end - at, &bdfs[n]) < 0) {
			format(err, errlen, "pci=%.*s: '%.*s' is not a device such as 00:03.0 "
			       "(bus:device.function in hex)", (int)len, s, (int)(end - at), s + at);
			return -1;
		}
		for (int i = 0; i < n; i++)
			if (bdfs[i] == bdfs[n]) {
				format(err, errlen, "pci=%.*s: '%.*s' named twice", (int)len, s,
				       (int)(end - at), s + at);
				return -1;
			}
		n++;
		at = end + 1;
	}
	if (len == 0 || s[len - 1] == ',') {
		format(err, errlen, "pci=%.*s: expected devices such as 00:03.0,00:04.0",
		       (int)len, s);
		return -1;
	}
	return n;
}
