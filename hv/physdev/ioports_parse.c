/* A module's ioports= option: ports and ranges, comma-separated. */
#include "physdev/physdev.h"
#include "arch/arch.h"
#include "boot/cmdline.h"
#include "lib/format.h"

/* One "A" or "A-B" of length len at s. */
static int parse_range(const char *s, size_t len, uint16_t *first, uint16_t *last)
{
	size_t dash = 0;
	uint64_t a, b;

	while (dash < len && s[dash] != '-')
		dash++;
	if (parse_uint(s, dash, &a) < 0 || a > 0xffff)
		return -1;
	b = a;
	if (dash < len && (parse_uint(s + dash + 1, len - dash - 1, &b) < 0 || b > 0xffff || b < a))
		return -1;
	*first = (uint16_t)a;
	*last = (uint16_t)b;
	return 0;
}

int ioports_parse(const char *s, size_t len, struct ioports *p, char *err, size_t errlen)
{
	size_t at = 0;

	while (at < len) {
		size_t end = at;
		uint16_t first, last;
		while (end < len && s[end] != ',')
			end++;
		if (parse_range(s + at, end - at, &first, &last) < 0) {
			format(err, errlen, "ioports=%.*s: '%.*s' is not a port or a range "
			       "such as 0x1f0-0x1f7 (ports 0 to 0xffff)", (int)len, s,
			       (int)(end - at), s + at);
			return -1;
		}
		for (uint32_t q = first; q <= last; q++) {
			const char *owner = arch_port_owner((uint16_t)q);
			if (owner) {
				format(err, errlen, "ioports=%.*s: port 0x%x is the hypervisor's "
				       "(%s)", (int)len, s, q, owner);
				return -1;
			}
		}
		if (ioports_add(p, first, last) < 0) {
			format(err, errlen, "ioports=%.*s: more than %d separate ranges",
			       (int)len, s, IOPORT_RANGES_MAX);
			return -1;
		}
		at = end + 1;
	}
	if (len == 0 || s[len - 1] == ',') {
		format(err, errlen, "ioports=%.*s: expected ports such as 0x1f0-0x1f7,0x3f6",
		       (int)len, s);
		return -1;
	}
	return 0;
}
